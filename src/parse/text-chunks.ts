/**
 * Parse long plain text in pieces. parse-latin slows down more than linearly
 * on one huge document (measured here: 3.1 s for 1 MB, 102 s for 5 MB), so
 * text past `chunkSize` is cut at blank lines — where parse-latin ends a
 * paragraph anyway — each piece is parsed alone, and the pieces' positions
 * are shifted onto the whole text. The tree is the one a single parse gives.
 */
import type {Root, RootContent} from 'nlcst'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'

/** Pieces are at least this long, in UTF-16 code units, before a cut is sought. */
export const chunkSize = 16_384

// A blank line: "\n\n", "\n  \n", "\r\n\r\n"; the cut falls after its last line break.
const blankLine = /\n[\t ]*\r?\n(?:[\t ]*\r?\n)*/g

/** Where to cut `value` so that each piece starts at the start of a line after a blank line. */
export function cutPoints(value: string, size = chunkSize): number[] {
  const cuts: number[] = []
  let from = size
  while (from < value.length) {
    blankLine.lastIndex = from
    const match = blankLine.exec(value)
    if (!match) break
    const cut = match.index + match[0].length
    if (cut >= value.length) break
    cuts.push(cut)
    from = cut + size
  }
  return cuts
}

/** Parse `value` with `parse`, in pieces when it is long. */
export function parseInChunks(value: string, parse: (piece: string) => Root, size = chunkSize): Root {
  const cuts = cutPoints(value, size)
  if (cuts.length === 0) return parse(value)

  const children: RootContent[] = []
  let start = 0
  let line = 1
  for (const end of [...cuts, value.length]) {
    const piece = value.slice(start, end)
    const tree = parse(piece)
    if (start > 0) shift(tree, start, line - 1)
    children.push(...tree.children)
    line += countLineBreaks(piece)
    start = end
  }

  const root: Root = {type: 'RootNode', children}
  const first = children[0]?.position
  const last = children[children.length - 1]?.position
  if (first && last) root.position = {start: first.start, end: last.end}
  return root
}

/** Move every point of a piece's tree: pieces start at a line start, so columns stay. */
function shift(tree: Root, offset: number, lines: number): void {
  const move = (point: Point): Point => ({line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset})
  visit(tree, (node) => {
    if (node.position) node.position = {start: move(node.position.start), end: move(node.position.end)}
  })
}

function countLineBreaks(text: string): number {
  let count = 0
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++
  return count
}
