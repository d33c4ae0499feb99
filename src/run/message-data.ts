/**
 * Lint messages as plain data, and back: what crosses from a worker thread
 * (structured clone drops classes) and what the cache stores as JSON. Only the
 * fields reports and the language server read survive; the syntax tree
 * (`ancestors`) is gone already.
 */
import type {Point, Position} from 'unist'
import {VFileMessage, type Options as MessageOptions} from 'vfile-message'
import {withoutStackTraces} from '../rule-api/stackless.js'

export interface MessageData {
  readonly reason: string
  readonly ruleId?: string | undefined
  readonly source?: string | undefined
  readonly url?: string | undefined
  /** `true` error, `false` warning, absent info (vfile's convention). */
  readonly fatal?: boolean | undefined
  readonly place?: Point | Position | undefined
  readonly actual?: string | undefined
  readonly expected?: readonly string[] | undefined
  readonly note?: string | undefined
  readonly cause?: {readonly reason: string; readonly place?: Point | Position | undefined} | undefined
}

export function toMessageData(message: VFileMessage): MessageData {
  const data: {-readonly [Key in keyof MessageData]: MessageData[Key]} = {reason: message.reason}
  if (message.ruleId !== undefined) data.ruleId = message.ruleId
  if (message.source !== undefined) data.source = message.source
  if (message.url !== undefined) data.url = message.url
  if (typeof message.fatal === 'boolean') data.fatal = message.fatal
  if (message.place) data.place = plainPlace(message.place)
  if (message.actual !== undefined) data.actual = message.actual
  if (message.expected !== undefined) data.expected = [...message.expected]
  if (message.note !== undefined) data.note = message.note
  const cause = message.cause
  if (cause instanceof VFileMessage) data.cause = {reason: cause.reason, place: cause.place ? plainPlace(cause.place) : undefined}
  return data
}

export function fromMessageData(data: MessageData, filePath: string): VFileMessage {
  const message = newMessage(data.reason, {place: data.place, ruleId: data.ruleId, source: data.source})
  message.file = filePath
  message.fatal = data.fatal
  if (data.url !== undefined) message.url = data.url
  if (data.actual !== undefined) message.actual = data.actual
  if (data.expected !== undefined) message.expected = [...data.expected]
  if (data.note !== undefined) message.note = data.note
  if (data.cause) message.cause = newMessage(data.cause.reason, {place: data.cause.place})
  return message
}

/** `new VFileMessage(…)` without capturing a stack trace (src/stackless.ts). */
function newMessage(reason: string, options: MessageOptions): VFileMessage {
  return withoutStackTraces(() => new VFileMessage(reason, options))
}

/** A place without the extra fields parsers hang on points. */
function plainPlace(place: Point | Position): Point | Position {
  return 'start' in place ? {start: plainPoint(place.start), end: plainPoint(place.end)} : plainPoint(place)
}

function plainPoint(point: Point): Point {
  return point.offset === undefined ? {line: point.line, column: point.column} : {line: point.line, column: point.column, offset: point.offset}
}
