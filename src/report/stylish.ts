/**
 * `stylish`: one block per file with messages, then a summary, made to fit a
 * terminal of `columns` (default 100): each message is one row of place,
 * severity, reason and rule id, and a reason too long for its column wraps
 * under itself, so the rule id stays on the message's first line. With
 * `verbose` a message's `note` (why it matters) follows its reason. The
 * summary counts errors, warnings and infos, then messages per rule, most
 * first (`12 readability, 3 unsourced-number`). Everything that comes from an
 * article or a file name goes through `printable`.
 */
import type {VFileMessage} from 'vfile-message'
import {levelOf, type Level} from '../rule-api/severity.js'
import type {Reporter, ReporterOptions, Tally} from './reporter.js'
import {shown} from './reporter.js'
import stringWidth from './string-width.js'
import {printable} from './terminal-text.js'

/** The width stylish output fits when nothing says otherwise. */
export const defaultColumns = 100

/** A reason column is never narrower than this, however long the place and rule id. */
const minimumReasonWidth = 30

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
        const id = ruleOf(message)
        perRule.set(id, (perRule.get(id) ?? 0) + 1)
      }
      const rows = messages.map((message) => ({message, place: placeOf(message), level: levelOf(message.fatal), rule: ruleOf(message)}))
      const placeWidth = Math.max(...rows.map((row) => row.place.length))
      const levelWidth = Math.max(...rows.map((row) => row.level.length))
      const ruleWidth = Math.max(...rows.map((row) => row.rule.length))
      const reasonStart = placeWidth + 1 + levelWidth + 1
      const longest = Math.max(...rows.map((row) => stringWidth(printable(row.message.reason))))
      const reasonWidth = Math.min(longest, Math.max(minimumReasonWidth, columns - reasonStart - 1 - ruleWidth))
      const indent = ' '.repeat(reasonStart)

      const lines = [options.color ? `\u001B[4m${printable(linted.path)}\u001B[24m` : printable(linted.path)]
      for (const row of rows) {
        const reason = wrap(printable(row.message.reason), reasonWidth)
        const head = row.place.padEnd(placeWidth) + ' ' + paint(colours[row.level], row.level.padEnd(levelWidth)) + ' '
        lines.push((head + padTo(reason[0], reasonWidth) + ' ' + row.rule).trimEnd())
        for (const line of reason.slice(1)) lines.push(indent + line)
        for (const line of extras(row.message, options.verbose === true)) {
          for (const wrapped of wrap(printable(line), reasonWidth)) lines.push(indent + wrapped)
        }
      }
      const chunk = (first ? '' : '\n') + lines.join('\n') + '\n'
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

/** `line:column-endLine:endColumn`, or `line:column` for a point. */
function placeOf(message: VFileMessage): string {
  const place = message.place
  if (place && 'start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place?.line ?? message.line ?? 1}:${place?.column ?? message.column ?? 1}`
}

function ruleOf(message: VFileMessage): string {
  return printable(message.ruleId ?? '')
}

/** The lines under a reason: its related place (`cause`), and with `verbose` its note. */
function extras(message: VFileMessage, verbose: boolean): string[] {
  const lines: string[] = []
  const cause = message.cause
  if (cause && typeof cause === 'object' && 'reason' in cause) {
    const related = cause as VFileMessage
    lines.push(`cause: ${related.reason} (${placeOf(related)})`)
  }
  if (verbose && message.note) lines.push(`note: ${message.note}`)
  return lines
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

function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)))
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
