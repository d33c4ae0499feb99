/**
 * `--cache`: what linting a file found, kept in `.factcheckcache/` so an
 * unchanged file is not linted again. One small JSON entry per article path
 * (named by a hash of the path, so a changed file replaces its entry and the
 * folder never grows past the number of articles), holding a stamp of
 * everything the result depends on — factcheck's version, the resolved
 * config, the parser (the file type) and the exact text — and the result:
 * the messages and the paragraph keys `shared-paragraph` matches across the
 * run. An entry is used only when its stamp matches; anything unreadable is a
 * miss. Entries are written beside and renamed into place, so a reader never
 * sees half of one; the cache is disposable, so they are not synced to disk.
 *
 * One entry per file, not one file for the run (ESLint's `.eslintcache`):
 * reading the whole cache up front would hold every result in memory.
 *
 * Each entry also names its article, so a run can prune the entries of
 * articles deleted since, and the temporary files of runs that were killed.
 * Pruning reads every entry the run did not use, so it happens at most once a
 * day (the time is kept in the mtime of `last-pruned`).
 *
 * The cache owns only what it created. Its folder is known by its marker,
 * a `CACHEDIR.TAG` with factcheck's own text: a folder that holds anything
 * and no such marker is refused (`cacheFolderProblem`), so `--cache-location .`
 * cannot prune a project's `package.json`. Inside its folder it touches only
 * names of its own patterns (`<sha1>.json`, `CACHEDIR.TAG`, `last-pruned`,
 * and `<one of those>.<pid>.<random>.tmp`), and never through a symbolic
 * link: files are read with `O_NOFOLLOW` and written beside and renamed into
 * place, which replaces a link instead of writing where it points.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {ResolvedConfig} from '../config/resolve-config.js'
import type {Directive} from '../parse/directives.js'
import type {ParagraphKey} from '../rule-api/corpus-index.js'
import type {LintedFile} from '../report/reporter.js'
import type {LedgerQuote} from '../analysis/analysis.js'
import {articleTypeOf} from '../parse/article-type.js'
import {fromMessageData, toMessageData, type MessageData} from './message-data.js'
import type {ReadResult} from './read-article.js'

type TextRead = Extract<ReadResult, {kind: 'text'}>

interface Entry {
  /** The article's absolute path: pruning removes the entry once it is gone. */
  readonly path?: string
  readonly stamp: string
  readonly messages: readonly MessageData[]
  readonly paragraphs: readonly ParagraphKey[]
  readonly directives: readonly Directive[]
  /** The quote ledger, kept when the run that wrote the entry printed it. */
  readonly quotes?: readonly LedgerQuote[]
}

/** Messages that say the run failed on a file, never kept: the next run should try again. */
const uncached = new Set(['internal-error', 'unreadable', 'too-large', 'too-deep'])

/** How often pruning may read the entries a run did not use. */
const pruneInterval = 24 * 60 * 60 * 1000
/** A temporary entry this old belongs to a run that was killed. */
const staleTemporary = 60 * 60 * 1000
const pruneMarker = 'last-pruned'
/** The cache's marker; backup and sync tools skip folders tagged so (https://bford.info/cachedir/). */
const tagName = 'CACHEDIR.TAG'
const tagText = 'Signature: 8a477f597d28d172789f06886806bc55\n# factcheck --cache: results of unchanged articles; safe to delete.\n'

// "3f8e…(40 hex).json", not "package.json"
const entryName = /^[\da-f]{40}\.json$/
// "3f8e….json.4242.k2j4x.tmp", "last-pruned.4242.k2j4x.tmp"; not "build.tmp"
const temporaryName = /^(?:[\da-f]{40}\.json|CACHEDIR\.TAG|last-pruned)\.\d+\.[\da-z]+\.tmp$/

/**
 * Why `folder` cannot be the cache, or `undefined` when it can: it is new,
 * empty, or carries factcheck's marker. Anything else (a project folder,
 * another tool's cache) is not ours to write in or prune.
 */
export function cacheFolderProblem(folder: string): string | undefined {
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch {
    // Missing (created on the first write) or not a folder (reported then, once).
    return undefined
  }
  if (names.length === 0 || isOurTag(path.join(folder, tagName))) return undefined
  return `not a factcheck cache folder: it holds other files and no ${tagName} written by factcheck (use an empty or new folder)`
}

export class LintCache {
  private readonly configKeys = new WeakMap<ResolvedConfig, string>()
  private ready = false
  /** Entry names this run read or wrote: their articles exist, so pruning skips them. */
  private readonly used = new Set<string>()
  /** Why entries cannot be written, once known (reported once, the run goes on). */
  problem: string | undefined

  constructor(
    readonly folder: string,
    private readonly version: string
  ) {}

  /** The cached result for this exact text and config, if any (and with the quote ledger, when `quotes`). */
  get(filePath: string, displayPath: string, read: TextRead, config: ResolvedConfig, quotes = false): LintedFile | undefined {
    let entry: Entry
    try {
      entry = JSON.parse(readOwnFile(this.entryPath(filePath))) as Entry
    } catch {
      return undefined
    }
    if (!isEntry(entry) || entry.stamp !== this.stamp(filePath, read, config)) return undefined
    if (quotes && !Array.isArray(entry.quotes)) return undefined
    return {
      path: displayPath,
      messages: entry.messages.map((message) => fromMessageData(message, displayPath)),
      paragraphs: entry.paragraphs,
      ...(entry.directives.length > 0 ? {directives: entry.directives} : {}),
      ...(quotes ? {quotes: entry.quotes} : {})
    }
  }

  /** Keep a fresh result (not one where linting failed). */
  set(filePath: string, read: TextRead, config: ResolvedConfig, linted: LintedFile): void {
    if (this.problem !== undefined) return
    if (linted.messages.some((message) => uncached.has(String(message.ruleId)))) return
    const entry: Entry = {
      path: filePath,
      stamp: this.stamp(filePath, read, config),
      messages: linted.messages.map(toMessageData),
      paragraphs: linted.paragraphs,
      directives: linted.directives ?? [],
      ...(linted.quotes ? {quotes: linted.quotes} : {})
    }
    try {
      this.prepare()
      replaceFile(this.entryPath(filePath), JSON.stringify(entry))
    } catch (error) {
      this.problem = (error as NodeJS.ErrnoException).code ?? String(error)
    }
  }

  /**
   * Remove the entries of articles that no longer exist and old temporary
   * files, unless that was done in the last day. Best effort: the cache is
   * disposable, so a failure here is not the run's.
   */
  prune(): void {
    if (this.problem !== undefined) return
    const now = Date.now()
    const marker = path.join(this.folder, pruneMarker)
    try {
      // A link named `last-pruned` is not ours: pruning replaces it with a file.
      const last = regularFile(marker)?.mtimeMs
      if (last !== undefined && now - last < pruneInterval) return
      // Only in a folder that is ours (another run may have found it new and not written the marker yet).
      if (!isOurTag(path.join(this.folder, tagName))) return
      for (const entry of fs.readdirSync(this.folder, {withFileTypes: true})) {
        // `Dirent.isFile()` is false for a symbolic link, whatever it points to.
        if (!entry.isFile()) continue
        const file = path.join(this.folder, entry.name)
        const stale = temporaryName.test(entry.name)
          ? now - (regularFile(file)?.mtimeMs ?? now) > staleTemporary
          : entryName.test(entry.name) && !this.used.has(entry.name) && !articleExists(file)
        if (stale) fs.rmSync(file, {force: true})
      }
      replaceFile(marker, '')
    } catch {
      // No cache folder yet, or one another run is pruning: next time.
    }
  }

  private prepare(): void {
    if (this.ready) return
    fs.mkdirSync(this.folder, {recursive: true})
    const tag = path.join(this.folder, tagName)
    if (!isOurTag(tag)) {
      // Checked before the run (`cacheFolderProblem`); a folder that changed since is left alone.
      if (cacheFolderProblem(this.folder) !== undefined) throw Object.assign(new Error('not a factcheck cache folder'), {code: 'ENOTCACHE'})
      replaceFile(tag, tagText)
    }
    this.ready = true
  }

  private entryPath(filePath: string): string {
    const name = sha1(filePath) + '.json'
    this.used.add(name)
    return path.join(this.folder, name)
  }

  private stamp(filePath: string, read: TextRead, config: ResolvedConfig): string {
    const bad = read.badByte ? `${read.badByte.byte}@${read.badByte.byteOffset}` : ''
    // The extension picks the parser.
    const type = articleTypeOf(filePath) ?? 'text'
    return sha1([this.version, this.configKey(config), type, read.bom ? 'bom' : '', bad, read.value].join('\0'))
  }

  private configKey(config: ResolvedConfig): string {
    let key = this.configKeys.get(config)
    if (key === undefined) {
      // What linting reads of a config; `ignore` only decides which files are linted.
      key = sha1(JSON.stringify({rules: config.rules, people: config.people, limits: config.limits}))
      this.configKeys.set(config, key)
    }
    return key
  }
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

/** Whether the article an entry was kept for still exists (an entry without its path: no). */
function articleExists(entryFile: string): boolean {
  let entry: Partial<Entry> | null
  try {
    entry = JSON.parse(readOwnFile(entryFile)) as Partial<Entry> | null
  } catch {
    return false
  }
  return typeof entry?.path === 'string' && fs.existsSync(entry.path)
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null
  return typeof entry === 'object' && entry !== null && typeof entry.stamp === 'string' && Array.isArray(entry.messages) && Array.isArray(entry.paragraphs) && Array.isArray(entry.directives)
}

/** The text of a regular file in the cache, never through a symbolic link (`ELOOP` then). */
function readOwnFile(file: string): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
  try {
    if (!fs.fstatSync(fd).isFile()) throw Object.assign(new Error(`${file}: not a regular file`), {code: 'EINVAL'})
    return fs.readFileSync(fd, 'utf8')
  } finally {
    fs.closeSync(fd)
  }
}

/** Whether `file` is factcheck's `CACHEDIR.TAG`: a regular file with exactly our text. */
function isOurTag(file: string): boolean {
  try {
    return readOwnFile(file) === tagText
  } catch {
    return false
  }
}

/** The stats of `file` when it is a regular file (not a link, whatever it points to). */
function regularFile(file: string): fs.Stats | undefined {
  const stats = fs.lstatSync(file, {throwIfNoEntry: false})
  return stats?.isFile() ? stats : undefined
}

/**
 * Write `file` anew: a new temporary file (`wx`: never an existing name or a
 * link) renamed over it, which replaces a link rather than following it.
 */
function replaceFile(file: string, value: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    fs.writeFileSync(temporary, value, {flag: 'wx'})
    fs.renameSync(temporary, file)
  } catch (error) {
    try {
      fs.rmSync(temporary, {force: true})
    } catch {
      // Nothing was written there.
    }
    throw error
  }
}
