/**
 * Places inside a word. A place normally comes straight from node positions;
 * when furniture starts inside a word that scraping glued together
 * ("it.Credit...Doug Mills": one WordNode `it.Credit`), the start is the
 * word's own offset plus the length of the text before the cut. The
 * line/column of such an offset come from vfile-location, never from
 * counting in a rule.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

const indexes = new WeakMap<VFile, ReturnType<typeof location>>()

/** The point at `offset` in `file`, or `undefined` when the offset is outside it. */
export function pointAt(file: VFile, offset: number): Point | undefined {
  let index = indexes.get(file)
  if (!index) {
    index = location(file)
    indexes.set(file, index)
  }
  const point = index.toPoint(offset)
  return point && point.offset !== undefined ? {line: point.line, column: point.column, offset: point.offset} : undefined
}

/** The place from `start` to `end` (source offsets) in `file`. */
export function placeOf(file: VFile, start: number, end: number): Position | undefined {
  const from = pointAt(file, start)
  const to = pointAt(file, end)
  return from && to ? {start: from, end: to} : undefined
}

/**
 * The point `cut` characters into a node, as in `it.Credit` → the `C`. When
 * the source at the node differs from its text (markup or an entity inside
 * the word), the point is found from the node's end if the text after the cut
 * is still verbatim there; otherwise `undefined`.
 */
export function pointInside(file: VFile, position: Position, text: string, cut: number): Point | undefined {
  const start = position.start.offset
  const end = position.end.offset
  if (start === undefined || end === undefined) return undefined
  const source = String(file.value).slice(start, end)
  if (source === text) return pointAt(file, start + cut)
  const tail = text.slice(cut)
  return tail && source.endsWith(tail) ? pointAt(file, end - tail.length) : undefined
}
