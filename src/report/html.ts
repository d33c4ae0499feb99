/**
 * `html`: one self-contained page to look at a run (SPEC section 5). A
 * summary (files, counts by rule and severity, a bar per rule) with filters
 * by rule and severity and a search box, then each article: its source text
 * line by line, flagged spans highlighted in place, each message under the
 * line where its span ends, with rule, reason, note, evidence (`cause`, a link
 * to its line) and fix. The page streams in run order; its script puts the
 * summary (known only at the end) on top and files with errors first, then
 * warnings, infos and files without messages. Every piece of
 * article text, path and message is escaped, and the page's policy lets only
 * its own script run.
 */
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {levelOf, type Level} from '../rule-api/severity.js'
import {contentSecurityPolicy, script, style} from './html-page.js'
import {spanOf} from './json.js'
import type {Reporter, ReporterOptions} from './reporter.js'
import {shown} from './reporter.js'

const levels: readonly Level[] = ['error', 'warning', 'info']

interface Flagged {
  readonly id: string
  readonly message: VFileMessage
  readonly level: Level
  readonly start: number
  readonly end: number
  /** The line the message is listed under (1-based). */
  readonly line: number
}

export function createHtmlReporter(options: ReporterOptions): Reporter {
  const counts = new Map<string, Record<Level, number>>()
  let files = 0
  let flaggedFiles = 0
  let opened = false
  const open = () => {
    if (opened) return ''
    opened = true
    return page
  }
  return {
    file(linted, _absolutePath, extra) {
      const text = extra?.text
      const messages = shown(linted.messages, options.quiet)
      const number = files++
      if (messages.length > 0) flaggedFiles++
      for (const message of messages) {
        const ruleId = message.ruleId ?? 'unknown'
        const tally = counts.get(ruleId) ?? {error: 0, warning: 0, info: 0}
        tally[levelOf(message.fatal)]++
        counts.set(ruleId, tally)
      }
      return open() + fileSection(`f${number}`, linted.path, messages, text)
    },
    end(tally) {
      return open() + summary(files, flaggedFiles, counts, options.quiet ? {...tally, warnings: 0, infos: 0} : tally) + `</main><script>${script}</script></body></html>\n`
    }
  }
}

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factcheck report</title><style>${style}</style></head>
<body><main>
`

function fileSection(id: string, path: string, messages: readonly VFileMessage[], text: string | undefined): string {
  const worst = levels.find((level) => messages.some((message) => levelOf(message.fatal) === level))
  const head = `<section class="file sev-${worst ?? 'none'}" id="${id}" data-path="${escape(path)}"><h2><a href="#${id}">${escape(path)}</a><span class="counts">${countsText(messages)}</span></h2>`
  if (messages.length === 0) return head + '</section>\n'
  if (text === undefined) return head + `<ul class="msgs">${messages.map((message, index) => messageItem(id, `${id}-m${index}`, message)).join('')}</ul></section>\n`
  return head + `<div class="text">${articleLines(id, text, messages)}</div></section>\n`
}

/** The article line by line, flagged spans marked, each message listed under its line. */
function articleLines(id: string, text: string, messages: readonly VFileMessage[]): string {
  const place = location(text)
  const lines = text.split('\n')
  const flagged: Flagged[] = messages.map((message, index) => {
    const {start, end} = spanOf(message)
    const from = offsetOf(message, 'start') ?? place.toOffset(start) ?? 0
    const to = Math.max(from, offsetOf(message, 'end') ?? place.toOffset(end) ?? from)
    // A span that ends at the start of a line ends on the line before it.
    const last = end.line > start.line && end.column === 1 ? end.line - 1 : end.line
    return {id: `${id}-m${index}`, message, level: levelOf(message.fatal), start: from, end: to, line: Math.min(Math.max(last, 1), lines.length)}
  })
  let html = ''
  let lineStart = 0
  for (const [index, raw] of lines.entries()) {
    const number = index + 1
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const lineEnd = lineStart + content.length
    const touching = flagged.filter((item) => item.start <= lineEnd && item.end >= lineStart)
    // The line number is a CSS counter: one element a line keeps a page of thousands of articles light.
    html += `<div class="line" id="${id}-L${number}">${markedLine(text, lineStart, lineEnd, touching)}</div>`
    const listed = flagged.filter((item) => item.line === number)
    if (listed.length > 0) html += `<ul class="msgs">${listed.map((item) => messageItem(id, item.id, item.message)).join('')}</ul>`
    lineStart += raw.length + 1
  }
  return html
}

/** One line's text cut where flagged spans start and end, each piece marked with the messages over it. */
function markedLine(text: string, from: number, to: number, flagged: readonly Flagged[]): string {
  const cuts = new Set([from, to])
  for (const item of flagged) {
    if (item.start > from && item.start < to) cuts.add(item.start)
    if (item.end > from && item.end < to) cuts.add(item.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  let html = ''
  for (const [index, start] of points.entries()) {
    // An empty span (something missing, the fix is an insert) is a caret at its place.
    for (const item of flagged) if (item.start === item.end && item.start === start) html += `<mark class="point sev-${item.level}" data-ids="${item.id}"></mark>`
    const end = points[index + 1]
    if (end === undefined) break
    const over = flagged.filter((item) => item.start <= start && item.end >= end && item.start < item.end)
    const piece = escape(text.slice(start, end))
    if (over.length === 0) html += piece
    else {
      const level = levels.find((candidate) => over.some((item) => item.level === candidate))
      html += `<mark class="sev-${level}" data-ids="${over.map((item) => item.id).join(' ')}">${piece}</mark>`
    }
  }
  return html
}

function messageItem(fileId: string, id: string, message: VFileMessage): string {
  const level = levelOf(message.fatal)
  const ruleId = message.ruleId ?? 'unknown'
  const {start, end} = spanOf(message)
  const rule = message.url ? `<a class="rule" href="${escape(message.url)}">${escape(ruleId)}</a>` : `<span class="rule">${escape(ruleId)}</span>`
  let html = `<li class="msg sev-${level}" id="${id}" data-rule="${escape(ruleId)}" data-severity="${level}"><span class="sev">${level}</span>${rule}<span class="where">${start.line}:${start.column}–${end.line}:${end.column}</span>`
  html += `<p class="reason">${escape(message.reason)}</p>`
  if (message.note) html += `<p class="note">${escape(message.note)}</p>`
  const cause = message.cause
  if (cause && typeof cause === 'object' && 'place' in cause && (cause as VFileMessage).place) {
    const related = spanOf(cause as VFileMessage).start
    const reason = (cause as VFileMessage).reason
    html += `<p class="evidence">Evidence: <a href="#${fileId}-L${related.line}">line ${related.line}, column ${related.column}</a>${reason ? ': ' + escape(reason) : ''}</p>`
  }
  if (message.expected && message.expected.length > 0) html += `<p class="fix">Fix: ${fixText(message.expected, message.actual)}</p>`
  return html + '</li>'
}

function fixText(expected: readonly string[], actual: string | undefined): string {
  if (expected.length === 1 && expected[0] === '') return `remove <code>${escape(actual ?? '')}</code>`
  return 'replace with ' + expected.map((value) => (value === '' ? 'nothing' : `<code>${escape(value)}</code>`)).join(' or ')
}

function summary(files: number, flaggedFiles: number, counts: ReadonlyMap<string, Record<Level, number>>, tally: {errors: number; warnings: number; infos: number}): string {
  const rules = [...counts.entries()].map(([ruleId, byLevel]) => ({ruleId, byLevel, total: byLevel.error + byLevel.warning + byLevel.info})).sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId))
  const most = Math.max(1, ...rules.map((rule) => rule.total))
  const total = tally.errors + tally.warnings + tally.infos
  const rows = rules
    .map(
      (rule) =>
        `<tr><td><label><input type="checkbox" name="rule" value="${escape(rule.ruleId)}" checked> <code>${escape(rule.ruleId)}</code></label></td>` +
        levels.map((level) => `<td class="n">${rule.byLevel[level]}</td>`).join('') +
        `<td class="n">${rule.total}</td><td class="chart"><div class="bar" style="width:${((100 * rule.total) / most).toFixed(1)}%"></div></td></tr>`
    )
    .join('')
  const severityBoxes = (
    [
      ['error', tally.errors],
      ['warning', tally.warnings],
      ['info', tally.infos]
    ] as const
  )
    .map(([level, amount]) => `<label class="sev-${level}"><input type="checkbox" name="severity" value="${level}" checked> <span class="sev">${level}</span> ${amount}</label>`)
    .join('')
  return (
    `<section id="summary"><h1>factcheck report</h1>` +
    `<p>${files} file${files === 1 ? '' : 's'}, ${flaggedFiles} with messages: ${tally.errors} errors, ${tally.warnings} warnings, ${tally.infos} infos.</p>` +
    `<div class="filters">${severityBoxes}<input id="search" type="search" placeholder="Search files, text and messages" aria-label="Search"></div>` +
    `<table><thead><tr><th>rule</th><th>errors</th><th>warnings</th><th>infos</th><th>all</th><th>messages per rule</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p id="shown" data-total="${total}">${total} of ${total} messages shown, in ${files} files</p></section>\n`
  )
}

function countsText(messages: readonly VFileMessage[]): string {
  if (messages.length === 0) return 'no messages'
  return levels
    .map((level) => [level, messages.filter((message) => levelOf(message.fatal) === level).length] as const)
    .filter(([, amount]) => amount > 0)
    .map(([level, amount]) => `${amount} ${level}${amount === 1 ? '' : 's'}`)
    .join(', ')
}

function offsetOf(message: VFileMessage, side: 'start' | 'end'): number | undefined {
  const place = message.place
  if (!place) return undefined
  return 'start' in place ? place[side].offset : place.offset
}

// The five characters that can end text or an attribute value in HTML: `<img onerror=…>` shows as text.
const special = /[&<>"']/g
const entities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

export function escape(text: string): string {
  return text.replace(special, (character) => entities[character]!)
}
