/**
 * `npm run bench [-- FOLDER] [--runs N] [--json]`: what factcheck costs on top
 * of the parse that any retext-based linter pays. Over the same article files
 * (default ../shared/bench/corpus) it times
 *
 *   bare  a bare `unified().use(retextEnglish)` parse of each file (readFileSync);
 *   full  the default factcheck pipeline exactly as the CLI runs it: `run()`
 *         from dist/src/run.js (config discovery, parsing, every default rule,
 *         a JSON report written nowhere);
 *
 * each in a child process of its own (bench-worker.ts), one after another, so
 * that each peak RSS is its own. It prints files, MB, seconds, MB/s, peak RSS
 * and the full / bare ratio; with `--runs N`, the medians of N runs of each,
 * alternating bare and full. A benchmark, not a test: nothing fails on speed.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {listArticles, type Pipeline, type WorkerResult} from './bench-worker.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(here, '../..')
const workerScript = path.join(here, 'bench-worker.js')
const defaultFolder = path.resolve(projectRoot, '../shared/bench/corpus')

interface Options {
  readonly folder: string
  readonly runs: number
  readonly json: boolean
}

interface Row {
  readonly pipeline: Pipeline
  readonly files: number
  readonly megabytes: number
  readonly seconds: number
  readonly mbPerSecond: number
  readonly peakRssMiB: number
  /** Seconds of each run, in order. */
  readonly runs: readonly number[]
}

class UsageError extends Error {}

function parseOptions(argv: readonly string[]): Options {
  const usage = 'usage: npm run bench [-- FOLDER] [--runs N] [--json]'
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options: {runs: {type: 'string'}, json: {type: 'boolean'}}, allowPositionals: true})
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (${usage})`)
  }
  const {values, positionals} = parsed
  if (positionals.length > 1) throw new UsageError(usage)
  const runs = Number(values.runs ?? '1')
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs expects a whole number from 1, got \`${values.runs}\``)
  const folder = positionals[0] === undefined ? defaultFolder : path.resolve(positionals[0])
  if (!fs.statSync(folder, {throwIfNoEntry: false})?.isDirectory()) throw new UsageError(`no such folder: ${folder}`)
  return {folder, runs, json: values.json === true}
}

/** Run one pipeline in a fresh child process and read back its figures. */
function runWorker(pipeline: Pipeline, folder: string): WorkerResult {
  const child = spawnSync(process.execPath, [workerScript, pipeline, folder], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024
  })
  const lastLine = child.stdout.trim().split('\n').pop() ?? ''
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    throw new Error(`the ${pipeline} worker failed (exit ${child.status ?? child.signal})`)
  }
  return JSON.parse(lastLine) as WorkerResult
}

/** N runs of each pipeline, alternating bare and full. */
function measureAll(folder: string, runs: number): Record<Pipeline, WorkerResult[]> {
  const results: Record<Pipeline, WorkerResult[]> = {bare: [], full: []}
  for (let index = 0; index < runs; index++) {
    for (const pipeline of ['bare', 'full'] as const) results[pipeline].push(runWorker(pipeline, folder))
  }
  return results
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function summarize(pipeline: Pipeline, results: readonly WorkerResult[], bytes: number): Row {
  const seconds = median(results.map((result) => result.seconds))
  const megabytes = bytes / 1e6
  return {
    pipeline,
    files: results[0].files,
    megabytes,
    seconds,
    mbPerSecond: megabytes / seconds,
    peakRssMiB: median(results.map((result) => result.maxRssKiB)) / 1024,
    runs: results.map((result) => result.seconds)
  }
}

function machine() {
  const cpus = os.cpus()
  return {node: process.version, cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length}
}

function printText(folder: string, runs: number, rows: readonly Row[], ratio: number): void {
  const {node, cpu, cores} = machine()
  const lines = [
    `folder: ${folder}`,
    `node ${node}, ${cpu}, ${cores} cores; ${runs === 1 ? '1 run' : `medians of ${runs} runs`}`,
    '',
    'pipeline  files      MB  seconds    MB/s  peak RSS MiB',
    ...rows.map(
      (row) =>
        row.pipeline.padEnd(8) +
        String(row.files).padStart(7) +
        row.megabytes.toFixed(2).padStart(8) +
        row.seconds.toFixed(2).padStart(9) +
        row.mbPerSecond.toFixed(2).padStart(8) +
        row.peakRssMiB.toFixed(1).padStart(14)
    ),
    '',
    `full / bare seconds: ${ratio.toFixed(2)}`
  ]
  if (runs > 1) lines.push(...rows.map((row) => `${row.pipeline} runs (s): ${row.runs.map((s) => s.toFixed(2)).join(', ')}`))
  console.log(lines.join('\n'))
}

function main(): void {
  const options = parseOptions(process.argv.slice(2))
  const files = listArticles(options.folder)
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0)
  const results = measureAll(options.folder, options.runs)
  const rows = [summarize('bare', results.bare, bytes), summarize('full', results.full, bytes)]
  const ratio = rows[1].seconds / rows[0].seconds

  const warnings = [...new Set(results.full.flatMap((result) => result.warnings))]
  for (const line of warnings.slice(0, 5)) console.error(`bench: full run warned: ${line}`)
  if (rows[0].files !== rows[1].files) console.error(`bench: note: bare parsed ${rows[0].files} files, full linted ${rows[1].files}`)

  if (options.json) console.log(JSON.stringify({folder: options.folder, ...machine(), runs: options.runs, pipelines: rows, ratio}, null, 2))
  else printText(options.folder, options.runs, rows, ratio)
}

try {
  main()
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`bench: ${message}`)
  process.exitCode = error instanceof UsageError ? 2 : 1
}
