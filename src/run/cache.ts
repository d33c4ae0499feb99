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
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {ResolvedConfig} from '../config/resolve-config.js'
import type {ParagraphKey} from '../rule-api/corpus-index.js'
import type {LintedFile} from '../report/reporter.js'
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
}

/** Messages that say the run failed on a file, never kept: the next run should try again. */
const uncached = new Set(['internal-error', 'unreadable'])

/** How often pruning may read the entries a run did not use. */
const pruneInterval = 24 * 60 * 60 * 1000
/** A temporary entry this old belongs to a run that was killed. */
const staleTemporary = 60 * 60 * 1000
const pruneMarker = 'last-pruned'

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

  /** The cached result for this exact text and config, if any. */
  get(filePath: string, displayPath: string, read: TextRead, config: ResolvedConfig): LintedFile | undefined {
    let entry: Entry
    try {
      entry = JSON.parse(fs.readFileSync(this.entryPath(filePath), 'utf8')) as Entry
    } catch {
      return undefined
    }
    if (!isEntry(entry) || entry.stamp !== this.stamp(filePath, read, config)) return undefined
    return {
      path: displayPath,
      messages: entry.messages.map((message) => fromMessageData(message, displayPath)),
      paragraphs: entry.paragraphs
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
      paragraphs: linted.paragraphs
    }
    const target = this.entryPath(filePath)
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    try {
      this.prepare()
      fs.writeFileSync(temporary, JSON.stringify(entry))
      fs.renameSync(temporary, target)
    } catch (error) {
      this.problem = (error as NodeJS.ErrnoException).code ?? String(error)
      try {
        fs.rmSync(temporary, {force: true})
      } catch {
        // Nothing was written there.
      }
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
      const last = fs.statSync(marker, {throwIfNoEntry: false})?.mtimeMs
      if (last !== undefined && now - last < pruneInterval) return
      for (const entry of fs.readdirSync(this.folder, {withFileTypes: true})) {
        if (!entry.isFile()) continue
        const file = path.join(this.folder, entry.name)
        if (entry.name.endsWith('.tmp') ? now - fs.statSync(file).mtimeMs > staleTemporary : entry.name.endsWith('.json') && !this.used.has(entry.name) && !articleExists(file)) {
          fs.rmSync(file, {force: true})
        }
      }
      fs.writeFileSync(marker, '')
    } catch {
      // No cache folder yet, or one another run is pruning: next time.
    }
  }

  private prepare(): void {
    if (this.ready) return
    fs.mkdirSync(this.folder, {recursive: true})
    // Backup and sync tools skip folders tagged so (https://bford.info/cachedir/).
    const tag = path.join(this.folder, 'CACHEDIR.TAG')
    if (!fs.existsSync(tag)) {
      fs.writeFileSync(tag, 'Signature: 8a477f597d28d172789f06886806bc55\n# factcheck --cache: results of unchanged articles; safe to delete.\n')
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
      key = sha1(JSON.stringify({rules: config.rules, people: config.people}))
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
    entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as Partial<Entry> | null
  } catch {
    return false
  }
  return typeof entry?.path === 'string' && fs.existsSync(entry.path)
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null
  return typeof entry === 'object' && entry !== null && typeof entry.stamp === 'string' && Array.isArray(entry.messages) && Array.isArray(entry.paragraphs)
}
