/**
 * One measured pipeline, run by `bench.ts` in a child process of its own so
 * that its peak memory (maxRSS) is its own:
 *
 *   node dist/scripts/bench-worker.js bare|full FOLDER
 *
 * prints one JSON line (`WorkerResult`). Loading the modules is not timed;
 * listing, reading, parsing (and, for `full`, config, rules and report) is.
 */
import fs from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {articleExtensions} from '../src/parse/article-type.js'

export type Pipeline = 'bare' | 'full'

export interface WorkerResult {
  readonly pipeline: Pipeline
  readonly files: number
  readonly seconds: number
  readonly maxRssKiB: number
  /** Lines the run gave to `warn` (config or file problems). */
  readonly warnings: readonly string[]
}

interface JobResult {
  readonly files: number
  readonly warnings: readonly string[]
}

type Job = () => JobResult

/** Article files under `folder` as the CLI walks it: sorted by name, no dot-folders or node_modules. */
export function listArticles(folder: string): string[] {
  const entries = fs.readdirSync(folder, {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return entries.flatMap((entry) => {
    const child = path.join(folder, entry.name)
    if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : listArticles(child)
    return entry.isFile() && articleExtensions.includes(path.extname(entry.name).toLowerCase()) ? [child] : []
  })
}

/** (a) A bare retext-english parse of every file, read with readFileSync. */
async function bare(folder: string): Promise<Job> {
  const {unified} = await import('unified')
  const {default: retextEnglish} = await import('retext-english')
  return () => {
    const processor = unified().use(retextEnglish)
    const files = listArticles(folder)
    for (const file of files) processor.parse(fs.readFileSync(file, 'utf8'))
    return {files: files.length, warnings: []}
  }
}

/** (b) The default factcheck pipeline as the CLI runs it, JSON report discarded. */
async function full(folder: string): Promise<Job> {
  const {run} = await import('../src/run.js')
  const {createJsonReporter} = await import('../src/report/json.js')
  return () => {
    const warnings: string[] = []
    const result = run({
      cwd: path.dirname(folder),
      inputs: [folder],
      overrides: {},
      reporter: createJsonReporter({quiet: false, color: false}),
      write: () => {},
      warn: (line) => warnings.push(line)
    })
    return {files: result.files, warnings}
  }
}

function measure(pipeline: Pipeline, job: Job): WorkerResult {
  const start = performance.now()
  const {files, warnings} = job()
  const seconds = (performance.now() - start) / 1000
  return {pipeline, files, seconds, maxRssKiB: process.resourceUsage().maxRSS, warnings}
}

async function main(): Promise<void> {
  const [pipeline, folder] = process.argv.slice(2)
  if ((pipeline !== 'bare' && pipeline !== 'full') || folder === undefined) {
    throw new Error('usage: bench-worker.js bare|full FOLDER')
  }
  const job = pipeline === 'bare' ? await bare(folder) : await full(folder)
  process.stdout.write(JSON.stringify(measure(pipeline, job)) + '\n')
}

// Run only as a script: bench.ts imports `listArticles` from here.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
