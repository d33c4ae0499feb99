/**
 * `json`: the contract other tools read (SPEC section 5). One entry per file,
 * streamed as an array; lines and columns 1-based, end exclusive. Optional
 * fields appear only when the message has them. With `--emit-paragraph-hashes`
 * an entry also has its `corpus` part, for `--merge-corpus`.
 */
import type {VFileMessage} from 'vfile-message'
import {levelOf, type Level} from '../rule-api/severity.js'
import type {CorpusPart, Reporter, ReporterOptions} from './reporter.js'
import {shown} from './reporter.js'

export interface JsonCause {
  line: number
  column: number
  reason?: string
}

export interface JsonMessage {
  ruleId: string
  source: string
  severity: Level
  reason: string
  line: number
  column: number
  endLine: number
  endColumn: number
  url?: string
  actual?: string
  expected?: string[]
  note?: string
  cause?: JsonCause
}

export interface JsonFile {
  path: string
  messages: JsonMessage[]
  /** `--emit-paragraph-hashes` (unless `shared-paragraph` is off for the file). */
  corpus?: CorpusPart
}

export function createJsonReporter(options: ReporterOptions): Reporter {
  let first = true
  return {
    file(linted, _absolutePath, extra) {
      const entry: JsonFile = {path: linted.path, messages: shown(linted.messages, options.quiet).map(toJsonMessage)}
      if (extra?.corpus) entry.corpus = extra.corpus
      const chunk = (first ? '[\n' : ',\n') + JSON.stringify(entry)
      first = false
      return chunk
    },
    end() {
      return first ? '[]\n' : '\n]\n'
    }
  }
}

export function toJsonMessage(message: VFileMessage): JsonMessage {
  const {start, end} = spanOf(message)
  const result: JsonMessage = {
    ruleId: message.ruleId ?? 'unknown',
    source: message.source ?? 'factcheck',
    severity: levelOf(message.fatal),
    reason: message.reason,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column
  }
  if (message.url) result.url = message.url
  if (message.actual !== undefined) result.actual = message.actual
  if (message.expected) result.expected = [...message.expected]
  if (message.note) result.note = message.note
  const cause = causeOf(message)
  if (cause) result.cause = cause
  return result
}

interface LineColumn {
  line: number
  column: number
}

/** Start and end of a message; a message without a place sits at 1:1. */
export function spanOf(message: VFileMessage): {start: LineColumn; end: LineColumn} {
  const place = message.place
  if (place && 'start' in place) {
    const start = {line: place.start.line, column: place.start.column}
    return {start, end: {line: place.end.line, column: place.end.column}}
  }
  const start = place ? {line: place.line, column: place.column} : {line: 1, column: 1}
  return {start, end: start}
}

function causeOf(message: VFileMessage): JsonCause | undefined {
  const cause = message.cause
  if (!cause || typeof cause !== 'object' || !('place' in cause)) return undefined
  const related = cause as VFileMessage
  if (!related.place) return undefined
  const {start} = spanOf(related)
  const result: JsonCause = {line: start.line, column: start.column}
  if (related.reason) result.reason = related.reason
  return result
}
