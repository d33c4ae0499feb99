/**
 * Quick fixes from a diagnostic's `expected` (STYLE: “Each `expected` string
 * is one quick fix”): “Replace `a` with `b`” or “Remove `a`”, the lone one of
 * a sure fix marked preferred. The edit is the one `--fix` makes
 * (`editAt`), so removing a repeated paragraph also removes the blank line
 * that separated it. A diagnostic whose `actual` no longer matches the
 * document (the text changed since it was published), or whose range ends
 * before it starts, gets no fix (`isEditable`, as for `--fix`).
 */
import {CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {VFileMessage} from 'vfile-message'
import {toolName} from '../rule-api/define-rule.js'
import {editAt, editsOf, isEditable, type Edit} from '../run/fix.js'
import {directiveRuleId} from '../run/directives.js'
import {failureIds} from '../run/failure-ids.js'

/** The kind of the “fix every sure problem” source action (VS Code's `source.fixAll` on save). */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.${toolName}`

/** Longest stretch of article text quoted in a title. */
const titleWidth = 40

interface FixData {
  readonly expected: readonly string[]
  readonly actual?: string | undefined
}

/**
 * The server's own diagnostics that the client's echoed ones stand for: the
 * same rule and reason starting on the same line, the nearest by column
 * (clients do not all echo ranges as they were sent: Neovim 0.7 gives byte
 * columns, so after “café” or “🎉” the echoed range is off). Without echoed
 * diagnostics, the server's own on the lines of the requested range. Fixes
 * are then built from ranges the server computed itself.
 */
export function ownDiagnostics(published: readonly Diagnostic[], echoed: readonly Diagnostic[], range: Range): Diagnostic[] {
  if (echoed.length === 0) {
    return published.filter((own) => own.range.start.line <= range.end.line && own.range.end.line >= range.start.line)
  }
  const found = new Set<Diagnostic>()
  for (const diagnostic of echoed) {
    if (diagnostic.source !== toolName) continue
    let best: Diagnostic | undefined
    for (const own of published) {
      if (own.code !== diagnostic.code || own.message !== diagnostic.message || own.range.start.line !== diagnostic.range.start.line) continue
      const distance = Math.abs(own.range.start.character - diagnostic.range.start.character)
      if (!best || distance < Math.abs(best.range.start.character - diagnostic.range.start.character)) best = own
    }
    if (best) found.add(best)
  }
  return [...found]
}

/** One quick fix per `expected` value of each of our diagnostics. */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = []
  const text = document.getText()
  for (const diagnostic of diagnostics) {
    const data = fixDataOf(diagnostic)
    if (!data || data.expected.length === 0) continue
    const start = document.offsetAt(diagnostic.range.start)
    const end = document.offsetAt(diagnostic.range.end)
    if (!isEditable(text, start, end, data.actual)) continue
    const actual = text.slice(start, end)
    for (const expected of data.expected) {
      actions.push({
        title: expected === '' ? `Remove ${quote(actual)}` : `Replace ${quote(actual)} with ${quote(expected)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: data.expected.length === 1,
        edit: {changes: {[document.uri]: [textEditOf(document, editAt(text, start, end, expected))]}}
      })
    }
  }
  return actions
}

/** Every sure fix of `messages` at once, as one `--fix` pass makes them; `undefined` when there is none. */
export function fixAll(document: TextDocument, messages: readonly VFileMessage[]): CodeAction | undefined {
  const text = document.getText()
  const edits = editsOf(text, messages)
  if (edits.length === 0) return undefined
  return {
    title: `Fix all sure ${toolName} problems`,
    kind: fixAllKind,
    // `editsOf` gives sorted edits that do not overlap, as LSP asks of one `TextEdit[]`.
    edit: {changes: {[document.uri]: edits.map((edit) => textEditOf(document, edit))}}
  }
}

/** Diagnostics no directive can silence: failures, a broken config, directives themselves. */
const undisabled = new Set([...failureIds, 'config', directiveRuleId])

// The indentation of a line: a directive above a list item's line keeps it in the item.
const leadingSpace = /^[ \t]*/

/**
 * “Disable `rule` for this line”: one per rule among the diagnostics, which
 * puts `<!-- factcheck-disable-next-line rule -->` on a line of its own above
 * the flagged line, with its indentation (the form Markdown, HTML and plain
 * text all read; see src/parse/directives.ts).
 */
export function disableActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = []
  const seen = new Set<string>()
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== toolName || typeof diagnostic.code !== 'string' || undisabled.has(diagnostic.code)) continue
    const line = diagnostic.range.start.line
    const key = `${line}:${diagnostic.code}`
    if (seen.has(key)) continue
    seen.add(key)
    const text = document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}})
    const indent = leadingSpace.exec(text)![0]
    const lineBreak = text.endsWith('\r\n') ? '\r\n' : '\n'
    const start = {line, character: 0}
    actions.push({
      title: `Disable ${diagnostic.code} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {changes: {[document.uri]: [{range: {start, end: start}, newText: `${indent}<!-- factcheck-disable-next-line ${diagnostic.code} -->${lineBreak}`}]}}
    })
  }
  return actions
}

function fixDataOf(diagnostic: Diagnostic): FixData | undefined {
  if (diagnostic.source !== toolName) return undefined
  const data: unknown = diagnostic.data
  if (typeof data !== 'object' || data === null) return undefined
  const {expected, actual} = data as {expected?: unknown; actual?: unknown}
  if (!Array.isArray(expected) || !expected.every((value) => typeof value === 'string')) return undefined
  return {expected, actual: typeof actual === 'string' ? actual : undefined}
}

function textEditOf(document: TextDocument, edit: Edit): TextEdit {
  return {range: {start: document.positionAt(edit.start), end: document.positionAt(edit.end)}, newText: edit.text}
}

// Line breaks and runs of spaces in a quoted stretch: “Kuwaiti Army\n\nChief” → “Kuwaiti Army Chief”.
const whitespaceRun = /\s+/g

/** `text` in backticks, on one line, cut to `titleWidth` characters. */
function quote(text: string): string {
  const flat = text.replace(whitespaceRun, ' ').trim()
  return '`' + (flat.length > titleWidth ? flat.slice(0, titleWidth - 1).trimEnd() + '…' : flat) + '`'
}
