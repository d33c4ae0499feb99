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

interface Owner {
  readonly ruleId: string
  /** Rule ids dropped in its place; `undefined`: every rule's but the kept ones. */
  readonly drops: ReadonlySet<string> | undefined
}

interface Span {
  readonly start: number
  readonly end: number
}

/**
 * Never dropped: the structural rules (each says the text at its place should
 * go), and what the run itself says about a file (a bad byte, a rule that failed).
 */
const kept: ReadonlySet<string> = new Set(['repeated-paragraph', 'boilerplate', 'encoding', 'unreadable', 'internal-error'])

const owners: readonly Owner[] = [
  {ruleId: 'repeated-paragraph', drops: undefined},
  {ruleId: 'boilerplate', drops: undefined},
  {ruleId: 'fragment', drops: new Set(['readability'])}
]

/** `messages` without those another rule's message already accounts for (order kept). */
export function withPrecedence(messages: readonly VFileMessage[]): VFileMessage[] {
  const owned: Array<{readonly owner: Owner; readonly span: Span}> = []
  for (const owner of owners) {
    for (const message of messages) {
      if (message.ruleId !== owner.ruleId) continue
      const span = placeSpan(message)
      if (span) owned.push({owner, span})
    }
  }
  if (owned.length === 0) return [...messages]

  return messages.filter((message) => {
    const span = placeSpan(message)
    if (!span) return true
    const id = String(message.ruleId)
    return !owned.some(
      ({owner, span: ownedSpan}) =>
        (owner.drops === undefined ? !kept.has(id) : owner.drops.has(id)) &&
        (id === 'readability' ? overlaps(ownedSpan, span) : contains(ownedSpan, span))
    )
  })
}

function placeSpan(message: VFileMessage): Span | undefined {
  return spanOf(message.place)
}

function spanOf(place: VFileMessage['place']): Span | undefined {
  if (!place || !('start' in place)) return undefined
  const {start, end} = place
  if (start.offset === undefined || end.offset === undefined) return undefined
  return {start: start.offset, end: end.offset}
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}
