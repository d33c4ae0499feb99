/**
 * Apply an article's inline directives (src/parse/directives.ts) to all its
 * messages, corpus ones included: drop what they disable, warn about a rule id
 * that does not exist or a word that is not a directive, and, with
 * `--report-unused-disable-directives`, report (as errors, as ESLint does) a
 * disable that silenced nothing. `factcheck-disable` holds from the comment's
 * start until a `factcheck-enable` of the same rule (or of all rules), or the
 * end of the file; `factcheck-disable-next-line` holds for the line after the
 * comment's end. A message is silenced when it starts inside. Messages that
 * mean the run failed (src/run/failure-ids.ts) are never silenced.
 *
 * Not unified-message-control, the unified collective's implementation of
 * comment markers: it has no next-line form (its `ignore` covers the next
 * sibling node, a whole paragraph or list), keeps no record of which marker
 * silenced what, so unused directives cannot be reported, filters only the
 * messages that exist when it runs inside the processor (`shared-paragraph`'s
 * come later, from the run's corpus), finds markers only as tree nodes (plain
 * text has none), and throws (`file.fail`) on an unknown keyword.
 */
import {VFileMessage} from 'vfile-message'
import type {Point} from 'unist'
import {didYouMean} from '../config/suggest.js'
import type {Directive} from '../parse/directives.js'
import type {LintedFile} from '../report/reporter.js'
import {failureIds} from './failure-ids.js'
import {toolName} from '../rule-api/define-rule.js'
import {withoutStackTraces} from '../rule-api/stackless.js'

/** The rule id of factcheck's messages about directives themselves. */
export const directiveRuleId = 'directive'

const verbs = ['disable', 'enable', 'disable-next-line']
const unsilenced = new Set([...failureIds, directiveRuleId])

interface LineColumn {
  readonly line: number
  readonly column: number
}

/** Where one rule (or every rule: `undefined`) is off, and the directive that says so. */
interface Range {
  readonly ruleId: string | undefined
  readonly start: LineColumn
  end: LineColumn | undefined
  readonly directive: Directive
  used: boolean
}

export interface DirectiveOptions {
  /** Every rule id a directive may name. */
  readonly ruleIds: readonly string[]
  /** `--report-unused-disable-directives`. */
  readonly reportUnused: boolean
}

export function applyDirectives(linted: LintedFile, options: DirectiveOptions): LintedFile {
  const directives = linted.directives
  if (!directives || directives.length === 0) return linted
  const problems: VFileMessage[] = []
  const ranges = rangesOf(directives, options.ruleIds, (directive, reason) => problems.push(directiveMessage(linted.path, directive, reason, false)))

  const kept = linted.messages.filter((message) => {
    const ruleId = String(message.ruleId)
    if (unsilenced.has(ruleId)) return true
    const at = startOf(message)
    let silenced = false
    for (const range of ranges) {
      if ((range.ruleId === undefined || range.ruleId === ruleId) && inside(at, range)) {
        range.used = true
        silenced = true
      }
    }
    return !silenced
  })

  if (options.reportUnused) {
    for (const range of ranges) {
      if (range.used) continue
      const written = `factcheck-${range.directive.verb}` + (range.ruleId ? ` ${range.ruleId}` : '')
      const what = range.ruleId ? `no \`${range.ruleId}\` message` : 'no message'
      problems.push(directiveMessage(linted.path, range.directive, `Unused \`${written}\`: ${what} to silence, remove it`, true))
    }
  }
  if (problems.length === 0 && kept.length === linted.messages.length) return linted
  return {...linted, messages: [...kept, ...problems].sort(byStart)}
}

/** The ranges directives open, in document order; `problem` hears of unknown verbs and ids. */
function rangesOf(directives: readonly Directive[], ruleIds: readonly string[], problem: (directive: Directive, reason: string) => void): Range[] {
  const ranges: Range[] = []
  const open = new Map<string | undefined, Range>()
  for (const directive of [...directives].sort((a, b) => compare(a.start, b.start))) {
    if (!verbs.includes(directive.verb)) {
      problem(directive, `Unknown directive \`factcheck-${directive.verb}\`${didYouMean(directive.verb, verbs)}, expected \`factcheck-disable\`, \`factcheck-enable\` or \`factcheck-disable-next-line\``)
      continue
    }
    const ids: Array<string | undefined> = []
    for (const id of directive.ruleIds) {
      if (ruleIds.includes(id)) ids.push(id)
      else problem(directive, `Unknown rule \`${id}\` in \`factcheck-${directive.verb}\`${didYouMean(id, ruleIds)}, expected a rule id (see --list-rules)`)
    }
    if (directive.ruleIds.length === 0) ids.push(undefined)
    for (const ruleId of ids) {
      if (directive.verb === 'disable-next-line') {
        const line = directive.end.line + 1
        ranges.push({ruleId, start: {line, column: 1}, end: {line: line + 1, column: 1}, directive, used: false})
      } else if (directive.verb === 'disable') {
        if (open.has(ruleId)) continue
        const range: Range = {ruleId, start: directive.start, end: undefined, directive, used: false}
        open.set(ruleId, range)
        ranges.push(range)
      } else if (ruleId === undefined) {
        for (const range of open.values()) range.end = directive.start
        open.clear()
      } else {
        const range = open.get(ruleId)
        if (range) range.end = directive.start
        open.delete(ruleId)
      }
    }
  }
  return ranges
}

function inside(at: LineColumn, range: Range): boolean {
  return compare(at, range.start) >= 0 && (range.end === undefined || compare(at, range.end) < 0)
}

function compare(a: LineColumn, b: LineColumn): number {
  return a.line - b.line || a.column - b.column
}

function startOf(message: VFileMessage): LineColumn {
  const place = message.place
  if (place && 'start' in place) return place.start
  return place ?? {line: 1, column: 1}
}

function byStart(a: VFileMessage, b: VFileMessage): number {
  return compare(startOf(a), startOf(b)) || String(a.ruleId).localeCompare(String(b.ruleId))
}

/** A message about a directive, on the directive: a warning, or an error for an unused one. */
function directiveMessage(path: string, directive: Directive, reason: string, fatal: boolean): VFileMessage {
  const place = {start: {...directive.start} as Point, end: {...directive.end} as Point}
  const message = withoutStackTraces(() => new VFileMessage(reason, {place, ruleId: directiveRuleId, source: toolName}))
  message.file = path
  message.fatal = fatal
  message.expected = []
  return message
}
