/**
 * `npm run eval-vague [-- --verbose] [--articles FOLDER] [--gold FILE] [--score PATH]`:
 * precision and recall of `vague-attribution` on the PolNeAR attribution set
 * (../shared/eval/attribution/), split by publisher. The rule was tuned on
 * four publishers (Breitbart, Huffington Post, New York Times, Politico) and
 * is measured on the other three (USA Today, Washington Post, Western
 * Journalism), which were not read while tuning. Runs the factcheck CLI with
 * only `vague-attribution` on into a temporary JSON report, splits it by the
 * publisher prefix of each file name, and scores each part with score.mjs.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {ruleIds} from '../rules/index.js'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cliScript = path.join(projectRoot, 'dist/bundle/bin.js')
const evalRoot = path.resolve(projectRoot, '../shared/eval')
const rule = 'vague-attribution'

/** Publishers tuned on; every other publisher is held out. */
export const tunePublishers: ReadonlySet<string> = new Set(['breitbart', 'huff-post', 'nyt', 'politico'])

interface ReportFile {
  readonly path: string
  readonly messages: readonly unknown[]
}

/** `nyt_2016-01-20_in-prisoner-swa….txt` → `nyt`. */
function publisherOf(file: string): string {
  return path.basename(file).split('_')[0]
}

function main(): number {
  const {values} = parseArgs({
    options: {
      verbose: {type: 'boolean', default: false},
      articles: {type: 'string', default: path.join(evalRoot, 'attribution/articles')},
      gold: {type: 'string', default: path.join(evalRoot, 'attribution/gold-vague.jsonl')},
      score: {type: 'string', default: path.join(evalRoot, 'score.mjs')}
    }
  })
  const off = ruleIds.filter((id) => id !== rule).flatMap((id) => ['--rule', `${id}=off`])
  const child = spawnSync(process.execPath, [cliScript, '--format', 'json', '--no-progress', ...off, values.articles], {maxBuffer: 1 << 28, encoding: 'utf8'})
  if (child.status !== 0 && child.status !== 1) throw new Error(`factcheck exited with ${child.status ?? child.signal}: ${child.stderr}`)
  const report = JSON.parse(child.stdout) as ReportFile[]
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-eval-vague-'))
  try {
    let status = 0
    for (const [name, tuned] of [
      ['tuned on (breitbart, huff-post, nyt, politico)', true],
      ['held out (usa-today, wash-post, west-journal)', false]
    ] as const) {
      const part = report.filter((file) => tunePublishers.has(publisherOf(file.path)) === tuned)
      const partPath = path.join(temporary, tuned ? 'tune.json' : 'held-out.json')
      fs.writeFileSync(partPath, JSON.stringify(part))
      console.log(`\n${name}: ${part.length} articles`)
      const scored = spawnSync(process.execPath, [values.score, '--gold', values.gold, '--report', partPath, '--rules', rule, ...(values.verbose ? ['--verbose'] : [])], {stdio: 'inherit'})
      status ||= scored.status ?? 1
    }
    return status
  } finally {
    fs.rmSync(temporary, {recursive: true, force: true})
  }
}

try {
  process.exitCode = main()
} catch (error) {
  console.error(`eval-vague: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
