/**
 * The command line: read flags, call the run, print the report, return the
 * exit code. Nothing else.
 */
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {rules} from '../../rules/index.js'
import {ConfigError} from '../config/config-error.js'
import {loadConfigFile} from '../config/load-config.js'
import {parseRuleFlags} from '../config/resolve-config.js'
import {flags, helpText, parseArgsOptions} from './flags.js'
import {ProgressBar, progressAllowed} from './progress.js'
import {createCompactReporter} from '../report/compact.js'
import {createGithubReporter} from '../report/github.js'
import {createHtmlReporter} from '../report/html.js'
import {createJsonReporter} from '../report/json.js'
import {createRecordsReporter} from '../report/records.js'
import {readRecords} from '../run/records.js'
import {parseShard} from '../run/shard.js'
import {createLspReporter} from '../report/lsp.js'
import {createQuotesReporter} from '../report/quotes.js'
import {createSarifReporter} from '../report/sarif.js'
import type {Reporter, ReporterOptions, Tally} from '../report/reporter.js'
import {createStylishReporter} from '../report/stylish.js'
import {Baseline, BaselineError, baselineWriter} from '../run/baseline.js'
import {printable} from '../report/terminal-text.js'
import {Linter, run, type FixedText} from '../run/run.js'
import {didYouMean} from '../config/suggest.js'
import {packageVersion} from '../rule-api/version.js'
import {atomicFileSink, stdoutSink, type Sink} from '../run/write-atomic.js'

export interface CliIo {
  readonly cwd: string
  readonly stdin: () => Promise<Uint8Array>
  /** Standard input as it comes (`--records`); without it, `stdin` read whole. */
  readonly stdinChunks?: (() => AsyncIterable<Uint8Array>) | undefined
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly color: boolean
  /** Standard error's terminal, when it is one: where the progress bar draws. */
  readonly stderrTerminal?: {readonly columns: () => number} | undefined
  /** Whether standard output is a terminal too (the report then shares the bar's screen). */
  readonly stdoutIsTTY?: boolean | undefined
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

const formats: Readonly<Record<string, (options: ReporterOptions) => Reporter>> = {
  stylish: createStylishReporter,
  json: createJsonReporter,
  lsp: createLspReporter,
  compact: createCompactReporter,
  github: createGithubReporter,
  sarif: createSarifReporter,
  html: createHtmlReporter,
  quotes: createQuotesReporter
}

class UsageError extends Error {}

/** `stylish, json, … or github`: the formats as a sentence. */
function formatList(): string {
  const names = Object.keys(formats)
  return names.slice(0, -1).join(', ') + ' or ' + names.at(-1)
}

/** `--cache` without `--cache-location`, in the working folder as ESLint keeps `.eslintcache`. */
const defaultCacheFolder = '.factcheckcache'

/** Run the CLI on `argv` (without `node` and the script); resolves to the exit code. */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  // File names and config text reach these lines: control characters are escaped.
  const error = (line: string) => io.stderr(`factcheck: ${printable(line)}\n`)
  try {
    return await main(argv, io, error)
  } catch (problem) {
    if (problem instanceof ConfigError || problem instanceof UsageError || problem instanceof BaselineError) {
      error(problem.message)
      return 2
    }
    throw problem
  }
}

async function main(argv: readonly string[], io: CliIo, error: (line: string) => void): Promise<number> {
  const {values, positionals} = parseFlags(argv)

  if (values.help) {
    io.stdout(helpText())
    return 0
  }
  if (values.version) {
    io.stdout(packageVersion() + '\n')
    return 0
  }
  if (values['list-rules']) {
    const width = Math.max(...rules.map((rule) => rule.meta.id.length)) + 2
    io.stdout(rules.map((rule) => `${rule.meta.id.padEnd(width)}${rule.meta.severity.padEnd(7)}${rule.meta.summary}\n`).join(''))
    return 0
  }

  const overrides = parseRuleFlags((values.rule as string[] | undefined) ?? [])
  const configPath = values.config as string | undefined

  if (values['install-hook']) return await installHookCommand(values, positionals, io)
  if (values.force) throw new UsageError('--force needs --install-hook')

  const printFor = values['print-config'] as string | undefined
  if (printFor !== undefined) {
    const config = new Linter(io.cwd, configPath, overrides).configFor(path.resolve(io.cwd, printFor))
    const printable = {...config, configFile: config.configFile && path.relative(io.cwd, config.configFile)}
    io.stdout(JSON.stringify(printable, null, 2) + '\n')
    return 0
  }

  if (values['merge-corpus']) return await mergeCommand(values, positionals, io, error)

  const records = values.records === true
  const givenFormat = values.format as string | undefined
  if (records && givenFormat !== undefined && givenFormat !== 'json') {
    throw new UsageError(`--records writes JSON lines (the messages of the json format); --format ${givenFormat} cannot be used with it`)
  }
  if (records && (positionals.length > 0 || values.stdin || values.staged || values.fix || values.cache)) {
    throw new UsageError('--records reads standard input: it takes no paths and cannot be used with --stdin, --staged, --fix or --cache')
  }
  const shardText = values.shard as string | undefined
  const shard = shardText === undefined ? undefined : parseShard(shardText)
  if (shardText !== undefined && !shard) throw new UsageError(`--shard expects I/N with 1 ≤ I ≤ N (as 3/8), got \`${shardText}\``)
  if (shard && (values.stdin || values.staged)) throw new UsageError('--shard splits paths or --records; it cannot be used with --stdin or --staged')
  const emitParagraphHashes = values['emit-paragraph-hashes'] === true
  if (emitParagraphHashes && !records && givenFormat !== 'json') throw new UsageError('--emit-paragraph-hashes needs --format json or --records')

  const formatName = givenFormat ?? 'stylish'
  const createReporter = records ? createRecordsReporter : formats[formatName]
  if (!createReporter) throw new UsageError(`unknown format \`${formatName}\`${didYouMean(formatName, Object.keys(formats))}; expected ${formatList()}`)

  const maxWarnings = parseMaxWarnings(values['max-warnings'] as string | undefined)
  const outputPath = values.output as string | undefined
  const useStdin = values.stdin === true
  if (!useStdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename needs --stdin')
  if (useStdin && positionals.length > 0) throw new UsageError('--stdin takes no paths')
  const dryRun = values['fix-dry-run'] === true
  if (dryRun && values.fix) throw new UsageError('--fix-dry-run writes nothing and cannot be used with --fix')
  // `--stdin --fix` and `--fix-dry-run` print what the fixes give on stdout; the report goes to stderr.
  const fixToStdout = dryRun || (useStdin && values.fix === true)

  const jobs = parseJobs(values.jobs as string | undefined)
  const cacheLocation = values['cache-location'] as string | undefined
  if (cacheLocation !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache')
  const cache = values.cache ? {folder: path.resolve(io.cwd, cacheLocation ?? defaultCacheFolder), version: packageVersion()} : undefined
  // Loaded only with --cache (start-up: it needs node:crypto).
  const cacheProblem = cache && (await import('../run/cache.js')).cacheFolderProblem(cache.folder)
  if (cacheProblem) throw new UsageError(`${cache.folder}: ${cacheProblem}`)

  const staged = values.staged === true
  if (staged && (positionals.length > 0 || useStdin || values.fix || dryRun)) {
    throw new UsageError('--staged takes no paths and cannot be used with --stdin, --fix or --fix-dry-run')
  }

  const baselinePath = values.baseline as string | undefined
  const baseline = baselinePath === undefined ? undefined : Baseline.read(path.resolve(io.cwd, baselinePath), baselinePath)
  const writeBaselinePath = values['write-baseline'] as string | undefined

  const stdin = useStdin ? {buffer: await io.stdin(), filename: values['stdin-filename'] as string | undefined} : undefined
  const articles = staged ? await stagedSources(io.cwd) : undefined
  const reportStream = fixToStdout ? io.stderr : io.stdout
  const sink: Sink = outputPath === undefined ? {...stdoutSink(), write: reportStream} : openOutput(io.cwd, outputPath)
  const baselineSink = writeBaselinePath === undefined ? undefined : openOutput(io.cwd, writeBaselinePath, 'baseline')
  const reporter = createReporter({
    quiet: values.quiet === true,
    color: outputPath === undefined && io.color,
    verbose: values.verbose === true,
    emitParagraphHashes,
    cwd: io.cwd
  })
  const fixOutput = !fixToStdout ? undefined : dryRun ? await diffPrinter(io.stdout) : (fixed: FixedText) => io.stdout((fixed.bom ? '\uFEFF' : '') + fixed.after)
  const progress = useStdin || records || values['no-progress'] === true ? undefined : progressBar(io)
  const writeReport = (chunk: string) => {
    try {
      sink.write(chunk)
    } catch (problem) {
      // `--output` on a full disk: the run stops (the report cannot be whole) and says which file.
      throw new UsageError(`${outputPath ?? 'stdout'}: cannot write the report (${writeProblem(problem)})`)
    }
  }

  let result
  try {
    result = await run({
      cwd: io.cwd,
      inputs: positionals.length > 0 ? positionals : ['.'],
      configPath,
      overrides,
      reporter,
      // The report goes around the bar only when it shares its terminal.
      write: progress && outputPath === undefined && io.stdoutIsTTY === true ? progress.around(writeReport) : writeReport,
      warn: progress ? progress.around(error) : error,
      stdin,
      articles,
      fix: values.fix === true || dryRun,
      fixOutput,
      jobs,
      cache,
      progress,
      records: records ? readRecords(io.stdinChunks?.() ?? wholeStdin(io)) : undefined,
      shard,
      emitParagraphHashes,
      reportUnusedDirectives: values['report-unused-disable-directives'] === true,
      baseline,
      writeBaseline: baselineSink && baselineWriter(baselineSink)
    })
  } catch (problem) {
    sink.abort()
    baselineSink?.abort()
    throw problem
  } finally {
    progress?.end()
  }
  closeOutput(sink, outputPath)
  if (baselineSink) closeOutput(baselineSink, writeBaselinePath, 'baseline')
  return exitCode(result, maxWarnings, error, values.quiet === true)
}

/** Exit codes (SPEC section 1): 2 when a file failed, 1 for errors or too many warnings. */
function exitCode(
  result: {readonly failed: boolean; readonly tally: Tally},
  maxWarnings: number | undefined,
  error: (line: string) => void,
  quiet: boolean
): number {
  if (result.failed) return 2
  if (result.tally.errors > 0) return 1
  const warnings = result.tally.warnings
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    // --quiet shows no warnings: say so, and how to see the ones counted.
    const hidden = quiet ? ' (not shown with --quiet: run without it to see them)' : ''
    error(`${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}${hidden}`)
    return 1
  }
  return 0
}

/** Flags `--merge-corpus` accepts besides its files. */
const mergeFlags = new Set(['merge-corpus', 'output', 'quiet', 'max-warnings', 'format'])

/** `--merge-corpus FILES…`: one report from the outputs of `--emit-paragraph-hashes` runs. */
async function mergeCommand(values: FlagValues, files: readonly string[], io: CliIo, error: (line: string) => void): Promise<number> {
  const other = Object.keys(values).find((name) => !mergeFlags.has(name))
  if (other !== undefined) throw new UsageError(`--merge-corpus cannot be used with --${other} (only --output, --quiet, --max-warnings and --format json)`)
  const format = values.format as string | undefined
  if (format !== undefined && format !== 'json') throw new UsageError(`--merge-corpus writes what it reads (json or --records lines); --format ${format} cannot be used with it`)
  const maxWarnings = parseMaxWarnings(values['max-warnings'] as string | undefined)
  const outputPath = values.output as string | undefined
  const {mergeCorpus, MergeError} = await import('../run/merge-corpus.js')
  const sink: Sink = outputPath === undefined ? {...stdoutSink(), write: io.stdout} : openOutput(io.cwd, outputPath)
  let result
  try {
    result = await mergeCorpus(
      files.map((file) => path.resolve(io.cwd, file)),
      {quiet: values.quiet === true, write: (chunk) => sink.write(chunk)}
    )
  } catch (problem) {
    sink.abort()
    if (problem instanceof MergeError) throw new UsageError(problem.message)
    throw problem
  }
  closeOutput(sink, outputPath)
  return exitCode(result, maxWarnings, error, values.quiet === true)
}

/** Standard input read whole, as one chunk (a `CliIo` without `stdinChunks`). */
async function* wholeStdin(io: CliIo): AsyncGenerator<Uint8Array> {
  yield await io.stdin()
}

/**
 * `--fix-dry-run`: each changed article as a unified diff (`--- a/PATH`,
 * `+++ b/PATH`, three lines of context), as `git diff` shows it. The diff
 * module loads only here.
 */
async function diffPrinter(write: (text: string) => void): Promise<(fixed: FixedText) => void> {
  const {createTwoFilesPatch} = await import('diff')
  return ({display, before, after}) => {
    if (before === after) return
    const patch = createTwoFilesPatch(`a/${display}`, `b/${display}`, before, after, undefined, undefined, {context: 3})
    // jsdiff opens with a line of `=` that `git apply` and `patch` do not need.
    write(patch.slice(patch.indexOf('\n') + 1))
  }
}

/** A bar on standard error, if it is a terminal and this is not CI. */
function progressBar(io: CliIo): ProgressBar | undefined {
  const terminal = io.stderrTerminal
  if (!terminal || !progressAllowed(io.env ?? {})) return undefined
  return new ProgressBar({write: io.stderr, columns: terminal.columns})
}

type FlagValues = ReturnType<typeof parseFlags>['values']

/** The flags `--install-hook` accepts: itself, `--force`, and the lint flags the hook passes on. */
const hookFlags = new Set(['install-hook', 'force', 'max-warnings', 'quiet', 'rule', 'config'])

/** `--install-hook`: write the pre-commit hook, or say why not (exit 2). */
// The git commands load only when asked for: git means node:child_process (start-up).
async function installHookCommand(values: FlagValues, positionals: readonly string[], io: CliIo): Promise<number> {
  if (positionals.length > 0 || Object.keys(values).some((name) => !hookFlags.has(name))) {
    throw new UsageError('--install-hook takes no paths, and of the other flags only --force, --max-warnings, --quiet, --rule and --config')
  }
  // Check what the hook will pass on now, not at the first commit.
  const maxWarnings = parseMaxWarnings(values['max-warnings'] as string | undefined)
  const rules = (values.rule as string[] | undefined) ?? []
  const configPath = values.config as string | undefined
  const config = configPath === undefined ? undefined : path.resolve(io.cwd, configPath)
  if (config !== undefined) loadConfigFile(config, configPath)
  const lintFlags = [
    ...(values.quiet ? ['--quiet'] : []),
    ...(maxWarnings === undefined ? [] : ['--max-warnings', String(maxWarnings)]),
    ...rules.flatMap((rule) => ['--rule', rule])
  ]

  const [{installHook}, {GitError}] = await Promise.all([import('./install-hook.js'), import('./git.js')])
  let outcome
  try {
    outcome = installHook(io.cwd, {force: values.force === true, lintFlags, config})
  } catch (problem) {
    if (problem instanceof GitError) throw new UsageError(`--install-hook: ${problem.message}`)
    throw problem
  }
  const shown = path.relative(io.cwd, outcome.hookPath) || outcome.hookPath
  switch (outcome.kind) {
    case 'installed':
      io.stdout(`factcheck: installed the pre-commit hook in ${shown}\n`)
      return 0
    case 'replaced':
      io.stdout(`factcheck: replaced the pre-commit hook in ${shown}\n`)
      return 0
    case 'unchanged':
      io.stdout(`factcheck: the pre-commit hook is already installed in ${shown}\n`)
      return 0
    case 'refused':
      throw new UsageError(`${shown} is a different pre-commit hook; left as it is (replace it with --install-hook --force)`)
    case 'refused-own':
      throw new UsageError(
        `${shown} is factcheck's hook already, running \`factcheck ${outcome.command}\` (other flags or another install); ` +
          `left as it is: add --force to replace it with \`factcheck ${outcome.wanted}\``
      )
    case 'failed':
      throw new UsageError(`${shown}: cannot write the pre-commit hook (${writeProblems[outcome.problem] ?? outcome.problem})`)
  }
}

/** `--staged`: the staged articles, each read from the index when its turn comes. */
async function stagedSources(cwd: string) {
  const [{readStaged, stagedArticles}, {GitError}] = await Promise.all([import('./staged.js'), import('./git.js')])
  try {
    return stagedArticles(cwd).map((article) => ({path: article.path, read: () => readStaged(article)}))
  } catch (problem) {
    if (problem instanceof GitError) throw new UsageError(`--staged: ${problem.message}`)
    throw problem
  }
}

// Node's words for an unknown flag: "Unknown option '--formt'. To specify a positional …";
// not "Option '-f, --format <value>' argument missing".
const unknownOption = /^Unknown option '([^']+)'/

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({args: [...argv], options: parseArgsOptions(), allowPositionals: true, strict: true})
  } catch (problem) {
    const message = problem instanceof Error ? problem.message : String(problem)
    const unknown = unknownOption.exec(message)
    if (unknown) {
      const name = unknown[1]
      const hint = name.startsWith('--') ? didYouMean(name, longFlags()) : ''
      throw new UsageError(`unknown flag \`${name}\`${hint}; see --help`)
    }
    throw new UsageError(`${message.replace(/\.$/, '')} (see --help)`)
  }
}

function longFlags(): string[] {
  return flags.map((flag) => `--${flag.name}`)
}

function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings expects a whole number, got \`${text}\``)
  return Number(text)
}

function parseJobs(text: string | undefined): number {
  if (text === undefined) return os.availableParallelism()
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--jobs expects a whole number from 1, got \`${text}\``)
  return Number(text)
}

function openOutput(cwd: string, outputPath: string, what = 'report'): Sink {
  try {
    return atomicFileSink(path.resolve(cwd, outputPath))
  } catch (problem) {
    throw new UsageError(`${outputPath}: cannot write the ${what} (${writeProblem(problem)})`)
  }
}

/** Move the report into place; a failure there is an I/O error (exit 2), not a bug. */
function closeOutput(sink: Sink, outputPath: string | undefined, what = 'report'): void {
  try {
    sink.close()
  } catch (problem) {
    throw new UsageError(`${outputPath ?? 'stdout'}: cannot write the ${what} (${writeProblem(problem)})`)
  }
}

const writeProblems: Readonly<Record<string, string>> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'no such folder',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EROFS: 'read-only file system'
}

/** A write error in a few words: `no space left on device`, or its code. */
export function writeProblem(problem: unknown): string {
  const code = (problem as NodeJS.ErrnoException).code
  return (code && writeProblems[code]) ?? code ?? String(problem)
}

