/**
 * One message per defect (issue 19): when rules flag the same text, the rule
 * that names the defect keeps its message and the others' messages there are
 * dropped. A caption pasted twice is one `repeated-paragraph` message, not
 * also a `fragment` on each copy and a `readability` info; a "Read more at …"
 * line is one `boilerplate` message. Applied once, to every article type,
 * after the rules run and before anything is reported or fixed (SPEC-like
 * table in the README, "One message per defect").
 *
 * | rule                 | owns                       | drops there                           |
 * | -------------------- | -------------------------- | ------------------------------------- |
 * | `repeated-paragraph` | the copy (its place)       | every rule's message but `boilerplate` |
 * | `boilerplate`        | the furniture (its place)  | every rule's but `repeated-paragraph` |
 * | `fragment`           | the sentence (its place)   | `readability`                         |
 *
 * The two structural rules do not drop each other: a copy that carries a photo
 * credit is both a copy and furniture, two fixes that each remove text (the
 * eval set labels both).
 * The first copy of a repeated paragraph (its `cause`) keeps its messages:
 * `--fix` deletes the copy, and what the first copy has is still there after.
 *
 * A message is "there" when its span lies inside the owned span; a
 * `readability` message (it judges a whole sentence's style) is there as
 * soon as its span overlaps it. A `fragment` that only overlaps furniture
 * stays: in `Image copyright Getty Images Image caption Bob Corker at a rally`
 * the credit is furniture and the verbless caption after it is a fragment, two
 * defects. Messages without offsets never own or drop.
 */
import type {VFileMessage} from 'vfile-message'

interface Span {
  readonly start: number
  readonly end: number
}

/**
 * Never dropped: the structural rules (each says the text at its place should
 * go), and what the run itself says about a file (a bad byte, a rule that failed).
 */
const kept: ReadonlySet<string> = new Set(['repeated-paragraph', 'boilerplate', 'encoding', 'unreadable', 'unwritable', 'internal-error', 'too-large', 'too-deep'])

/** The owners of the text at their place, and the rules whose messages they drop there. */
const structural: ReadonlySet<string> = new Set(['repeated-paragraph', 'boilerplate'])

/** `messages` without those another rule's message already accounts for (order kept). */
export function withPrecedence(messages: readonly VFileMessage[]): VFileMessage[] {
  const copies: Span[] = []
  const fragments: Span[] = []
  for (const message of messages) {
    const span = placeSpan(message)
    if (!span) continue
    if (structural.has(String(message.ruleId))) copies.push(span)
    else if (message.ruleId === 'fragment') fragments.push(span)
  }
  if (copies.length === 0 && fragments.length === 0) return [...messages]
  const owned = new SpanIndex(copies)
  const sentences = new SpanIndex([...copies, ...fragments])

  return messages.filter((message) => {
    const span = placeSpan(message)
    const id = String(message.ruleId)
    if (!span || kept.has(id)) return true
    return id === 'readability' ? !sentences.overlaps(span) : !owned.contains(span)
  })
}

/**
 * Spans sorted by start, with the furthest end reached so far: whether any
 * span holds or touches a given one is a binary search (a 5 MB article can
 * have thousands of copies and thousands of messages).
 */
class SpanIndex {
  private readonly starts: number[]
  private readonly furthest: number[]

  constructor(spans: Span[]) {
    spans.sort((a, b) => a.start - b.start)
    this.starts = spans.map((span) => span.start)
    this.furthest = []
    let end = -1
    for (const span of spans) this.furthest.push((end = Math.max(end, span.end)))
  }

  /** Whether a span starts at or before `span` and ends at or after it. */
  contains(span: Span): boolean {
    const last = this.lastStartingBefore(span.start + 1)
    return last >= 0 && this.furthest[last] >= span.end
  }

  /** Whether a span shares a character with `span`. */
  overlaps(span: Span): boolean {
    const last = this.lastStartingBefore(span.end)
    return last >= 0 && this.furthest[last] > span.start
  }

  /** The index of the last span starting before `offset`, or -1. */
  private lastStartingBefore(offset: number): number {
    let low = 0
    let high = this.starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.starts[middle] < offset) low = middle + 1
      else high = middle
    }
    return low - 1
  }
}

function placeSpan(message: VFileMessage): Span | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const {start, end} = place
  if (start.offset === undefined || end.offset === undefined) return undefined
  return {start: start.offset, end: end.offset}
}
