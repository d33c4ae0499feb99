/**
 * Baselines (`--baseline`, `--write-baseline`): adopt factcheck on an archive
 * and fail only on new findings. A baseline is a `json` report; the one
 * `--write-baseline` writes gives each message its `context` too, the text
 * around the flagged span on its own line. A message is in the baseline when
 * an entry of the same file has the same rule and flagged text (`actual`, or
 * the reason with its numbers masked when there is none) and the same
 * context; the entries left over then match by rule and text alone, so an
 * edit beside a finding does not resurrect it, and a new copy of an old
 * defect is new once the old ones are used up. Line numbers never count, so
 * an edit above a finding changes nothing. Messages that mean the run failed
 * (`unreadable`, `internal-error`, … src/run/failure-ids.ts) are never in a baseline.
 */
import fs from 'node:fs'
import type {VFileMessage} from 'vfile-message'
import {toJsonMessage, type JsonMessage} from '../report/json.js'
import type {LintedFile} from '../report/reporter.js'
import {failureIds} from './failure-ids.js'
import type {Sink} from './write-atomic.js'

/** Characters of context kept on either side of the flagged text, within its line. */
const contextWidth = 40

export interface Context {
  readonly before: string
  readonly after: string
}

interface Entry {
  readonly context: Context | undefined
  used: boolean
}


export class BaselineError extends Error {}

// “(“He said” at 24:178)”, “(line 15)”: numbers in reasons are places, which edits above move.
const digits = /\d+/g

function keyOf(ruleId: string, actual: string | undefined, reason: string): string {
  return ruleId + '\u0000' + (actual ?? reason.replace(digits, '#'))
}

/** A baseline read from a file: for each file, its entries by rule and flagged text. */
export class Baseline {
  private readonly files = new Map<string, Map<string, Entry[]>>()

  /** Read `filePath` (named `name` in errors); throws `BaselineError` with one line naming it. */
  static read(filePath: string, name: string): Baseline {
    let text: string
    try {
      text = fs.readFileSync(filePath, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : String(code ?? error)
      throw new BaselineError(`${name}: cannot read the baseline (${why})`)
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      throw new BaselineError(`${name}: not a factcheck json report (not JSON)`)
    }
    const problem = reportProblem(data)
    if (problem) throw new BaselineError(`${name}: not a factcheck json report (${problem})`)
    const baseline = new Baseline()
    for (const file of data as BaselineFile[]) {
      const entries = baseline.files.get(file.path) ?? new Map<string, Entry[]>()
      baseline.files.set(file.path, entries)
      for (const message of file.messages) {
        if (failureIds.has(message.ruleId)) continue
        const key = keyOf(message.ruleId, message.actual, message.reason)
        const list = entries.get(key) ?? []
        list.push({context: message.context, used: false})
        entries.set(key, list)
      }
    }
    return baseline
  }

  /** The file's messages that are not in the baseline (each entry stands for one message). */
  newMessages(linted: LintedFile, text: string | undefined): LintedFile {
    const entries = this.files.get(linted.path)
    if (!entries) return linted
    const keys = linted.messages.map((message) => keyOf(String(message.ruleId), message.actual, message.reason))
    const known = new Set<number>()
    const take = (index: number, sameContext: boolean) => {
      const message = linted.messages[index]!
      if (failureIds.has(String(message.ruleId))) return
      const list = entries.get(keys[index]!)
      if (!list) return
      const context = sameContext ? contextOf(message, text) : undefined
      const entry = list.find((candidate) => !candidate.used && (!sameContext || (candidate.context !== undefined && sameText(candidate.context, context))))
      if (!entry) return
      entry.used = true
      known.add(index)
    }
    // Exact matches first, so an old finding whose line was edited takes what is left.
    for (let index = 0; index < keys.length; index++) take(index, true)
    for (let index = 0; index < keys.length; index++) if (!known.has(index)) take(index, false)
    if (known.size === 0) return linted
    return {...linted, messages: linted.messages.filter((_, index) => !known.has(index))}
  }
}

function sameText(a: Context, b: Context | undefined): boolean {
  return b !== undefined && a.before === b.before && a.after === b.after
}

interface BaselineMessage extends JsonMessage {
  context?: Context
}

interface BaselineFile {
  path: string
  messages: BaselineMessage[]
}

/** What makes `data` not a json report, or `undefined`. */
function reportProblem(data: unknown): string | undefined {
  if (!Array.isArray(data)) return 'expected an array of {"path", "messages"}'
  for (const [index, file] of data.entries()) {
    if (typeof file !== 'object' || file === null || typeof file.path !== 'string' || !Array.isArray(file.messages)) {
      return `entry ${index + 1} is not {"path", "messages"}`
    }
    for (const message of file.messages as unknown[]) {
      const m = message as Partial<BaselineMessage> | null
      if (typeof m !== 'object' || m === null || typeof m.ruleId !== 'string' || typeof m.reason !== 'string') {
        return `a message of ${file.path} has no "ruleId" or "reason"`
      }
      if (m.actual !== undefined && typeof m.actual !== 'string') return `a message of ${file.path} has an "actual" that is not text`
      const context = m.context as Partial<Context> | undefined
      if (context !== undefined && (typeof context?.before !== 'string' || typeof context.after !== 'string')) {
        return `a message of ${file.path} has a "context" that is not {"before", "after"}`
      }
    }
  }
  return undefined
}

/** The text beside a message's span on its own line(s): up to 40 characters before and after. */
export function contextOf(message: VFileMessage, text: string | undefined): Context | undefined {
  const place = message.place
  if (text === undefined || !place) return undefined
  const start = 'start' in place ? place.start.offset : place.offset
  const end = 'start' in place ? place.end.offset : place.offset
  if (start === undefined || end === undefined) return undefined
  let from = Math.max(0, start - contextWidth)
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0)
  from = Math.max(from, lineStart)
  let to = Math.min(text.length, end + contextWidth)
  const lineEnd = text.indexOf('\n', end)
  if (lineEnd !== -1) to = Math.min(to, lineEnd)
  return {before: text.slice(from, start), after: text.slice(end, Math.max(end, to)).replace(/\r$/, '')}
}

export interface BaselineWriter {
  file(linted: LintedFile, text: string | undefined): void
  end(): void
}

/** `--write-baseline`: a json report streamed into `sink`, each message with its context. */
export function baselineWriter(sink: Sink): BaselineWriter {
  let first = true
  return {
    file(linted, text) {
      const messages: BaselineMessage[] = []
      for (const message of linted.messages) {
        if (failureIds.has(String(message.ruleId))) continue
        const entry: BaselineMessage = toJsonMessage(message)
        const context = contextOf(message, text)
        if (context) entry.context = context
        messages.push(entry)
      }
      sink.write((first ? '[\n' : ',\n') + JSON.stringify({path: linted.path, messages}))
      first = false
    },
    /** Close the array; the caller closes the sink. */
    end() {
      sink.write(first ? '[]\n' : '\n]\n')
    }
  }
}
