/**
 * `npm run eval -- FOLDER... GOLD.jsonl... [--score PATH]`: how well the rules
 * find the hand-labelled defects. Runs the factcheck CLI
 * (`node dist/bundle/bin.js --format json FOLDER...`) into a temporary JSON
 * report, then scores it with `score.mjs --verbose` (default
 * ../shared/eval/score.mjs next to the project) against the gold labels (several
 * .jsonl files are joined) and prints the scorer's output.
 * Paths are relative to the current folder (the project root under npm run).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cliScript = path.join(projectRoot, 'dist/bundle/bin.js')
const defaultScorer = path.resolve(projectRoot, '../shared/eval/score.mjs')
const usage = 'usage: npm run eval -- FOLDER... GOLD.jsonl... [--score PATH]'

interface Options {
  readonly folders: readonly string[]
  readonly golds: readonly string[]
  readonly scorer: string
}

class UsageError extends Error {}

function parseOptions(argv: readonly string[]): Options {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options: {score: {type: 'string'}}, allowPositionals: true})
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (${usage})`)
  }
  const {values, positionals} = parsed
  const golds = positionals.filter((arg) => arg.endsWith('.jsonl'))
  const folders = positionals.filter((arg) => !arg.endsWith('.jsonl'))
  if (folders.length === 0 || golds.length === 0) throw new UsageError(usage)
  const scorer = values.score ?? defaultScorer

  for (const folder of folders) if (!isKind(folder, 'folder')) throw new UsageError(`no such folder: ${folder}`)
  for (const gold of golds) if (!isKind(gold, 'file')) throw new UsageError(`no such gold file: ${gold}`)
  if (!isKind(scorer, 'file')) throw new UsageError(`no such scorer: ${scorer}`)
  return {folders, golds, scorer}
}

function isKind(file: string, kind: 'file' | 'folder'): boolean {
  const stats = fs.statSync(file, {throwIfNoEntry: false})
  return kind === 'file' ? stats?.isFile() === true : stats?.isDirectory() === true
}

/** The CLI's JSON report on the folders, written to `reportPath`; exit 1 (errors found) is fine. */
function writeReport(folders: readonly string[], reportPath: string): void {
  const fd = fs.openSync(reportPath, 'w')
  try {
    const child = spawnSync(process.execPath, [cliScript, '--format', 'json', ...folders], {stdio: ['ignore', fd, 'inherit']})
    if (child.status !== 0 && child.status !== 1) throw new Error(`factcheck exited with ${child.status ?? child.signal}; no report to score`)
  } finally {
    fs.closeSync(fd)
  }
}

/** One gold file: the given one, or the given ones joined into `joinedPath`. */
function goldFile(golds: readonly string[], joinedPath: string): string {
  if (golds.length === 1) return golds[0]
  const parts = golds.map((gold) => fs.readFileSync(gold, 'utf8'))
  fs.writeFileSync(joinedPath, parts.map((part) => (part.endsWith('\n') ? part : part + '\n')).join(''))
  return joinedPath
}

/** Run the scorer, its output straight to ours; returns its exit code. */
function score(scorer: string, gold: string, report: string): number {
  const child = spawnSync(process.execPath, [scorer, '--gold', gold, '--report', report, '--verbose'], {stdio: 'inherit'})
  return child.status ?? 1
}

function main(): number {
  const options = parseOptions(process.argv.slice(2))
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-eval-'))
  try {
    const report = path.join(temporary, 'report.json')
    writeReport(options.folders, report)
    return score(options.scorer, goldFile(options.golds, path.join(temporary, 'gold.jsonl')), report)
  } finally {
    fs.rmSync(temporary, {recursive: true, force: true})
  }
}

try {
  process.exitCode = main()
} catch (error) {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = error instanceof UsageError ? 2 : 1
}
