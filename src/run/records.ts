/**
 * `--records`: read JSON lines from a byte stream, one article a line,
 * `{"id": "…", "text": "…", "type": "txt"|"md"|"html"?, "path": "…"?, "position": N?}`,
 * lazily: the caller pulls a record when it has room for one, so no more of
 * the input is held than the lines in flight and one chunk of the stream.
 *
 * A line that is not a record (not JSON, not UTF-8, no `id` or `text`, a
 * field of the wrong type, over `maxRecordBytes`) comes out as a problem with
 * its line number, and reading goes on. Blank lines are skipped (a dump's
 * final newline, or a blank line between records); other fields are ignored
 * (dumps carry a URL, a date, …).
 */
import type {ArticleType} from '../parse/article-type.js'

/** The longest line read as a record, in bytes (16 MiB, about 16 times the longest news article we have seen). */
export const maxRecordBytes = 16 * 1024 * 1024

export type RecordLine =
  | {
      readonly kind: 'record'
      readonly line: number
      readonly id: string
      readonly text: string
      readonly type?: ArticleType | undefined
      readonly path?: string | undefined
      /** The record's place in the whole dump, for `--merge-corpus` (Spark's `zipWithIndex`). */
      readonly position?: number | undefined
    }
  | {readonly kind: 'bad'; readonly line: number; readonly id?: string | undefined; readonly error: string}

const types: Readonly<Record<string, ArticleType>> = {txt: 'text', md: 'markdown', html: 'html'}

const strict = new TextDecoder('utf-8', {fatal: true})

/** The records (and problems) of a stream of JSON lines. */
export async function* readRecords(chunks: AsyncIterable<Uint8Array>, maxBytes = maxRecordBytes): AsyncGenerator<RecordLine> {
  for await (const line of splitLines(chunks, maxBytes)) {
    if (line.bytes === undefined) {
      yield {kind: 'bad', line: line.number, error: `line longer than ${maxBytes} bytes (the --records limit), skipped`}
      continue
    }
    const record = parseRecord(line.bytes, line.number)
    if (record) yield record
  }
}

/** One line: a record, a problem, or `undefined` for a blank line. */
export function parseRecord(bytes: Uint8Array, line: number): RecordLine | undefined {
  let source: string
  try {
    source = strict.decode(bytes)
  } catch {
    return {kind: 'bad', line, error: 'not UTF-8'}
  }
  if (source.trim() === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch {
    return {kind: 'bad', line, error: 'not JSON'}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {kind: 'bad', line, error: 'not a JSON object'}
  const fields = value as Record<string, unknown>
  const id = typeof fields.id === 'string' && fields.id !== '' ? fields.id : undefined
  const bad = (error: string): RecordLine => ({kind: 'bad', line, ...(id === undefined ? {} : {id}), error})
  if (!('id' in fields)) return bad('no `id`')
  if (id === undefined) return bad('`id` must be a non-empty string')
  if (!('text' in fields)) return bad('no `text`')
  if (typeof fields.text !== 'string') return bad('`text` must be a string')
  if (fields.path !== undefined && (typeof fields.path !== 'string' || fields.path === '')) return bad('`path` must be a non-empty string')
  if (fields.position !== undefined && !(Number.isSafeInteger(fields.position) && (fields.position as number) >= 0)) return bad('`position` must be a whole number')
  let type: ArticleType | undefined
  if (fields.type !== undefined) {
    type = typeof fields.type === 'string' ? types[fields.type] : undefined
    if (!type) return bad('`type` must be "txt", "md" or "html"')
  }
  return {kind: 'record', line, id, text: fields.text, type, path: fields.path as string | undefined, position: fields.position as number | undefined}
}

interface Line {
  readonly number: number
  /** `undefined` for a line over the limit (its bytes were dropped as they came). */
  readonly bytes: Uint8Array | undefined
}

const newline = 0x0a
const carriageReturn = 0x0d

/** Split a byte stream on `\n` (a `\r` before it is dropped), never holding more than `maxBytes` of one line. */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = []
  let size = 0
  let tooLong = false
  let number = 0
  const end = (): Line => {
    number++
    let bytes: Uint8Array | undefined
    if (!tooLong) {
      bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size)
      if (bytes.length > 0 && bytes[bytes.length - 1] === carriageReturn) bytes = bytes.subarray(0, -1)
      if (bytes.length > maxBytes) bytes = undefined
    }
    parts = []
    size = 0
    tooLong = false
    return {number, bytes}
  }
  const add = (part: Uint8Array) => {
    if (tooLong || part.length === 0) return
    size += part.length
    // One byte over: a `\r` that `\n` may follow.
    if (size > maxBytes + 1) {
      tooLong = true
      parts = []
    } else parts.push(part)
  }

  for await (const chunk of chunks) {
    let from = 0
    for (let at = chunk.indexOf(newline); at !== -1; at = chunk.indexOf(newline, from)) {
      add(chunk.subarray(from, at))
      yield end()
      from = at + 1
    }
    // Copied: the stream may reuse its buffer.
    add(Uint8Array.prototype.slice.call(chunk, from))
  }
  if (size > 0 || tooLong) yield end()
}
