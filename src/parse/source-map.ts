/**
 * Map nlcst positions back onto the source. mdast-util-to-nlcst and
 * hast-util-to-nlcst place tokens by the *decoded* length of a text node, so
 * after `&amp;`, `\*`, a hard break or a blockquote marker inside a paragraph
 * every later token drifts. We record each text node whose value differs from
 * its source slice, align value and source, and move the nlcst points back.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Root as NlcstRoot} from 'nlcst'
import type {Node, Point, Position} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

/** A stretch of source whose decoded value is shorter than its source. */
export interface Segment {
  /** Source offset where the converter starts placing this value. */
  readonly start: number
  /** Length of the decoded value. */
  readonly length: number
  /** `map[i]`: source offset (relative to `start`) of value index `i`; `map[length]` is its end. */
  readonly map: Int32Array
}

// `&amp;`, `&#38;`, `&#x26;` (the semicolon is optional in HTML); not `& x`.
const characterReference = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));?/

/** Align `value` with `source` (its undecoded text); `undefined` when they are the same. */
export function alignSegment(start: number, value: string, source: string): Segment | undefined {
  if (value === source) return undefined
  const map = new Int32Array(value.length + 1)
  let i = 0
  let j = 0

  while (i < value.length) {
    if (j >= source.length) {
      map[i++] = source.length
    } else if (value[i] === source[j]) {
      map[i++] = j++
    } else {
      const reference = source[j] === '&' ? decodeReference(source.slice(j, j + 40)) : undefined
      if (reference && value.startsWith(reference.decoded, i)) {
        for (let k = 0; k < reference.decoded.length; k++) map[i + k] = j
        i += reference.decoded.length
        j += reference.length
      } else {
        // A backslash escape, a blockquote marker, indentation, `\r`: source only.
        j++
      }
    }
  }

  map[value.length] = j
  return {start, length: value.length, map}
}

function decodeReference(text: string): {decoded: string; length: number} | undefined {
  const match = characterReference.exec(text)
  if (!match) return undefined
  const [whole, decimal, hexadecimal, name] = match
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name)
    return decoded === false ? undefined : {decoded, length: whole.length}
  }
  const code = decimal === undefined ? Number.parseInt(hexadecimal, 16) : Number.parseInt(decimal, 10)
  if (code > 0x10_ff_ff) return undefined
  return {decoded: String.fromCodePoint(code), length: whole.length}
}

/** Segments recorded for a file by the markup step, read by `remapPositions`. */
export function segmentsOf(file: VFile): Segment[] {
  const data = file.data as {segments?: Segment[]}
  data.segments ??= []
  return data.segments
}

/** Move every nlcst point that lies in a recorded segment back onto its source offset. */
export function remapPositions(tree: NlcstRoot, file: VFile): void {
  const segments = segmentsOf(file).sort((a, b) => a.start - b.start)
  if (segments.length === 0) return
  const place = location(file)

  const move = (point: Point): Point => {
    const offset = point.offset
    if (offset === undefined) return point
    const segment = segmentAt(segments, offset)
    if (!segment) return point
    return place.toPoint(segment.start + segment.map[offset - segment.start]) ?? point
  }

  visit(tree as Node, (node) => {
    const position: Position | undefined = node.position
    if (position) node.position = {start: move(position.start), end: move(position.end)}
  })
}

/** The segment whose value range `[start, start + length]` holds `offset` (binary search). */
function segmentAt(segments: readonly Segment[], offset: number): Segment | undefined {
  let low = 0
  let high = segments.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const segment = segments[middle]
    if (offset < segment.start) high = middle - 1
    else if (offset > segment.start + segment.length) low = middle + 1
    else return segment
  }
  return undefined
}

/** A position spanning all of `file`. */
export function wholeDocument(file: VFile): Position {
  const place = location(file)
  const end = place.toPoint(String(file.value).length) ?? {line: 1, column: 1, offset: 0}
  return {start: {line: 1, column: 1, offset: 0}, end}
}
