/**
 * `npm run fuzz -- [--runs N] [--seed S]`: check the properties of
 * scripts/fuzz-properties.ts over N generated articles (default 10,000) from
 * seed S (default: the time). Prints the seed and the counts; on a failure,
 * the shrunk article and what failed, and exits 1. `npm test` runs the same
 * properties over a few hundred articles (tests/fuzz.test.ts).
 */
import {parseArgs} from 'node:util'
import type {ArticleType} from '../src/parse/article-type.js'
import {fuzz, loadParsers} from './fuzz-properties.js'

const {values} = parseArgs({options: {runs: {type: 'string', default: '10000'}, seed: {type: 'string'}}})
const runs = Number(values.runs)
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed)
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --runs and --seed take whole numbers')
  process.exit(2)
}

await loadParsers()
console.log(`fuzz: ${runs} articles from seed ${seed}`)
const counts: Record<ArticleType, number> = {text: 0, markdown: 0, html: 0}
const began = performance.now()
let checked = 0
const result = fuzz({
  runs,
  seed,
  onChecked(type) {
    counts[type]++
    if (++checked % 5000 === 0) console.error(`fuzz: ${checked} checked, ${seconds()} s`)
  }
})

function seconds(): string {
  return ((performance.now() - began) / 1000).toFixed(1)
}

console.log(`fuzz: ${result.numRuns} articles checked in ${seconds()} s (text ${counts.text}, markdown ${counts.markdown}, html ${counts.html}; counts include shrinking), seed ${seed}`)
if (result.failed) {
  console.log(`fuzz: FAILED after ${result.numRuns} articles (${result.numShrinks} shrinks); replay with --seed ${seed} (path ${result.counterexamplePath})`)
  console.log(JSON.stringify(result.counterexample?.[0], null, 2))
  console.log(String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance))
  process.exit(1)
}
console.log('fuzz: no failure')
