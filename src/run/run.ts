/**
 * A run: find the articles, and for each one in turn resolve its config,
 * read it, lint it (here, on a worker thread with `--jobs`, or not at all
 * when `--cache` has its result), match its paragraphs against the run's
 * corpus, report it and drop it — in run order, with a bounded number of
 * articles in flight, so memory stays flat however many files there are
 * (unified-engine instead holds every file to the end).
 */
import path from 'node:path'
import {ConfigError} from '../config/config-error.js'
import {ConfigFinder, loadConfigFile, type LoadedConfig} from '../config/load-config.js'
import {resolveConfig, type ResolvedConfig} from '../config/resolve-config.js'
import {findArticles} from './files.js'
import {IgnoreFinder} from './ignore.js'
import {fixArticle, type FixOutcome} from './fix-file.js'
import {ruleIds} from '../../rules/index.js'
import type {Baseline, BaselineWriter} from './baseline.js'
import {failureIds} from './failure-ids.js'
import {applyDirectives} from './directives.js'
import type {LintCache} from './cache.js'
import {CorpusIndex} from '../rule-api/corpus-index.js'
import {limitHeapGrowth} from './heap-growth.js'
import type {LintPool} from './jobs/lint-pool.js'
import {addCorpusMessages, corpusPartOf, lintArticle} from './lint.js'
import type {BadRecord, CorpusPart, LintedFile, RecordOrigin} from '../report/reporter.js'
import {articleTypeOf, type ArticleType} from '../parse/article-type.js'
import {looksLikeMarkdown, sniffType} from '../parse/sniff-type.js'
import type {RecordLine} from './records.js'
import {inShard, type Shard} from './shard.js'
import {loadParser} from './processor.js'
import type {RuleSettings} from '../rule-api/define-rule.js'
import {decodeArticle, readArticleFile, type ReadResult} from './read-article.js'
import {count, type Reporter, type Tally} from '../report/reporter.js'
import {toolName} from '../rule-api/define-rule.js'
import {VFile} from 'vfile'

/** What a run tells about its progress. */
export interface RunProgress {
  /** The number of files the run will lint, known before the first. */
  start(total: number): void
  /** One more file done (linted, or failed). */
  tick(): void
}

export interface RunOptions {
  readonly cwd: string
  readonly inputs: readonly string[]
  /** `--config`: use this file instead of discovery. */
  readonly configPath?: string | undefined
  readonly overrides: RuleSettings
  readonly reporter: Reporter
  readonly write: (chunk: string) => void
  /** One line on standard error. */
  readonly warn: (line: string) => void
  /** `--stdin`: the article's bytes and, optionally, the name it stands for. */
  readonly stdin?: {readonly buffer: Uint8Array; readonly filename?: string | undefined} | undefined
  /** `--fix`: apply sure fixes and rewrite files before reporting what remains. */
  readonly fix?: boolean | undefined
  /**
   * With `fix`: write no file, and hand each article's text before and after
   * its fixes here instead (`--fix-dry-run` prints a diff, `--stdin --fix` the text).
   */
  readonly fixOutput?: ((fixed: FixedText) => void) | undefined
  /**
   * `--staged`: articles the caller found, each with its absolute path and a
   * way to read its content, linted in place of `inputs`; ignored ones are skipped.
   */
  readonly articles?: Iterable<{readonly path: string; readonly read: () => ReadResult}> | undefined
  /** `--jobs`: lint on this many worker threads when the run has many articles (default 1: here). */
  readonly jobs?: number | undefined
  /** `--cache`: the cache folder and the version that stamps its entries. */
  readonly cache?: {readonly folder: string; readonly version: string} | undefined
  /** Told the number of files first, then each one done (the CLI's progress bar). */
  readonly progress?: RunProgress | undefined
  /** `--records`: the records to lint in place of `inputs`, one report line each, in this order. */
  readonly records?: AsyncIterable<RecordLine> | undefined
  /** `--shard I/N`: lint only the articles whose path as shown (or record id) falls in this shard. */
  readonly shard?: Shard | undefined
  /**
   * `--emit-paragraph-hashes`: report each file's paragraph keys and leave
   * `shared-paragraph` to `--merge-corpus`, which sees the whole corpus.
   */
  readonly emitParagraphHashes?: boolean | undefined
  /** `--report-unused-disable-directives`: report disables that silence nothing. */
  readonly reportUnusedDirectives?: boolean | undefined
  /** `--baseline`: report (and count) only the messages not in it. */
  readonly baseline?: Baseline | undefined
  /** `--write-baseline`: given every file's messages, before `baseline` takes any away. */
  readonly writeBaseline?: BaselineWriter | undefined
}

/** An article's text before and after `--fix`, for `fixOutput`. */
export interface FixedText {
  /** The path as reports show it. */
  readonly display: string
  readonly before: string
  readonly after: string
  /** The article opened with a byte-order mark. */
  readonly bom: boolean
}

export interface RunResult {
  readonly tally: Tally
  /** A usage, config or I/O failure happened: exit 2. */
  readonly failed: boolean
  readonly files: number
}


export class Linter {
  private readonly finder: ConfigFinder
  private readonly ignores: IgnoreFinder
  private readonly given: LoadedConfig | undefined
  private readonly resolved = new WeakMap<LoadedConfig, ResolvedConfig>()

  constructor(
    private readonly cwd: string,
    configPath: string | undefined,
    private readonly overrides: RuleSettings
  ) {
    this.finder = new ConfigFinder(cwd)
    this.ignores = new IgnoreFinder(cwd)
    // A broken `--config` fails the whole run, before any file.
    this.given = configPath === undefined ? undefined : loadConfigFile(path.resolve(cwd, configPath), configPath)
  }

  /** The resolved config for an article path; throws `ConfigError`. */
  configFor(filePath: string): ResolvedConfig {
    const loaded = this.given ?? this.finder.forFile(filePath)
    let resolved = this.resolved.get(loaded)
    if (!resolved) {
      resolved = resolveConfig(loaded, this.overrides)
      this.resolved.set(loaded, resolved)
    }
    return resolved
  }

  /** Whether `.factcheckignore` or the config's `ignore` skips this path. */
  skips(filePath: string, isFolder: boolean): boolean {
    let config: ResolvedConfig
    try {
      config = this.configFor(isFolder ? path.join(filePath, 'article.txt') : filePath)
    } catch {
      return this.ignores.ignores(filePath, isFolder)
    }
    const base = config.configFile ? path.dirname(config.configFile) : this.cwd
    return this.ignores.ignores(filePath, isFolder, {base, list: config.ignore})
  }

  lint(filePath: string, read: ReadResult): LintedFile {
    return lintArticle(filePath, this.display(filePath), read, this.configFor(filePath))
  }

  display(filePath: string): string {
    const relative = path.relative(this.cwd, filePath)
    return relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative
  }
}

/** An article found for the run, read when its turn comes. */
interface Source {
  /** Absolute: picks the config (and the parser, unless `type` does). */
  readonly path: string
  /** As reports show it (default: `path` relative to the working folder). */
  readonly display?: string | undefined
  readonly type?: ArticleType | undefined
  readonly read: () => ReadResult
  readonly record?: RecordOrigin | undefined
}

/** What the run goes through in order: articles, and `--records` lines that are not records. */
type Item = Source | {readonly bad: BadRecord}

/** An article on its way: read, being linted (or taken from the cache), waiting for its turn to be reported. */
interface InFlight {
  readonly path: string
  readonly read: ReadResult
  readonly config: ResolvedConfig
  readonly linted: Promise<LintedFile>
  readonly cached: boolean
  readonly record?: RecordOrigin | undefined
}

export async function run(options: RunOptions): Promise<RunResult> {
  const linter = new Linter(options.cwd, options.configPath, options.overrides)
  // Loaded only when asked for (start-up): the cache needs node:crypto, the pool worker threads.
  const cache: LintCache | undefined = options.cache && new (await import('./cache.js')).LintCache(options.cache.folder, options.cache.version)
  const tally: Tally = {errors: 0, warnings: 0, infos: 0}
  const badConfigs = new Set<string>()
  // One index for the whole run: `shared-paragraph` finds paragraphs of earlier files in it.
  const corpus = new CorpusIndex()
  const jobs = options.fix ? 1 : Math.max(1, options.jobs ?? 1)
  const window: (InFlight | {readonly bad: BadRecord})[] = []
  let pool: LintPool | undefined
  let failed = false
  let files = 0

  const configError = (error: unknown) => {
    if (!(error instanceof ConfigError)) throw error
    failed = true
    if (!badConfigs.has(error.message)) {
      badConfigs.add(error.message)
      options.warn(error.message)
    }
  }

  /** Start an article: read it, fix it if asked, and lint it here, on a worker, or from the cache. */
  const start = (source: Source): InFlight | undefined => {
    let config: ResolvedConfig
    try {
      config = linter.configFor(source.path)
    } catch (error) {
      configError(error)
      options.progress?.tick()
      return undefined
    }
    const display = source.display ?? linter.display(source.path)
    const type = source.type ?? articleTypeOf(source.path) ?? 'text'
    let read = source.read()
    let fixFailure: FixOutcome | undefined
    const quotes = options.reporter.wantsQuotes === true
    if (options.fix) {
      // Fix passes lint without the corpus, so a file never meets its own earlier passes there.
      const before = read
      const outcome = fixArticle(
        source.path,
        read,
        (value) => lintArticle(source.path, display, {kind: 'text', value, bom: false}, config, type).messages,
        !options.fixOutput
      )
      if (outcome.kind === 'fixed') read = outcome.read
      if (options.fixOutput && before.kind === 'text' && read.kind === 'text') options.fixOutput({display, before: before.value, after: read.value, bom: before.bom})
      if (outcome.kind === 'refused') options.warn(`${display}: ${outcome.problem}`)
      if (outcome.kind === 'failed') fixFailure = outcome
    }
    const hit = read.kind === 'text' && !fixFailure ? cache?.get(source.path, display, read, config, quotes) : undefined
    const record = source.record
    if (hit) return {path: source.path, read, config, linted: Promise.resolve(hit), cached: true, record}
    // An article a worker could not lint (too big for its heap, or the worker died) is linted here.
    const linted =
      pool && read.kind === 'text'
        ? pool.lint(source.path, display, read, config, type, quotes).catch(() => lintHere(source.path, display, read, config, type, quotes))
        : Promise.resolve(lintHere(source.path, display, read, config, type, quotes))
    return {
      path: source.path,
      read,
      config,
      linted: fixFailure?.kind === 'failed' ? linted.then((result) => withFixFailure(result, fixFailure)) : linted,
      cached: false,
      record
    }
  }

  /** Report the oldest article in flight, once linted (or the oldest bad record line). */
  const finish = async (item: InFlight | {readonly bad: BadRecord}) => {
    if ('bad' in item) {
      failed = true
      options.write(options.reporter.problem?.(item.bad) ?? '')
      return
    }
    let linted = await item.linted
    if (cache && !item.cached && item.read.kind === 'text') cache.set(item.path, item.read, item.config, linted)
    const text = item.read.kind === 'text' ? item.read.value : undefined
    let corpusPart: CorpusPart | undefined
    if (text !== undefined) {
      if (options.emitParagraphHashes) corpusPart = corpusPartOf(linted, text, item.config)
      else linted = addCorpusMessages(linted, text, item.config, corpus)
    }
    linted = applyDirectives(linted, {ruleIds, reportUnused: options.reportUnusedDirectives === true})
    options.writeBaseline?.file(linted, text)
    if (options.baseline) linted = options.baseline.newMessages(linted, text)
    files++
    count(tally, linted.messages)
    if (linted.messages.some((message) => failureIds.has(String(message.ruleId)))) failed = true
    options.write(options.reporter.file(linted, item.path, {text, record: item.record, corpus: corpusPart}))
    options.progress?.tick()
  }

  // `--fix`: an interrupt waits for the file being written (the write is synchronous), then ends the run
  // by the same signal; without a handler, Node would die mid-write and leave the temporary file.
  const stopping = options.fix ? stopOnSignals() : undefined
  try {
    const problem = (line: string) => {
      failed = true
      options.warn(line)
    }
    // A path under an ignore file that cannot be read is not linted: its error is told once, as a broken config's.
    const skips = (filePath: string, isFolder: boolean) => {
      try {
        return linter.skips(filePath, isFolder)
      } catch (error) {
        configError(error)
        return true
      }
    }
    for await (const {source, many} of withCount(sourcesOf(options, linter, skips, problem))) {
      if ('bad' in source) {
        window.push(source)
        continue
      }
      await loadParser(source.type ?? articleTypeOf(source.path) ?? 'text')
      // Not with workers: their heaps are capped, and V8 grows a capped heap more slowly near its cap than a
      // fixed 100% would (2 workers over 22,250 files: 294 MiB peak, 363 with the flag).
      if (many && jobs === 1) limitHeapGrowth()
      // Workers only for runs over many articles: for a few, starting them costs more than it saves.
      if (!pool && many && jobs > 1) pool = new (await import('./jobs/lint-pool.js')).LintPool(jobs)
      const item = start(source)
      if (item) window.push(item)
      // Enough articles in flight to keep every worker busy; no more, so memory stays flat.
      while (window.length > jobs * 4) await finish(window.shift()!)
    }
    while (window.length > 0) await finish(window.shift()!)
  } finally {
    stopping?.()
    await pool?.close()
  }
  if (pool?.failure) options.warn(`${pool.failure}; linted on one thread`)

  if (cache?.problem) options.warn(`${cache.folder}: cannot write the cache (${cache.problem}); results were not kept`)
  cache?.prune()
  options.writeBaseline?.end()
  options.write(options.reporter.end(tally))
  return {tally, failed, files}
}

/**
 * The run's articles: `--records`, `--stdin`, `--staged`, or the paths given,
 * those of `--shard` only; problems (no such path) are passed to `problem`.
 */
async function* sourcesOf(
  options: RunOptions,
  linter: Linter,
  skips: (filePath: string, isFolder: boolean) => boolean,
  problem: (line: string) => void
): AsyncGenerator<Item> {
  const shard = options.shard
  if (options.records) {
    yield* recordSources(options.records, options.cwd, shard)
  } else if (options.stdin) {
    const name = options.stdin.filename ?? stdinName(options.stdin.buffer, options.warn)
    const absolutePath = path.resolve(options.cwd, name)
    const buffer = options.stdin.buffer
    if (!(options.stdin.filename && skips(absolutePath, false))) yield {path: absolutePath, read: () => decodeArticle(buffer)}
  } else if (options.articles) {
    const articles = [...options.articles].filter((article) => !skips(article.path, false))
    options.progress?.start(articles.length)
    yield* articles
  } else {
    const find = () => findArticles(options.inputs, {cwd: options.cwd, skip: skips})
    const wanted = (file: string) => !shard || inShard(shardKey(linter.display(file)), shard)
    // A bar needs its total: walk the paths twice (no content read), only when one may be drawn.
    if (options.progress) options.progress.start(countFiles(find(), wanted))
    for (const item of find()) {
      if (item.kind === 'problem') problem(`${item.input}: ${item.problem}`)
      else if (wanted(item.path)) yield {path: item.path, read: () => readArticleFile(item.path)}
    }
  }
}

/** A file's `--shard` key: its path as shown, with `/` between folders on every system. */
function shardKey(display: string): string {
  return display.split(path.sep).join('/')
}

/**
 * `--records`: each record as an article named by its `path` (which picks
 * the config, and the parser unless `type` does) or else its `id`; the config
 * of a record without a path is the working folder's. A bad line goes to the
 * shard of its id, or the first shard when it has none.
 */
async function* recordSources(records: AsyncIterable<RecordLine>, cwd: string, shard: Shard | undefined): AsyncGenerator<Item> {
  for await (const record of records) {
    if (record.kind === 'bad') {
      const {kind: _, ...bad} = record
      if (!shard || (record.id === undefined ? shard.index === 1 : inShard(record.id, shard))) yield {bad}
      continue
    }
    if (shard && !inShard(record.id, shard)) continue
    const absolutePath = path.resolve(cwd, record.path ?? 'stdin.txt')
    const value = record.text
    yield {
      path: absolutePath,
      display: record.path ?? record.id,
      type: record.type ?? articleTypeOf(absolutePath) ?? 'text',
      read: () => ({kind: 'text', value, bom: false}),
      record: {id: record.id, path: record.path, line: record.line, position: record.position}
    }
  }
}

/** Catch SIGINT and SIGTERM, and when one comes, end the process by it once the code running now returns; gives the undo. */
function stopOnSignals(): () => void {
  const signals = ['SIGINT', 'SIGTERM'] as const
  const stop = (signal: NodeJS.Signals) => {
    undo()
    process.kill(process.pid, signal)
  }
  const undo = () => {
    for (const signal of signals) process.off(signal, stop)
  }
  for (const signal of signals) process.on(signal, stop)
  return undo
}

/**
 * The name `--stdin` stands for without `--stdin-filename`: `stdin.html` for
 * an HTML document, `stdin.md` for Markdown with front matter, else
 * `stdin.txt`, said once on stderr when the text has signs of Markdown.
 */
function stdinName(buffer: Uint8Array, warn: (line: string) => void): string {
  // The first 64 KB say how a document opens, and are enough to see Markdown's signs.
  const head = new TextDecoder().decode(buffer.subarray(0, 65_536))
  const type = sniffType(head)
  if (type === 'html') return 'stdin.html'
  if (type === 'markdown') return 'stdin.md'
  if (looksLikeMarkdown(head)) warn('--stdin: linted as plain text (stdin.txt); for Markdown or HTML, name it with --stdin-filename story.md')
  return 'stdin.txt'
}

/** Below this many articles, worker threads cost more to start (about half a second) than they save. */
const fewArticles = 16

/** Each item with whether the run has many (looking at most `fewArticles` ahead). */
async function* withCount<T>(items: AsyncIterable<T>): AsyncGenerator<{source: T; many: boolean}> {
  const iterator = items[Symbol.asyncIterator]()
  const head: T[] = []
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    head.push(next.value)
    if (head.length === fewArticles) break
  }
  const many = head.length === fewArticles
  for (const source of head) yield {source, many}
  if (many) for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield {source: next.value, many}
}

function lintHere(filePath: string, display: string, read: ReadResult, config: ResolvedConfig, type: ArticleType, quotes: boolean): LintedFile {
  try {
    return lintArticle(filePath, display, read, config, type, {quotes})
  } catch (error) {
    return failedLint(display, error)
  }
}

/**
 * A file `--fix` failed on gets that failure in its report, first: an
 * `unwritable` error, or an `internal-error` unless linting the file failed
 * too and already says so.
 */
function withFixFailure(linted: LintedFile, failure: Extract<FixOutcome, {kind: 'failed'}>): LintedFile {
  if (failure.ruleId === 'internal-error' && linted.messages.some((message) => message.ruleId === 'internal-error')) return linted
  const file = new VFile({path: linted.path})
  const message = file.message(failure.problem, {ruleId: failure.ruleId, source: toolName, place: {line: 1, column: 1}})
  message.fatal = true
  message.expected = []
  return {...linted, messages: [message, ...linted.messages]}
}

/** Linting itself failed (a parser bug, a worker that died): one `internal-error` for the file. */
function failedLint(display: string, error: unknown): LintedFile {
  const file = new VFile({path: display})
  const message = file.message(`factcheck failed on this file: ${error instanceof Error ? error.message : String(error)}`, {
    ruleId: 'internal-error',
    source: toolName,
    place: {line: 1, column: 1}
  })
  message.fatal = true
  message.expected = []
  return {path: display, messages: [message], paragraphs: []}
}

/** How many files a walk finds (paths only, no content read) that the run wants: the bar's total. */
export function countFiles(found: Iterable<{readonly kind: string; readonly path?: string}>, wanted: (file: string) => boolean = () => true): number {
  let files = 0
  for (const item of found) if (item.kind === 'file' && wanted(item.path ?? '')) files++
  return files
}
