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
  /** `starts[i]`: source offset (relative to `start`) where value index `i` begins; `starts[length]` is the source's end. */
  readonly starts: Int32Array
  /**
   * `ends[i]`: source offset (relative to `start`) just after value index `i - 1`, so that a span
   * ending there leaves out source-only text after it: the `\r` of a CRLF (`Tom\r\n`: `Tom`, not
   * `Tom\r`), the backslash of an escape.
   */
  readonly ends: Int32Array
}

// `&amp;`, `&#38;`, `&#x26;` (the semicolon is optional in HTML); not `& x`.
const characterReference = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));?/

/** Align `value` with `source` (its undecoded text); `undefined` when they are the same. */
export function alignSegment(start: number, value: string, source: string): Segment | undefined {
  if (value === source) return undefined
  const starts = new Int32Array(value.length + 1)
  const ends = new Int32Array(value.length + 1)
  let i = 0
  let j = 0

  while (i < value.length) {
    if (j >= source.length) {
      starts[i] = source.length
      ends[++i] = source.length
    } else if (value[i] === source[j] || (value[i] === '\n' && source[j] === '\r' && source[j + 1] !== '\n')) {
      // The same character, or a lone CR line end that the HTML parser reads as LF (`One\rtwo`).
      starts[i] = j++
      ends[++i] = j
    } else {
      const reference = source[j] === '&' ? referenceAt(source, j, value, i) : undefined
      if (reference) {
        for (let k = 0; k < reference.decoded; k++) {
          starts[i + k] = j
          ends[i + k + 1] = j + reference.length
        }
        i += reference.decoded
        j += reference.length
      } else {
        // A backslash escape, a blockquote marker, indentation, the `\r` of a CRLF: source only.
        j++
      }
    }
  }

  starts[value.length] = j
  return {start, length: value.length, starts, ends}
}

/**
 * The reference at `source[j]` that the parser decoded into `value` at `i`:
 * how many value units it became and how long its source is. Parsers differ
 * on odd code points (`&#0;` and `&#xD800;` are U+FFFD in both, `&#128;` is
 * U+FFFD in Markdown and `€` in HTML), so a numeric reference whose plain
 * decoding is not what the value holds stands for the one code point there.
 */
function referenceAt(source: string, j: number, value: string, i: number): {decoded: number; length: number} | undefined {
  const match = characterReference.exec(source.slice(j, j + 40))
  if (!match) return undefined
  const [whole, decimal, hexadecimal, name] = match
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name)
    return decoded !== false && value.startsWith(decoded, i) ? {decoded: decoded.length, length: whole.length} : undefined
  }
  const code = decimal === undefined ? Number.parseInt(hexadecimal, 16) : Number.parseInt(decimal, 10)
  const decoded = code > 0x10_ff_ff ? '' : String.fromCodePoint(code)
  if (decoded && value.startsWith(decoded, i)) return {decoded: decoded.length, length: whole.length}
  const there = value.codePointAt(i)
  return there === undefined ? undefined : {decoded: there > 0xff_ff ? 2 : 1, length: whole.length}
}

/** Segments recorded for a file by the markup step, read by `remapPositions`. */
export function segmentsOf(file: VFile): Segment[] {
  const data = file.data as {segments?: Segment[]}
  data.segments ??= []
  return data.segments
}

/**
 * Move every nlcst point that lies in a recorded segment back onto its source
 * offset: a start to where its character begins in the source, an end to just
 * after the character before it. A node whose position lacks a point (the
 * converter places no text it has no position for) loses its position, so no
 * rule reports at it.
 */
export function remapPositions(tree: NlcstRoot, file: VFile): void {
  const segments = segmentsOf(file).sort((a, b) => a.start - b.start)
  const place = location(file)

  const move = (point: Point | undefined, side: 'starts' | 'ends'): Point | undefined => {
    const offset = point?.offset
    if (offset === undefined) return undefined
    const segment = segmentAt(segments, offset)
    if (!segment) return point
    return place.toPoint(segment.start + segment[side][offset - segment.start])
  }

  visit(tree as Node, (node) => {
    const position: Position | undefined = node.position
    if (!position) return
    // An empty place (where something is missing) stays empty.
    const empty = position.start?.offset === position.end?.offset
    const start = move(position.start, 'starts')
    const end = move(position.end, empty ? 'starts' : 'ends')
    if (start && end) node.position = {start, end}
    else delete node.position
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
