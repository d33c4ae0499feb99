/**
 * Apply the sure fixes messages carry (`expected` with one value) to a text.
 * Only the flagged spans change, and for a deleted block its separating line
 * break: deleting the copy in “A\n\nCOPY\n\nB” gives “A\n\nB”. Overlapping
 * fixes are left for the next pass (see `fixUntilStable`). Every edit is
 * checked before it is made: a place outside the text, one that ends before it
 * starts, or one whose `actual` is not the text there is dropped, so a wrong
 * span can never reach a file (`isEditable`).
 */
import type {VFileMessage} from 'vfile-message'

export interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** The sure fixes of `messages` as edits on `value`, sorted, without overlaps. */
export function editsOf(value: string, messages: readonly VFileMessage[]): Edit[] {
  const edits: Edit[] = []
  for (const message of messages) {
    const place = message.place
    if (!message.expected || message.expected.length !== 1 || !place || !('start' in place)) continue
    const {start, end} = place
    if (start.offset === undefined || end.offset === undefined) continue
    if (message.actual === undefined || !isEditable(value, start.offset, end.offset, message.actual)) continue
    edits.push(editAt(value, start.offset, end.offset, message.expected[0]))
  }

  edits.sort((a, b) => a.start - b.start || a.end - b.end)
  const kept: Edit[] = []
  for (const edit of edits) {
    const last = kept[kept.length - 1]
    if (last && edit.start < last.end) continue
    if (last && edit.start === last.start && edit.end === last.end) continue
    kept.push(edit)
  }
  return kept
}

/**
 * Whether `[start, end)` may be replaced in `value`: whole offsets inside it,
 * not ending before it starts, with `actual` (when given) the text there. A
 * message whose `actual` is not the source at its place is stale or spans markup.
 */
export function isEditable(value: string, start: number, end: number, actual: string | undefined): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > value.length) return false
  return actual === undefined || actual === value.slice(start, end)
}

/**
 * The edit that puts `text` in place of `[start, end)` of `value`: one
 * `expected` value of a message. An empty `text` is a deletion, which takes
 * the separating line break or spaces with it (`--fix` and editor quick fixes
 * both come here).
 */
export function editAt(value: string, start: number, end: number, text: string): Edit {
  return text === '' ? deletion(value, start, end) : {start, end, text}
}

/** Apply sorted, non-overlapping edits; one out of order, overlapping or outside `value` is dropped. */
export function applyEdits(value: string, edits: readonly Edit[]): string {
  let result = ''
  let from = 0
  for (const edit of edits) {
    if (edit.start < from || !isEditable(value, edit.start, edit.end, undefined)) continue
    result += value.slice(from, edit.start) + edit.text
    from = edit.end
  }
  return result + value.slice(from)
}

/**
 * Lint, fix, lint again until nothing more is fixed (at most `passes` times),
 * so that a second `--fix` run finds nothing: ESLint's loop.
 */
export function fixUntilStable(
  value: string,
  lint: (value: string) => readonly VFileMessage[],
  passes = 10
): {value: string; messages: readonly VFileMessage[]; changed: boolean} {
  let current = value
  let messages = lint(current)
  for (let pass = 0; pass < passes; pass++) {
    const edits = editsOf(current, messages)
    if (edits.length === 0) break
    current = applyEdits(current, edits)
    messages = lint(current)
  }
  return {value: current, messages, changed: current !== value}
}

/**
 * Deleting `[start, end)`: a whole block takes its separating line break with
 * it (the one before it, or after it when it opens the text), and its markup
 * when it is all an element or a line holds (`<p>COPY</p>`, `- Read more`,
 * `## Advertisement`), so no empty element or bullet is left; furniture at the
 * start or end of a line takes the spaces that joined it to the rest.
 */
function deletion(value: string, start: number, end: number): Edit {
  ;[start, end] = wholeElement(value, start, end)
  const lineStart = backOver(value, start, ' \t')
  const lineEnd = forwardOver(value, end, ' \t')
  const closesLine = lineEnd === value.length || value[lineEnd] === '\n' || value[lineEnd] === '\r'
  const markerStart = closesLine ? lineMarkerStart(value, start) : undefined
  if (markerStart !== undefined) return deletion(value, markerStart, end)
  const opensLine = lineStart === 0 || value[lineStart - 1] === '\n' || value[lineStart - 1] === '\r'

  if (opensLine && closesLine) {
    const before = backOver(value, lineStart, '\r\n \t')
    if (before > 0) {
      // Keep the previous line's own trailing spaces; remove from its line break on.
      return {start: forwardOver(value, before, ' \t'), end: lineEnd, text: ''}
    }
    return {start: 0, end: forwardOver(value, lineEnd, '\r\n \t'), text: ''}
  }
  if (opensLine) return {start, end: lineEnd, text: ''}
  if (closesLine) return {start: backOver(value, start, ' \t'), end, text: ''}
  return {start, end: forwardOver(value, end, ' '), text: ''}
}

// An opening tag just before a deletion: `<p>`, `<li class="x">`; not `<br/>` or `</p>`.
const openingTag = /<([a-z][a-z\d]*)(?:\s[^<>]*)?>$/i

/** Elements a deletion may take whole; not table cells, whose removal would shift a table's columns. */
const removableElements = new Set(['p', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'blockquote', 'div', 'aside', 'span', 'a', 'b', 'i', 'em', 'strong', 'small'])

/** `[start, end)` widened to the elements it fills: `<li><p>COPY</p></li>` for `COPY`. */
function wholeElement(value: string, start: number, end: number): [number, number] {
  for (;;) {
    const tag = openingTag.exec(value.slice(Math.max(0, start - 200), start))
    if (!tag || !removableElements.has(tag[1].toLowerCase())) return [start, end]
    const closing = `</${tag[1]}>`
    if (value.slice(end, end + closing.length).toLowerCase() !== closing.toLowerCase()) return [start, end]
    start -= tag[0].length
    end += closing.length
  }
}

// What may stand before a block's text on its line: list bullets, numbers, quote and heading marks (`- `, `1. `, `> `, `## `, `• `).
const lineMarkers = /^[ \t]*(?:(?:[-*+•]|\d{1,9}[.)]|#{1,6})[ \t]+|>[ \t]*)+$/

/** Where the line holding `index` starts, when only markers stand between them; `undefined` otherwise. */
function lineMarkerStart(value: string, index: number): number | undefined {
  let start = index
  while (start > 0 && value[start - 1] !== '\n' && value[start - 1] !== '\r') start--
  return start < index && lineMarkers.test(value.slice(start, index)) ? start : undefined
}

function backOver(value: string, index: number, characters: string): number {
  let result = index
  while (result > 0 && characters.includes(value[result - 1])) result--
  return result
}

function forwardOver(value: string, index: number, characters: string): number {
  let result = index
  while (result < value.length && characters.includes(value[result])) result++
  return result
}
