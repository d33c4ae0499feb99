/**
 * `npm run eval-speakers [-- --part tune|held|all] [--verbose]`: speaker
 * resolution on the annotated PolNeAR articles (../shared/eval/attribution),
 * split by publisher: the model is tuned on `tune` (Breitbart, HuffPost, NYT,
 * USA Today, Western Journalism) and measured on `held` (Politico and the
 * Washington Post, never read while tuning). Writes the quote ledger of the
 * part (as `--format quotes` prints it) to a temporary file and scores it with
 * ../shared/eval/score-quotes.mjs. Not a test: the figures go in notes.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {analyse} from '../src/analysis/analysis.js'
import {pointAt} from '../src/analysis/nlcst/offset-place.js'
import {ledgerOf} from '../src/analysis/speakers/ledger.js'
import type {RuleSetting} from '../src/rule-api/define-rule.js'
import {createProcessor} from '../src/run/processor.js'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const data = path.resolve(projectRoot, '../shared/eval/attribution')
const scorer = path.resolve(projectRoot, '../shared/eval/score-quotes.mjs')
/** Publishers measured on, never tuned on. */
export const heldOutPublishers = ['politico', 'wash-post']

export function partOf(name: string): 'tune' | 'held' {
  return heldOutPublishers.some((publisher) => name.startsWith(publisher + '_')) ? 'held' : 'tune'
}

function main(): void {
  const {values} = parseArgs({options: {part: {type: 'string', default: 'tune'}, verbose: {type: 'boolean', default: false}, out: {type: 'string'}}})
  const part = values.part
  if (!['tune', 'held', 'all'].includes(part)) {
    console.error('eval-speakers: --part is tune, held or all')
    process.exitCode = 2
    return
  }
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) settings[rule.meta.id] = ['off', {}]
  const processor = createProcessor('text', settings)
  const folder = path.join(data, 'articles')
  const names = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.txt') && (part === 'all' || partOf(name) === part))
    .sort()
  const report = names.map((name) => {
    const file = new VFile({path: name, value: fs.readFileSync(path.join(folder, name), 'utf8')})
    const tree = processor.lint(file)
    return {path: name, quotes: ledgerOf(analyse(tree, file).quoteCredits, String(file.value), (offset) => pointAt(file, offset))}
  })
  const out = values.out ?? path.join(os.tmpdir(), `factcheck-quotes-${part}.json`)
  fs.writeFileSync(out, JSON.stringify(report))
  console.log(`${part}: ${names.length} articles, ledger in ${out}`)
  const args = [scorer, '--gold', path.join(data, 'gold-speakers.jsonl'), '--report', out, ...(values.verbose ? ['--verbose'] : [])]
  const result = spawnSync(process.execPath, args, {encoding: 'utf8'})
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
}

main()
