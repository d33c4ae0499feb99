/**
 * `--merge-corpus FILES…`: put together the outputs of runs made with
 * `--emit-paragraph-hashes` (shards on several machines, GNU parallel
 * blocks) and add the `shared-paragraph` messages one run over all their
 * articles would give.
 *
 * Order, which decides which copy of a paragraph is the first: the files are
 * merged entry by entry, each file read in its own order, taking next the
 * entry that comes first among the files' next entries (a k-way merge, never
 * a sort): file entries by path as a folder run lists them (each folder by
 * name, a folder's files after its subfolders' when the names sort so),
 * records by their `position` in the whole dump when they have one (Spark's
 * `zipWithIndex`, before a group-by), else by their input `line`. Shards of one run each keep that order, so
 * the merge restores it; a single file (GNU parallel's `--keep-order`
 * output, whose blocks each number their lines from 1) is taken as it is.
 *
 * Memory: one entry per input file at a time, and the corpus index (16
 * bytes a distinct paragraph, and each article's path once); never texts.
 */
import fs from 'node:fs'
import {VFile} from 'vfile'
import {matchCorpus} from '../../rules/shared-paragraph.js'
import {CorpusIndex, type ParagraphKey} from '../rule-api/corpus-index.js'
import {isSeverity, type Level} from '../rule-api/severity.js'
import {withoutStackTraces} from '../rule-api/stackless.js'
import {toJsonMessage, type JsonMessage} from '../report/json.js'
import {shown, type CorpusPart, type EmittedParagraph, type Tally} from '../report/reporter.js'
import {splitLines} from './records.js'

export class MergeError extends Error {}

export interface MergeOptions {
  /** Report errors only (`--quiet`), as the shards did. */
  readonly quiet: boolean
  readonly write: (chunk: string) => void
}

export interface MergeResult {
  readonly tally: Tally
  /** An entry says a file failed (unreadable, internal error) or a record line was bad: exit 2. */
  readonly failed: boolean
  readonly entries: number
}

/** An entry of a shard's output: a file of the `json` format, a record line, or a bad record line. */
interface Entry {
  readonly path?: string
  readonly id?: string
  readonly line?: number
  readonly position?: number
  readonly error?: string
  readonly messages?: JsonMessage[]
  readonly corpus?: CorpusPart
}

type Kind = 'files' | 'records'

interface Head {
  readonly entries: AsyncIterator<Entry>
  entry: Entry | undefined
}

/** Message ids that mean a run failed on a file rather than found a defect. */
const failureIds = new Set(['unreadable', 'internal-error'])
/** Lines of factcheck's own output are short; this only stops a wrong file from filling memory. */
const maxEntryBytes = 1024 * 1024 * 1024

export async function mergeCorpus(files: readonly string[], options: MergeOptions): Promise<MergeResult> {
  if (files.length === 0) throw new MergeError('--merge-corpus needs the output files to merge')
  for (const file of files) checkReadable(file)
  const kinds = new Set<Kind>()
  const heads: Head[] = []
  for (const file of files) {
    const head: Head = {entries: entriesOf(file, kinds), entry: undefined}
    head.entry = (await head.entries.next()).value
    heads.push(head)
  }
  const kind: Kind = kinds.has('records') ? 'records' : 'files'
  const corpus = new CorpusIndex()
  const tally: Tally = {errors: 0, warnings: 0, infos: 0}
  let failed = false
  let count = 0

  for (;;) {
    let next: Head | undefined
    for (const head of heads) {
      if (head.entry && (!next || before(head.entry, next.entry!, kind))) next = head
    }
    if (!next) break
    const entry = next.entry!
    next.entry = (await next.entries.next()).value

    const merged = mergeEntry(entry, corpus, options.quiet)
    if (entry.error !== undefined || merged.messages?.some((message) => failureIds.has(message.ruleId))) failed = true
    for (const message of merged.messages ?? []) tally[tallyKey[message.severity]]++
    options.write(kind === 'records' ? JSON.stringify(merged) + '\n' : (count === 0 ? '[\n' : ',\n') + JSON.stringify(merged))
    count++
  }
  if (kind === 'files') options.write(count === 0 ? '[]\n' : '\n]\n')
  return {tally, failed, entries: count}
}

const tallyKey: Readonly<Record<Level, keyof Tally>> = {error: 'errors', warning: 'warnings', info: 'infos'}

/** The entry as one run would have reported it: its `shared-paragraph` messages added, the merge's fields gone. */
function mergeEntry(entry: Entry, corpus: CorpusIndex, quiet: boolean): Entry {
  const {corpus: part, line, position, ...rest} = entry
  if (entry.error !== undefined) return entry
  if (!part) return rest
  const added = shown(corpusMessages(entry.path ?? entry.id!, part, corpus), quiet).map(toJsonMessage)
  if (added.length === 0) return rest
  return {...rest, messages: [...(entry.messages ?? []), ...added].sort(byPlace)}
}

/**
 * `shared-paragraph`'s messages for one entry, made by the rule's own
 * `matchCorpus` as a run makes them: on a file whose text is the entry's
 * paragraphs one after another, their offsets moved to match, so a
 * message's `actual` is its paragraph's text.
 */
function corpusMessages(name: string, part: CorpusPart, corpus: CorpusIndex) {
  let value = ''
  const keys = part.paragraphs.map((paragraph): ParagraphKey => {
    const offset = paragraph.text === undefined ? undefined : value.length
    if (paragraph.text !== undefined) value += paragraph.text
    return {
      hash: paragraph.hash,
      line: paragraph.line,
      start: {line: paragraph.start[0], column: paragraph.start[1], offset},
      end: {line: paragraph.end[0], column: paragraph.end[1], offset: offset === undefined ? undefined : value.length}
    }
  })
  const file = new VFile({path: name, value})
  withoutStackTraces(() => matchCorpus(file, keys, corpus, part.severity))
  return file.messages
}

/** The order of one run's report (lint.ts sorts messages so). */
function byPlace(a: JsonMessage, b: JsonMessage): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)
}

/** Whether entry `a` comes before `b` in one run's order. */
function before(a: Entry, b: Entry, kind: Kind): boolean {
  if (kind === 'records') return (a.position ?? a.line!) < (b.position ?? b.line!)
  return comparePaths(a.path!, b.path!) < 0
}

/** Folder order: segment by segment, each by its UTF-16 code units, as `files.ts` sorts a folder's names. */
export function comparePaths(a: string, b: string): number {
  const left = a.split('/')
  const right = b.split('/')
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    if (left[index] !== right[index]) return left[index] < right[index] ? -1 : 1
  }
  return left.length - right.length
}

function checkReadable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK)
    if (fs.statSync(file).isDirectory()) throw Object.assign(new Error('is a folder'), {code: 'EISDIR'})
  } catch (error) {
    throw new MergeError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

/** The entries of one output file: a `json` report (one entry a line, as factcheck writes it) or JSON lines of records. */
async function* entriesOf(file: string, kinds: Set<Kind>): AsyncGenerator<Entry> {
  for await (const line of splitLines(fs.createReadStream(file), maxEntryBytes)) {
    const where = `${file}:${line.number}`
    /* v8 ignore next -- @preserve a gigabyte line */
    if (!line.bytes) throw new MergeError(`${where}: line too long for factcheck output`)
    let text = Buffer.from(line.bytes.buffer, line.bytes.byteOffset, line.bytes.byteLength).toString('utf8').trim()
    if (text === '' || text === '[' || text === ']' || text === '[]') continue
    // `json` writes `[`, then each entry on its own line, a comma after all but the last, then `]`.
    if (text.endsWith(',')) text = text.slice(0, -1)
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw new MergeError(`${where}: not factcheck JSON output`)
    }
    const entry = checkEntry(value, where)
    const kind: Kind = entry.path !== undefined && entry.id === undefined && entry.error === undefined ? 'files' : 'records'
    kinds.add(kind)
    if (kinds.size > 1) throw new MergeError(`${where}: a ${kind === 'files' ? 'file entry' : 'record'} among ${kind === 'files' ? 'records' : 'file entries'}; merge outputs of one kind`)
    if (kind === 'records' && entry.line === undefined) throw new MergeError(`${where}: a record without its \`line\`; run factcheck --records with --emit-paragraph-hashes`)
    yield entry
  }
}

/** Check the fields the merge reads; anything else passes through as it is. */
function checkEntry(value: unknown, where: string): Entry {
  const bad = (what: string) => new MergeError(`${where}: ${what}`)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a report entry')
  const entry = value as Record<string, unknown>
  if (entry.error !== undefined) {
    if (typeof entry.line !== 'number') throw bad('a bad record line without its `line`')
    return entry as Entry
  }
  if (typeof entry.path !== 'string' && typeof entry.id !== 'string') throw bad('an entry with neither `path` nor `id`')
  if (!Array.isArray(entry.messages)) throw bad('an entry without `messages`')
  if (entry.line !== undefined && typeof entry.line !== 'number') throw bad('`line` is not a number')
  if (entry.position !== undefined && typeof entry.position !== 'number') throw bad('`position` is not a number')
  if (entry.corpus !== undefined) checkCorpus(entry.corpus, bad)
  return entry as Entry
}

function checkCorpus(value: unknown, bad: (what: string) => MergeError): void {
  const part = value as {paragraphs?: unknown; severity?: unknown} | null
  if (typeof part !== 'object' || part === null || !Array.isArray(part.paragraphs) || !isSeverity(part.severity) || part.severity === 'off') {
    throw bad('`corpus` is not a severity and a list of paragraphs')
  }
  for (const paragraph of part.paragraphs as unknown[]) {
    const {hash, line, start, end, text} = (paragraph ?? {}) as Partial<EmittedParagraph>
    const isPoint = (point: unknown) => Array.isArray(point) && point.length === 2 && point.every(Number.isInteger)
    if (!Number.isSafeInteger(hash) || !Number.isInteger(line) || !isPoint(start) || !isPoint(end) || (text !== undefined && typeof text !== 'string')) {
      throw bad('a paragraph of `corpus` is not {hash, line, start, end, text?}')
    }
  }
}
