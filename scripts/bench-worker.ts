/**
 * One measured pipeline, run by `bench.ts` in a child process of its own so
 * that its peak memory (maxRSS) is its own:
 *
 *   node dist/scripts/bench-worker.js bare PATH
 *   node dist/scripts/bench-worker.js full PATH [--jobs N] [--cache FOLDER]
 *
 * PATH is a folder or one article. It prints one JSON line (`WorkerResult`).
 * Loading the modules is not timed; listing, reading, parsing (and, for
 * `full`, config, rules, cache and report) is.
 */
import fs from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {articleExtensions} from '../src/parse/article-type.js'

export type Pipeline = 'bare' | 'full'

export interface WorkerResult {
  readonly pipeline: Pipeline
  readonly files: number
  readonly seconds: number
  /** CPU time of the whole process (all threads: V8 also collects garbage and compiles on its own). */
  readonly cpuSeconds: number
  readonly maxRssKiB: number
  /** Lines the run gave to `warn` (config or file problems). */
  readonly warnings: readonly string[]
}

interface JobResult {
  readonly files: number
  readonly warnings: readonly string[]
}

type Job = () => JobResult | Promise<JobResult>

/** Article files under `folder` as the CLI walks it: sorted by name, no dot-folders or node_modules. */
export function listArticles(folder: string): string[] {
  if (!fs.statSync(folder).isDirectory()) return [folder]
  const entries = fs.readdirSync(folder, {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return entries.flatMap((entry) => {
    const child = path.join(folder, entry.name)
    if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : listArticles(child)
    return entry.isFile() && articleExtensions.includes(path.extname(entry.name).toLowerCase()) ? [child] : []
  })
}

/** (a) A bare retext-english parse of every file, read with readFileSync. */
async function bare(target: string): Promise<Job> {
  const {unified} = await import('unified')
  const {default: retextEnglish} = await import('retext-english')
  return () => {
    const processor = unified().use(retextEnglish)
    const files = listArticles(target)
    for (const file of files) processor.parse(fs.readFileSync(file, 'utf8'))
    return {files: files.length, warnings: []}
  }
}

/** (b) The default factcheck pipeline as the CLI runs it, JSON report discarded. */
async function full(target: string, jobs: number, cacheFolder: string | undefined): Promise<Job> {
  const {run} = await import('../src/run/run.js')
  const {createJsonReporter} = await import('../src/report/json.js')
  return async () => {
    const warnings: string[] = []
    const result = await run({
      cwd: path.dirname(target),
      inputs: [target],
      overrides: {},
      reporter: createJsonReporter({quiet: false, color: false}),
      write: () => {},
      warn: (line) => warnings.push(line),
      jobs,
      cache: cacheFolder === undefined ? undefined : {folder: cacheFolder, version: 'bench'}
    })
    return {files: result.files, warnings}
  }
}

async function measure(pipeline: Pipeline, job: Job): Promise<WorkerResult> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const {files, warnings} = await job()
  const seconds = (performance.now() - start) / 1000
  const {user, system} = process.cpuUsage(cpu)
  return {pipeline, files, seconds, cpuSeconds: (user + system) / 1e6, maxRssKiB: process.resourceUsage().maxRSS, warnings}
}

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({options: {jobs: {type: 'string'}, cache: {type: 'string'}}, allowPositionals: true})
  const [pipeline, target] = positionals
  if ((pipeline !== 'bare' && pipeline !== 'full') || target === undefined) {
    throw new Error('usage: bench-worker.js bare|full PATH [--jobs N] [--cache FOLDER]')
  }
  const job = pipeline === 'bare' ? await bare(target) : await full(target, Number(values.jobs ?? '1'), values.cache)
  process.stdout.write(JSON.stringify(await measure(pipeline, job)) + '\n')
}

// Run only as a script: bench.ts imports `listArticles` from here.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
