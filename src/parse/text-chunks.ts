/**
 * Parse long plain text in pieces. parse-latin slows down more than linearly
 * on one huge document (measured here: 3.1 s for 1 MB, 102 s for 5 MB), so
 * text past `chunkSize` is cut between paragraphs, each piece is parsed
 * alone, and the pieces' positions are shifted onto the whole text. The tree
 * is the one a single parse gives: cuts fall only where the rule below holds.
 */
import type {Root, RootContent} from 'nlcst'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'

/** Pieces are at least this long, in UTF-16 code units, before a cut is sought. */
export const chunkSize = 16_384

const capital = /^\p{Lu}/u
// A word, then at most one terminal mark and closing marks: `well.`, `said.”`, `no stop`; not `—`,
// `(!)`, `?!`, nor an apostrophe right after a letter (`ol'` is merged with the white space after it).
const wordEnd = /[\p{L}\p{N}][.!?…]?["'”’)\]]*$(?<!\p{L}['’])/u

/**
 * The cut rule, shared with markdown-chunks.ts: parse-latin gives the same
 * nodes for two paragraphs parsed apart as together, when the white space
 * between them (at least one blank line, or the line breaks Markdown blocks
 * get) starts the second piece, the first ends with a word (and perhaps a
 * terminal mark and closing marks: `endsProse`) and the second starts with a
 * capital letter (`startsProse`). parse-latin merges a sentence that starts in
 * lower case, with a digit or a mark, or has no word, into its neighbour; and
 * a full stop after an abbreviation or a number (`Plan b.`, `rose to 150.`)
 * joins the word only when no white space follows it in its piece.
 */
export const endsProse = (text: string): boolean => wordEnd.test(text)
export const startsProse = (text: string): boolean => capital.test(text)

// Line breaks with at least one blank line between, and nothing else: `\n\n`, `\r\n \r\n\r\n`.
const paragraphBreak = /\r?\n(?:[\t ]*\r?\n)+/g

/** Where to cut `value`: at the start of a paragraph break where `endsProse` and `startsProse` hold. */
export function cutPoints(value: string, size = chunkSize): number[] {
  const cuts: number[] = []
  paragraphBreak.lastIndex = size
  for (let match = paragraphBreak.exec(value); match; match = paragraphBreak.exec(value)) {
    const cut = match.index
    const next = cut + match[0].length
    // A word end is short: a window of text before the break is enough to test.
    if (endsProse(value.slice(Math.max(0, cut - 32), cut)) && startsProse(value.slice(next, next + 2))) {
      cuts.push(cut)
      paragraphBreak.lastIndex = Math.max(next, cut + size)
    }
  }
  return cuts
}

/** Parse `value` with `parse`, in pieces when it is long. */
export function parseInChunks(value: string, parse: (piece: string) => Root, size = chunkSize): Root {
  const cuts = cutPoints(value, size)
  if (cuts.length === 0) return parse(value)

  const children: RootContent[] = []
  let start = 0
  let at: Point = {line: 1, column: 1, offset: 0}
  for (const end of [...cuts, value.length]) {
    const piece = value.slice(start, end)
    const tree = parse(piece)
    if (start > 0) shift(tree, at)
    children.push(...tree.children)
    at = pointAfter(piece, at)
    start = end
  }

  const root: Root = {type: 'RootNode', children}
  const first = children[0]?.position
  const last = children[children.length - 1]?.position
  if (first && last) root.position = {start: first.start, end: last.end}
  return root
}

/** Move every point of a piece's tree to a piece starting at `at`. */
function shift(tree: Root, at: Point): void {
  const move = (point: Point): Point => ({
    line: point.line + at.line - 1,
    column: point.line === 1 ? point.column + at.column - 1 : point.column,
    offset: (point.offset ?? 0) + (at.offset ?? 0)
  })
  visit(tree, (node) => {
    if (node.position) node.position = {start: move(node.position.start), end: move(node.position.end)}
  })
}

// Line breaks as parse-latin counts them.
const lineBreak = /\r\n?|\n/g

/** The point after `piece`, which starts at `at`. */
function pointAfter(piece: string, at: Point): Point {
  let lines = 0
  let lineStart = -1
  for (const match of piece.matchAll(lineBreak)) {
    lines++
    lineStart = match.index + match[0].length
  }
  const offset = (at.offset ?? 0) + piece.length
  return lines === 0 ? {line: at.line, column: at.column + piece.length, offset} : {line: at.line + lines, column: piece.length - lineStart + 1, offset}
}
