/**
 * Flag a quote or statement credited to someone other than the speaker the
 * context establishes:
 * - in a paragraph whose speaker is P1 (every cue so far credits P1), a
 *   later cue credits P2 for a quote that carries P1's words on (it opens
 *   with `And`/`that`) or P2 was never introduced, with no contrast between
 *   them (`but`, `however`, `while`) — seed 000: “Mattis had also said … He
 *   said … "And that …", the Dawn quoted Pompeo as saying”;
 * - a `he`/`she` speaker that resolves to someone the same sentence then
 *   names as a third person (“He said the U.S. defence secretary was told”).
 * Why: a misattributed quote is among the most damaging errors in news.
 * Limits: precision first; two people quoted in turn with a contrast, and
 * organisations as speakers, are not judged.
 */
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {analyse, type Attribution, type Block, type Person} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {placeOf} from '../src/analysis/nlcst/offset-place.js'

export type Options = Record<string, never>

// Words that set two speakers against each other: “…, but Mattis said”, “In contrast, …”; not “butter”.
const contrast = /\b(?:but|however|while|whereas|meanwhile|although|though|separately|instead|contrast)\b/
const openingMarks = new Set(['"', '“', '‘', "'"])
/** A quote that opens with these carries on the words before it: “"And that the safe haven …"”. */
const continuationWords = new Set(['and', 'that', 'but', 'or', 'also'])

export default defineRule<Options>(
  {
    id: 'attribution-mismatch',
    severity: 'error',
    summary: 'a quote or statement credited to someone other than the speaker the paragraph establishes',
    fixable: false,
    options: {}
  },
  (tree, file) => {
    const analysis = analyse(tree, file)
    const byBlock = new Map<Block, Attribution[]>()
    for (const attribution of analysis.attributions) {
      const block = attribution.sentence.block
      const list = byBlock.get(block)
      if (list) list.push(attribution)
      else byBlock.set(block, [attribution])
    }

    for (const [block, attributions] of byBlock) {
      for (const [index, attribution] of attributions.entries()) {
        const conflict = creditConflict(attributions.slice(0, index), attribution, block, file)
        if (conflict) {
          const cause = placeOf(file, conflict.start, conflict.end)
          const message = file.message(
            `Quote is credited to “${attribution.speakerText}”, but this paragraph's speaker is ${shortName(conflict.person!)} (“${file.value.slice(conflict.start, conflict.end)}” at ${cause?.start.line}:${cause?.start.column})`,
            {ancestors: [tree, block.node], place: placeOf(file, attribution.start, attribution.end)}
          )
          message.cause = new VFileMessage(`${shortName(conflict.person!)} is established as the speaker here`, {place: cause})
          message.note = 'A quote that carries on a speaker’s words belongs to that speaker; check who said it.'
        }
        const ruledOut = attribution.ruledOutBy
        if (ruledOut !== undefined && attribution.person) {
          const via = attribution.via
          const viaPlace = via ? placeOf(file, via.start, via.end) : undefined
          const message = file.message(
            `Pronoun \`${attribution.speakerText}\` would be ${shortName(attribution.person!)} (line ${viaPlace?.start.line}), but this sentence names ${shortName(attribution.person!)} as \`${ruledOut}\`, so who is speaking?`,
            {ancestors: [tree, block.node], place: placeOf(file, attribution.start, attribution.end)}
          )
          if (viaPlace) message.cause = new VFileMessage(`${shortName(attribution.person!)} is the last person named before the pronoun`, {place: viaPlace})
        }
      }
    }
  }
)

/** The attribution that establishes another speaker for `attribution`'s words, if any. */
function creditConflict(earlier: readonly Attribution[], attribution: Attribution, block: Block, file: VFile): Attribution | undefined {
  const person = attribution.person
  if (!person || attribution.kind !== 'person' || attribution.cue.form === 'participle') return undefined
  const credited = earlier.filter((other) => other.person)
  if (credited.length === 0) return undefined
  const established = credited[0].person
  if (!established || established === person || credited.some((other) => other.person !== established)) return undefined
  // P2 named earlier in the paragraph is a second speaker introduced on purpose.
  if (person.mentions.some((mention) => mention.block === block && mention.start < attribution.speakerStart)) return undefined
  const last = credited[credited.length - 1]
  // A contrast in the credit's own sentence (or between the two cues, if closer) sets two voices apart.
  const between = String(file.value).slice(Math.max(last.end, attribution.sentence.start), attribution.start).toLowerCase()
  if (contrast.test(between)) return undefined

  // A new speaker introduced in the credit itself (“said Kurt Barnard”) is a second voice, not a
  // mismatch; a bare surname (“quoted Pompeo”) never introduced, or crediting words that carry the
  // first speaker's on (“"And that …"”), is.
  const credit = person.mentions.find((mention) => mention.start >= attribution.speakerStart && mention.end <= attribution.speakerEnd)
  if (!credit || credit.introduces) return undefined
  const introduced = person.mentions.some((mention) => mention.introduces && mention.start < attribution.speakerStart)
  return !introduced || continuesQuote(attribution) ? last : undefined
}

/** Whether the quote this cue credits opens with a word that carries earlier words on. */
function continuesQuote(attribution: Attribution): boolean {
  const tokens = attribution.tokens
  const opening = tokens.findIndex((token) => token.kind === 'punctuation' && openingMarks.has(token.text))
  if (opening === -1 || tokens[opening].start > attribution.start) return false
  const first = tokens[opening + 1]
  return first !== undefined && continuationWords.has(first.lower)
}

function shortName(person: Person): string {
  return person.name.split(' ').at(-1) ?? person.name
}
