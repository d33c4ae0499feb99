/**
 * `stylish`: vfile-reporter's report, made to fit a terminal of `columns`
 * (default 100). vfile-reporter prints a row per message (place, severity,
 * reason, rule id, source) and, beneath it, the reason's further lines, its
 * `cause` and, with `verbose`, its `url` and `note`. We hand it copies of the
 * messages shaped for that: no `source` (the constant `factcheck` column),
 * the reason cut so the row fits and the rest indented under the reason
 * column, the note cut to the width, and every text from an article or a
 * file name passed through `printable` first. vfile-reporter's summary line
 * is dropped per file; `end` prints one for the whole run, counting errors,
 * warnings and infos, then messages per rule, most first
 * (`12 readability, 3 unsourced-number`).
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {levelOf, type Level} from '../rule-api/severity.js'
import type {Reporter, ReporterOptions, Tally} from './reporter.js'
import {shown} from './reporter.js'
import stringWidth from './string-width.js'
import {printable} from './terminal-text.js'

/** The width stylish output fits when nothing says otherwise. */
export const defaultColumns = 100

/** A reason column is never narrower than this, however long the place and rule id. */
const minimumReasonWidth = 30

/** vfile-reporter indents a cause's row and a note's lines by this much. */
const nested = 4

const colours: Readonly<Record<Level, string>> = {error: '31', warning: '33', info: '36'}
const signs: Readonly<Record<Level, string>> = {error: '✖', warning: '⚠', info: 'ℹ'}

export function createStylishReporter(options: ReporterOptions): Reporter {
  const columns = options.columns ?? defaultColumns
  const paint = (code: string, text: string) => (options.color ? `\u001B[${code}m${text}\u001B[39m` : text)
  const perRule = new Map<string, number>()
  let first = true

  return {
    file(linted) {
      const messages = shown(linted.messages, options.quiet)
      if (messages.length === 0) return ''
      for (const message of messages) {
        const id = printable(message.ruleId ?? '')
        perRule.set(id, (perRule.get(id) ?? 0) + 1)
      }
      const file = new VFile({path: printable(linted.path)})
      file.messages.push(...fitted(messages, columns))
      const text = reporter([file], {quiet: true, color: options.color, verbose: options.verbose === true})
      // With errors or warnings vfile-reporter ends with a blank line and its summary.
      const summed = messages.some((message) => message.fatal === true || message.fatal === false)
      const body = summed ? text.slice(0, text.lastIndexOf('\n\n')) : text
      const chunk = (first ? '' : '\n') + body + '\n'
      first = false
      return chunk
    },
    end(tally) {
      const counts = byline(tally, options.quiet, paint)
      if (!counts) return ''
      const rules = [...perRule].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([id, count]) => `${count} ${id}`)
      return (first ? '' : '\n') + counts + '\n' + wrapList(rules, columns).join('\n') + '\n'
    }
  }
}

/**
 * Copies of `messages` that vfile-reporter lays out within `columns`: its
 * row is place, severity, reason and rule id, each cell as wide as the
 * widest in the file plus a space, so the reason gets what the other cells
 * leave. A cause's row shares those columns, its place indented.
 */
function fitted(messages: readonly VFileMessage[], columns: number): VFileMessage[] {
  const causes = messages.map((message) => causeOf(message))
  const rows = [
    ...messages.map((message) => ({place: placeOf(message), level: levelOf(message.fatal), rule: printable(message.ruleId ?? '')})),
    ...causes.flatMap((cause) => (cause ? [{place: ' '.repeat(nested) + placeOf(cause), level: 'info', rule: printable(cause.ruleId ?? '')}] : []))
  ]
  const placeWidth = Math.max(...rows.map((row) => row.place.length))
  const levelWidth = Math.max(...rows.map((row) => row.level.length))
  const ruleWidth = Math.max(...rows.map((row) => stringWidth(row.rule)))
  const reasonWidth = Math.max(minimumReasonWidth, columns - placeWidth - levelWidth - ruleWidth - 3)
  const indent = ' '.repeat(placeWidth + 1 + levelWidth + 1)
  const reasonOf = (message: VFileMessage) => wrap(printable(message.reason), reasonWidth).join('\n' + indent)

  return messages.map((message, index) => {
    const cause = causes[index]
    const copy = new VFileMessage(reasonOf(message), {
      place: message.place,
      ruleId: message.ruleId ? printable(message.ruleId) : undefined,
      cause: cause ? new VFileMessage(reasonOf(cause), {place: cause.place, ruleId: cause.ruleId ? printable(cause.ruleId) : undefined}) : undefined
    })
    copy.fatal = message.fatal
    if (message.note) copy.note = wrap(printable(message.note), columns - nested).join('\n')
    if (message.url) copy.url = printable(message.url)
    return copy
  })
}

/** A message's related place as a message, whatever kind of `cause` it has. */
function causeOf(message: VFileMessage): VFileMessage | undefined {
  const cause = message.cause
  if (cause === undefined || cause === null) return undefined
  if (cause instanceof VFileMessage) return cause
  return new VFileMessage(cause instanceof Error ? cause.message : String(cause))
}

/** `line:column-endLine:endColumn`, or `line:column` for a point, as vfile-reporter writes it. */
function placeOf(message: VFileMessage): string {
  const place = message.place
  if (!place) return ''
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place.line}:${place.column}`
}

/** `text` cut into lines of at most `width` columns, at spaces where it can be; a longer word is cut where it must. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  for (const word of text.split(' ')) {
    let rest = word
    let restWidth = stringWidth(rest)
    if (line !== '' && lineWidth + 1 + restWidth <= width) {
      line += ' ' + rest
      lineWidth += 1 + restWidth
      continue
    }
    if (line !== '') lines.push(line)
    while (restWidth > width) {
      const [head, tail] = cut(rest, width)
      lines.push(head)
      rest = tail
      restWidth = stringWidth(rest)
    }
    line = rest
    lineWidth = restWidth
  }
  lines.push(line)
  return lines
}

/** The longest start of `word` (whole code points) at most `width` columns wide, and the rest. */
function cut(word: string, width: number): [string, string] {
  let head = ''
  for (const character of word) {
    if (head !== '' && stringWidth(head + character) > width) break
    head += character
  }
  return [head, word.slice(head.length)]
}

/** `items` joined by `, ` into lines of at most `width` columns. */
function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const item of items) {
    if (line !== '' && line.length + 2 + item.length + 1 > width) {
      lines.push(line + ',')
      line = item
    } else line = line === '' ? item : line + ', ' + item
  }
  if (line !== '') lines.push(line)
  return lines
}

function byline(tally: Tally, quiet: boolean, paint: (code: string, text: string) => string): string {
  const counts = [
    [tally.errors, 'error'],
    [quiet ? 0 : tally.warnings, 'warning'],
    [quiet ? 0 : tally.infos, 'info']
  ] as const
  return counts
    .filter(([amount]) => amount > 0)
    .map(([amount, level]) => `${paint(colours[level], signs[level])} ${amount} ${level}${amount === 1 ? '' : 's'}`)
    .join(', ')
}
