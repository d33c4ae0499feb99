/**
 * A run: find the articles, and for each one in turn resolve its config,
 * read it, lint it, report it and drop it, so memory stays flat however many
 * files there are (unified-engine instead holds every file to the end).
 */
import path from 'node:path'
import {ConfigError} from './config/config-error.js'
import {ConfigFinder, loadConfigFile, type LoadedConfig} from './config/load-config.js'
import {resolveConfig, type ResolvedConfig} from './config/resolve-config.js'
import {findArticles} from './files.js'
import {IgnoreFinder} from './ignore.js'
import {fixArticle} from './fix-file.js'
import {lintArticle, type LintedFile, type RunContext} from './lint.js'
import {CorpusIndex} from './corpus-index.js'
import type {RuleSettings} from './processor.js'
import {decodeArticle, readArticleFile, type ReadResult} from './read-article.js'
import {count, type Reporter, type Tally} from './report/reporter.js'

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
   * `--staged`: articles the caller found, each with its absolute path and a
   * way to read its content, linted in place of `inputs`; ignored ones are skipped.
   */
  readonly articles?: Iterable<{readonly path: string; readonly read: () => ReadResult}> | undefined
}

export interface RunResult {
  readonly tally: Tally
  /** A usage, config or I/O failure happened: exit 2. */
  readonly failed: boolean
  readonly files: number
}

/** Message ids that mean the run failed on a file rather than found a defect. */
const failureIds = new Set(['unreadable', 'internal-error'])

export class Linter {
  private readonly finder: ConfigFinder
  private readonly ignores = new IgnoreFinder()
  private readonly given: LoadedConfig | undefined
  private readonly resolved = new WeakMap<LoadedConfig, ResolvedConfig>()

  constructor(
    private readonly cwd: string,
    configPath: string | undefined,
    private readonly overrides: RuleSettings
  ) {
    this.finder = new ConfigFinder(cwd)
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

  lint(filePath: string, read: ReadResult, context: RunContext = {}): LintedFile {
    return lintArticle(filePath, this.display(filePath), read, this.configFor(filePath), context)
  }

  display(filePath: string): string {
    const relative = path.relative(this.cwd, filePath)
    return relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative
  }
}

export function run(options: RunOptions): RunResult {
  const linter = new Linter(options.cwd, options.configPath, options.overrides)
  const tally: Tally = {errors: 0, warnings: 0, infos: 0}
  const badConfigs = new Set<string>()
  let failed = false
  let files = 0

  const report = (absolutePath: string, linted: LintedFile) => {
    files++
    count(tally, linted.messages)
    if (linted.messages.some((message) => failureIds.has(String(message.ruleId)))) failed = true
    options.write(options.reporter.file(linted, absolutePath))
  }

  // One index for the whole run: `shared-paragraph` finds paragraphs of earlier files in it.
  const context: RunContext = {corpus: new CorpusIndex()}

  const lintOne = (absolutePath: string, read: () => ReadResult) => {
    try {
      let text = read()
      if (options.fix) {
        // Fix passes lint without the corpus, so a file never meets its own earlier passes there.
        const outcome = fixArticle(absolutePath, text, (value) => linter.lint(absolutePath, {kind: 'text', value, bom: false}).messages)
        if (outcome.kind === 'fixed') text = outcome.read
        if (outcome.kind === 'refused') options.warn(`${linter.display(absolutePath)}: ${outcome.problem}`)
      }
      report(absolutePath, linter.lint(absolutePath, text, context))
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      failed = true
      if (!badConfigs.has(error.message)) {
        badConfigs.add(error.message)
        options.warn(error.message)
      }
    }
  }

  if (options.stdin) {
    const name = options.stdin.filename ?? 'stdin.txt'
    const absolutePath = path.resolve(options.cwd, name)
    const buffer = options.stdin.buffer
    if (!(options.stdin.filename && linter.skips(absolutePath, false))) {
      lintOne(absolutePath, () => decodeArticle(buffer))
    }
  } else if (options.articles) {
    for (const article of options.articles) {
      if (!linter.skips(article.path, false)) lintOne(article.path, article.read)
    }
  } else {
    const found = findArticles(options.inputs, {cwd: options.cwd, skip: (file, isFolder) => linter.skips(file, isFolder)})
    for (const item of found) {
      if (item.kind === 'problem') {
        failed = true
        options.warn(`${item.input}: ${item.problem}`)
      } else {
        lintOne(item.path, () => readArticleFile(item.path))
      }
    }
  }

  options.write(options.reporter.end(tally))
  return {tally, failed, files}
}
