/**
 * `npm run bench [-- FOLDER] [--runs N] [--large DIR] [--skip-large] [--json]`:
 * what factcheck costs, each figure printed against its goal (issue 7).
 * Every pipeline runs in a child process of its own (bench-worker.ts), one
 * after another, so each peak RSS is its own. Over FOLDER (default
 * ../shared/bench/corpus) and the scaling inputs `make-large.sh` builds in
 * DIR (default: a folder in the system's temporary folder, built when absent):
 *
 *   full / bare        the default pipeline on one thread (`run()` as the CLI
 *                      runs it, JSON report discarded) against a bare
 *                      `unified().use(retextEnglish)` parse of the same files;
 *                      medians of N runs, alternating
 *   readability        our rule's messages against retext-readability's over
 *                      FOLDER (scripts/readability-parity.ts)
 *   1 MB article       one ~1 MB article against the same bytes as many files,
 *                      as plain text, Markdown and HTML
 *   22,250 files       ten copies of the corpus: peak RSS, and time against
 *                      the FOLDER run (medians of N runs of each)
 *   --jobs             2 worker threads against 1, over the 22,250 files,
 *                      alternating, medians of N runs; and two processes on
 *                      half the files each, once, as the ceiling
 *   --cache            a warm run over FOLDER against the cold run that filled it
 *   start-up           `factcheck` on the median article against a bare parse
 *                      script (bare-parse.ts), process start to exit, medians
 *
 * A benchmark, not a test: it exits 0 whatever it measures.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {listArticles, type WorkerResult} from './bench-worker.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(here, '../..')
const workerScript = path.join(here, 'bench-worker.js')
const shared = path.resolve(projectRoot, '../shared/bench')

interface Options {
  readonly folder: string
  readonly runs: number
  readonly large: string
  readonly skipLarge: boolean
  readonly json: boolean
}

interface Figure {
  readonly name: string
  readonly value: number
  readonly unit: '×' | 'MiB' | '%' | 'differences'
  readonly goal: number
  /** Whether the goal is an upper bound (`≤`) or a lower one (`≥`). */
  readonly at: 'most' | 'least'
  /** What was measured, in a few words. */
  readonly detail: string
}

class UsageError extends Error {}

function parseOptions(argv: readonly string[]): Options {
  const usage = 'usage: npm run bench [-- FOLDER] [--runs N] [--large DIR] [--skip-large] [--json]'
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {runs: {type: 'string'}, large: {type: 'string'}, 'skip-large': {type: 'boolean'}, json: {type: 'boolean'}},
      allowPositionals: true
    })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (${usage})`)
  }
  const {values, positionals} = parsed
  if (positionals.length > 1) throw new UsageError(usage)
  const runs = Number(values.runs ?? '3')
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs expects a whole number from 1, got \`${values.runs}\``)
  const folder = path.resolve(positionals[0] ?? path.join(shared, 'corpus'))
  if (!fs.statSync(folder, {throwIfNoEntry: false})?.isDirectory()) throw new UsageError(`no such folder: ${folder}`)
  return {
    folder,
    runs,
    large: path.resolve(values.large ?? path.join(os.tmpdir(), 'factcheck-bench-large')),
    skipLarge: values['skip-large'] === true,
    json: values.json === true
  }
}

/** Run one pipeline in a fresh child process and read back its figures. */
function runWorker(args: readonly string[]): WorkerResult {
  const child = spawnSync(process.execPath, [workerScript, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024
  })
  const lastLine = child.stdout.trim().split('\n').pop() ?? ''
  if (child.status !== 0 || !lastLine.startsWith('{')) throw new Error(`bench worker ${args.join(' ')} failed (exit ${child.status ?? child.signal})`)
  const result = JSON.parse(lastLine) as WorkerResult
  for (const line of result.warnings.slice(0, 3)) console.error(`bench: ${args.join(' ')} warned: ${line}`)
  return result
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const mib = (result: WorkerResult) => result.maxRssKiB / 1024

/** Medians of `runs` alternating runs of each worker command: time, CPU time and peak memory, each its own median. */
function paired(runs: number, commands: ReadonlyArray<readonly string[]>): WorkerResult[] {
  const results: WorkerResult[][] = commands.map(() => [])
  for (let index = 0; index < runs; index++) commands.forEach((command, at) => results[at].push(runWorker(command)))
  return results.map((list) => ({
    ...list[0],
    seconds: median(list.map((result) => result.seconds)),
    cpuSeconds: median(list.map((result) => result.cpuSeconds)),
    maxRssKiB: median(list.map((result) => result.maxRssKiB))
  }))
}

function log(line: string): void {
  console.error(`bench: ${line}`)
}

/** The main comparison: the full pipeline on one thread against a bare parse. */
function pipelineFigures(options: Options): {figures: Figure[]; fullSeconds: number} {
  log(`full pipeline against a bare parse over ${options.folder}, ${options.runs} run(s) each`)
  const [bare, full] = paired(options.runs, [
    ['bare', options.folder],
    ['full', options.folder, '--jobs', '1']
  ])
  const megabytes = listArticles(options.folder).reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1e6
  const detail = `${full.files} files, ${megabytes.toFixed(2)} MB: full ${full.seconds.toFixed(2)} s (${mib(full).toFixed(0)} MiB), bare ${bare.seconds.toFixed(2)} s (${mib(bare).toFixed(0)} MiB)`
  return {figures: [{name: 'full pipeline / bare parse, 1 thread', value: full.seconds / bare.seconds, unit: '×', goal: 2.5, at: 'most', detail}], fullSeconds: full.seconds}
}

function readabilityFigure(folder: string): Figure {
  log('readability against retext-readability')
  const child = spawnSync(process.execPath, [path.join(here, 'readability-parity.js'), folder], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  const summary = /readability parity: (.*), (\d+) differences/.exec(child.stdout)
  if (!summary) throw new Error(`readability-parity.js failed (exit ${child.status}): ${child.stderr.slice(0, 500)}`)
  return {name: 'readability messages unlike retext-readability', value: Number(summary[2]), unit: 'differences', goal: 0, at: 'most', detail: summary[1]}
}

function cacheFigure(options: Options): Figure {
  log('--cache: a cold run, then a warm one')
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-bench-cache-'))
  try {
    const cold = runWorker(['full', options.folder, '--jobs', '1', '--cache', folder])
    const warm = median(Array.from({length: options.runs}, () => runWorker(['full', options.folder, '--jobs', '1', '--cache', folder]).seconds))
    return {
      name: '--cache: warm run / cold run',
      value: (100 * warm) / cold.seconds,
      unit: '%',
      goal: 10,
      at: 'most',
      detail: `${cold.files} files: cold ${cold.seconds.toFixed(2)} s, warm ${warm.toFixed(2)} s`
    }
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
}

/** Wall time of a whole process, start to exit. */
function processSeconds(args: readonly string[]): number {
  const start = performance.now()
  const child = spawnSync(process.execPath, args, {stdio: 'ignore'})
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (exit ${child.status ?? child.signal})`)
  return (performance.now() - start) / 1000
}

function startupFigure(folder: string): Figure {
  const files = listArticles(folder)
    .map((file) => ({file, size: fs.statSync(file).size}))
    .sort((a, b) => a.size - b.size)
  const {file, size} = files[Math.floor(files.length / 2)]
  log(`start-up on the median article, ${path.basename(file)}`)
  const bin = path.join(projectRoot, 'dist/bundle/bin.js')
  const bareScript = path.join(here, 'bare-parse.js')
  const ours: number[] = []
  const bare: number[] = []
  for (let index = 0; index < 11; index++) {
    bare.push(processSeconds([bareScript, file]))
    ours.push(processSeconds([bin, file]))
  }
  const [factcheck, parse] = [median(ours), median(bare)]
  return {
    name: 'start-up on one article / bare parse script',
    value: factcheck / parse,
    unit: '×',
    goal: 1.5,
    at: 'most',
    detail: `${path.basename(file)} (${size} B): factcheck ${(factcheck * 1000).toFixed(0)} ms, bare ${(parse * 1000).toFixed(0)} ms, medians of 11`
  }
}

/** The scaling inputs of make-large.sh, built once. */
function largeInputs(options: Options): string {
  const done = path.join(options.large, 'corpus-x10')
  if (fs.existsSync(done) && fs.readdirSync(done).length >= 10 * listArticles(options.folder).length) return options.large
  log(`building the scaling inputs in ${options.large}`)
  // The Markdown and HTML copies and the halves are made from what make-large.sh writes: stale once it runs again.
  for (const name of ['big-article.md', 'big-article.html', 'split-md', 'split-html', 'half-a', 'half-b']) fs.rmSync(path.join(options.large, name), {recursive: true, force: true})
  const child = spawnSync('sh', [path.join(shared, 'make-large.sh'), options.large, options.folder], {stdio: ['ignore', 'ignore', 'inherit']})
  if (child.status !== 0) throw new Error(`make-large.sh failed (exit ${child.status})`)
  return options.large
}

/**
 * The 1 MB article and its split copy as Markdown (the text is already
 * Markdown: paragraphs between blank lines) and as HTML (`<p>` elements).
 */
function markupCopies(large: string): void {
  const asHtml = (text: string) =>
    text
      .split(/\n{2,}/)
      .filter((paragraph) => paragraph.trim())
      .map((paragraph) => `<p>${paragraph.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>\n`)
      .join('\n')
  const formats = [
    ['md', (text: string) => text],
    ['html', asHtml]
  ] as const
  for (const [extension, convert] of formats) {
    const big = path.join(large, `big-article.${extension}`)
    if (!fs.existsSync(big)) fs.writeFileSync(big, convert(fs.readFileSync(path.join(large, 'big-article.txt'), 'utf8')))
    const folder = path.join(large, `split-${extension}`)
    if (fs.existsSync(folder)) continue
    fs.mkdirSync(folder)
    for (const name of fs.readdirSync(path.join(large, 'split'))) {
      fs.writeFileSync(path.join(folder, name.replace(/\.txt$/, `.${extension}`)), convert(fs.readFileSync(path.join(large, 'split', name), 'utf8')))
    }
  }
}

function articleFigure(large: string, runs: number, extension: 'txt' | 'md' | 'html'): Figure {
  log(`1 MB .${extension} article against the same bytes as many files`)
  const split = extension === 'txt' ? 'split' : `split-${extension}`
  const [one, many] = paired(runs, [
    ['full', path.join(large, `big-article.${extension}`), '--jobs', '1'],
    ['full', path.join(large, split), '--jobs', '1']
  ])
  return {
    name: `1 MB .${extension} article / same bytes as many files`,
    value: one.seconds / many.seconds,
    unit: '×',
    goal: 2,
    at: 'most',
    detail: `one article ${one.seconds.toFixed(2)} s, ${many.files} files ${many.seconds.toFixed(2)} s`
  }
}

function largeFigures(options: Options, fullSeconds: number): Figure[] {
  const large = largeInputs(options)
  markupCopies(large)
  const articles = (['txt', 'md', 'html'] as const).map((extension) => articleFigure(large, options.runs, extension))
  const corpus = path.join(large, 'corpus-x10')
  log(`22,250 files on 1 thread and on 2, alternating, ${options.runs} run(s) each (${corpus})`)
  // Paired like the other figures: this machine's speed drifts by a quarter between minutes.
  const [single, double] = paired(options.runs, [
    ['full', corpus, '--jobs', '1'],
    ['full', corpus, '--jobs', '2']
  ])
  log('the same files as two halves, in two processes at once')
  const halves = twoProcessesSeconds(large, corpus)
  return [
    ...articles,
    {
      name: `${double.files} files: peak RSS, --jobs 2 (workers, capped heaps)`,
      value: mib(double),
      unit: 'MiB',
      goal: 300,
      at: 'most',
      detail: `${double.seconds.toFixed(1)} s`
    },
    {
      name: `${single.files} files: peak RSS, --jobs 1 (the run's own thread)`,
      value: mib(single),
      unit: 'MiB',
      goal: 300,
      at: 'most',
      detail: `${single.seconds.toFixed(1)} s`
    },
    {
      name: `${single.files} files: time / time of the ${path.basename(options.folder)} run`,
      value: single.seconds / fullSeconds,
      unit: '×',
      goal: 11,
      at: 'most',
      detail: `${single.seconds.toFixed(1)} s against ${fullSeconds.toFixed(2)} s`
    },
    {
      name: `${single.files} files: --jobs 2 speed-up over --jobs 1`,
      value: single.seconds / double.seconds,
      unit: '×',
      goal: 1.7,
      at: 'least',
      // One lint thread already keeps more than one core busy: V8 marks, sweeps and compiles on threads of its own.
      detail:
        `${single.seconds.toFixed(1)} s → ${double.seconds.toFixed(1)} s on ${os.availableParallelism()} cores; cores busy: ${(single.cpuSeconds / single.seconds).toFixed(2)} with 1 thread, ${(double.cpuSeconds / double.seconds).toFixed(2)} with 2; ` +
        `two processes with half the files each, at once: ${halves.toFixed(1)} s, ${(single.seconds / halves).toFixed(2)}× (what this machine gives two of anything)`
    }
  ]
}

/**
 * Wall time of two independent processes linting half of `corpus` each
 * (every other file), started together: the speed-up two cores give with
 * nothing shared, against which `--jobs 2` is judged.
 */
function twoProcessesSeconds(large: string, corpus: string): number {
  const halves = [path.join(large, 'half-a'), path.join(large, 'half-b')]
  const files = listArticles(corpus)
  const made = halves.every((half) => fs.existsSync(half)) && halves.reduce((sum, half) => sum + listArticles(half).length, 0) === files.length
  if (!made) {
    for (const half of halves) fs.rmSync(half, {recursive: true, force: true})
    for (const half of halves) fs.mkdirSync(half)
    files.forEach((file, index) => {
      const copy = path.join(halves[index % 2], path.basename(file))
      try {
        fs.linkSync(file, copy)
      } catch {
        fs.copyFileSync(file, copy)
      }
    })
  }
  const command = halves.map((half) => `"${process.execPath}" "${workerScript}" full "${half}" --jobs 1 >/dev/null &`).join(' ') + ' wait'
  const start = performance.now()
  const child = spawnSync('sh', ['-c', command], {stdio: 'inherit'})
  if (child.status !== 0) throw new Error(`two bench workers failed (exit ${child.status ?? child.signal})`)
  return (performance.now() - start) / 1000
}

function met(figure: Figure): boolean {
  return figure.at === 'most' ? figure.value <= figure.goal : figure.value >= figure.goal
}

function shown(value: number, unit: Figure['unit']): string {
  if (unit === 'differences') return String(value)
  if (unit === 'MiB') return `${value.toFixed(0)} MiB`
  if (unit === '%') return `${value.toFixed(1)}%`
  return `${value.toFixed(2)}×`
}

function machine() {
  const cpus = os.cpus()
  return {node: process.version, cpu: cpus[0]?.model ?? 'unknown', cores: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30)}
}

function printText(options: Options, figures: readonly Figure[]): void {
  const {node, cpu, cores, memoryGiB} = machine()
  const width = Math.max(...figures.map((figure) => figure.name.length))
  const lines = [
    `node ${node}, ${cpu}, ${cores} cores, ${memoryGiB} GiB; ${options.folder}; medians of ${options.runs} run(s)`,
    '',
    ...figures.flatMap((figure) => [
      `${met(figure) ? 'ok    ' : 'MISSED'} ${figure.name.padEnd(width)}  ${shown(figure.value, figure.unit).padStart(9)}  goal ${figure.at === 'most' ? '≤' : '≥'} ${shown(figure.goal, figure.unit)}`,
      `       ${figure.detail}`
    ]),
    '',
    `${figures.filter(met).length} of ${figures.length} goals met`
  ]
  console.log(lines.join('\n'))
}

function main(): void {
  const options = parseOptions(process.argv.slice(2))
  const {figures, fullSeconds} = pipelineFigures(options)
  figures.push(readabilityFigure(options.folder))
  if (!options.skipLarge) figures.push(...largeFigures(options, fullSeconds))
  figures.push(cacheFigure(options), startupFigure(options.folder))
  if (options.json) console.log(JSON.stringify({...machine(), folder: options.folder, runs: options.runs, figures: figures.map((figure) => ({...figure, met: met(figure)}))}, null, 2))
  else printText(options, figures)
}

try {
  main()
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = error instanceof UsageError ? 2 : 1
}
