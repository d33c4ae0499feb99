/**
 * Inline directives in the article, as remark-lint, alex and ESLint users
 * write them: `<!-- factcheck-disable rule-id -->` … `<!-- factcheck-enable
 * rule-id -->` and `<!-- factcheck-disable-next-line rule-id -->` (ids
 * separated by spaces or commas; none means every rule). In Markdown and
 * HTML they are comments, found in the tree (a comment inside a code block is
 * code, not a directive); in plain text the same comment alone on its line,
 * which real copy never holds. Here they are only found and placed; the run
 * applies them (src/run/directives.ts), after every message of the file,
 * corpus ones included, is known.
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

interface LineColumn {
  readonly line: number
  readonly column: number
}

export interface Directive {
  /** As written after `factcheck-`: `disable`, `enable`, `disable-next-line`, or an unknown word the run warns about. */
  readonly verb: string
  readonly ruleIds: readonly string[]
  readonly start: LineColumn
  readonly end: LineColumn
}

// `<!-- factcheck-disable fragment, boilerplate -->` → verb `disable`, ids `fragment, boilerplate`;
// not `<!-- factchecked by the desk -->` (no hyphen after `factcheck`).
const directiveComment = /<!--\s*factcheck-([a-z-]*)((?:(?!-->)[^])*)-->/g
// A plain-text line that is only a directive: `  <!-- factcheck-enable -->`; not `Text <!-- factcheck-enable -->`.
const directiveLine = /^[ \t]*<!--\s*factcheck-(?:(?!-->).)*-->[ \t]*\r?$/gm
// Ids are separated by spaces or commas: `fragment,boilerplate` or `fragment boilerplate`.
const idSeparator = /[\s,]+/

/** Directives in `[start, end)` of the source (one comment node, or one plain-text line). */
export function directivesIn(file: VFile, start: number, end: number): Directive[] {
  const source = String(file.value).slice(start, end)
  const toPoint = location(file).toPoint
  const found: Directive[] = []
  for (const match of source.matchAll(directiveComment)) {
    const from = toPoint(start + match.index)
    const to = toPoint(start + match.index + match[0].length)
    if (!from || !to) continue
    found.push({
      verb: match[1]!,
      ruleIds: match[2]!.split(idSeparator).filter(Boolean),
      start: {line: from.line, column: from.column},
      end: {line: to.line, column: to.column}
    })
  }
  return found
}

/**
 * Plain text: the directive lines, and the text with those lines blanked
 * (spaces, so every offset stays), so no rule reads a directive as prose.
 */
export function textDirectives(file: VFile): {directives: Directive[]; value: string} {
  const value = String(file.value)
  const directives: Directive[] = []
  // Most articles hold no directive: one scan for the marker first.
  if (!value.includes('factcheck-')) return {directives, value}
  let blanked = ''
  let from = 0
  for (const match of value.matchAll(directiveLine)) {
    directives.push(...directivesIn(file, match.index, match.index + match[0].length))
    blanked += value.slice(from, match.index) + match[0].replace(/[^\r]/g, ' ')
    from = match.index + match[0].length
  }
  return {directives, value: blanked + value.slice(from)}
}

export function directivesOf(file: VFile): Directive[] {
  return (file.data as {directives?: Directive[]}).directives ?? []
}

export function addDirectives(file: VFile, directives: readonly Directive[]): void {
  const data = file.data as {directives?: Directive[]}
  ;(data.directives ??= []).push(...directives)
}
