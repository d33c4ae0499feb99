/**
 * Flag a quote or statement credited to someone other than the speaker the
 * context establishes. The established speaker is the one person every
 * earlier cue of the paragraph credits, or, for a paragraph that opens on a
 * quote (the usual one-quote-a-paragraph layout), the person who spoke last
 * in the body paragraph before it. Flagged, with no contrast (`but`,
 * `however`) between the two:
 * - a bare surname never introduced credited for a quote, in the plain or
 *   the channel form (`the Dawn quoted Pompeo as saying`, `Smith told the
 *   Globe`) — seed 000;
 * - another person credited for words that carry the established speaker's
 *   on: a quote opening with `And`/`But`/`that`, a quote the paragraph before
 *   left open, or the second half of a quote split by the speaker's own cue;
 * - a `he`/`she` whose gender contradicts the established speaker's (known
 *   from a title or first name) when nobody of that gender is named in the
 *   paragraph or the one before;
 * - a `he`/`she` that resolves to someone the same sentence then names as a
 *   third person (“He said the U.S. defence secretary was told”).
 * Why: a misattributed quote is among the most damaging errors in news.
 * Limits: precision first; organisations are not speakers for this rule; a
 * second person introduced in the credit itself (`said Kurt Barnard`) is a
 * new voice, not a mismatch.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {analyse, type Analysis, type Attribution, type Block, type Person, type QuoteCredit, type QuoteInfo} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {placeOf} from '../src/analysis/nlcst/offset-place.js'
import {firstNameGender} from '../src/analysis/speakers/lexicon.js'

export type Options = Record<string, never>

// Words that set two speakers against each other: “…, but Mattis said”, “In contrast, …”; not “butter”.
const contrast = /\b(?:but|however|while|whereas|meanwhile|although|though|separately|instead|contrast|other|another|others|disagreed|responded|countered|replied)\b/
/** A quote that opens with these carries on the words before it: “"And that the safe haven …"”. */
const continuationWords = new Set(['and'])

/** The speaker a quote or cue is measured against, and the cue that established them. */
interface Established {
  readonly person: Person
  readonly by: Attribution
}

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
    const value = String(file.value)
    const byBlock = new Map<Block, Attribution[]>()
    for (const attribution of analysis.attributions) {
      if (attribution.cue.form === 'passive' || analysis.quoteAt(attribution.tokens[attribution.cue.verb].start)) continue
      const block = attribution.sentence.block
      const list = byBlock.get(block)
      if (list) list.push(attribution)
      else byBlock.set(block, [attribution])
    }
    const creditByQuote = new Map<QuoteInfo, QuoteCredit>()
    for (const credit of analysis.quoteCredits) creditByQuote.set(credit.quote, credit)

    let previous: {block: Block; last: Attribution | undefined} | undefined
    for (const block of analysis.blocks) {
      const attributions = byBlock.get(block) ?? []
      const fromBefore = previous && block.quotes[0]?.start === block.start ? previous.last : undefined
      for (const [index, attribution] of attributions.entries()) {
        const established = establishedFor(attributions.slice(0, index), fromBefore)
        if (!established) continue
        const evidence = conflict(attribution, established, block, analysis, value, creditByQuote)
        if (evidence) report(file, tree, block, attribution, established, evidence)
      }
      // Only a pronoun the sentence rules out by a title (`the U.S. defence secretary`) is judged: a name
      // repeated after `he said` is as often the pronoun's antecedent misread.
      for (const attribution of attributions) if (attribution.ruledOutBy?.startsWith('the ') && attribution.person) ruledOut(file, tree, block, attribution)
      if (block.kind === 'body') previous = {block, last: attributions.filter((attribution) => attribution.person).at(-1)}
    }
  }
)

/** The one person the earlier cues credit (all of them), else the speaker carried from the paragraph before. */
function establishedFor(earlier: readonly Attribution[], fromBefore: Attribution | undefined): Established | undefined {
  const credited = earlier.filter((other) => other.person)
  if (credited.length === 0) return fromBefore?.person ? {person: fromBefore.person, by: fromBefore} : undefined
  const person = credited[0].person!
  if (credited.some((other) => other.person !== person)) return undefined
  return {person, by: credited.at(-1)!}
}

/** Why `attribution` contradicts the established speaker, if it does (a phrase for the message). */
function conflict(
  attribution: Attribution,
  established: Established,
  block: Block,
  analysis: Analysis,
  value: string,
  creditByQuote: ReadonlyMap<QuoteInfo, QuoteCredit>
): string | undefined {
  if (attribution.cue.form === 'participle') return undefined
  // A contrast in the credit's own sentence (or between the two cues, if closer) sets two voices apart.
  const from = established.by.sentence.block === block ? Math.max(established.by.end, attribution.sentence.start) : attribution.sentence.start
  if (contrast.test(value.slice(from, attribution.start).toLowerCase())) return undefined
  const person = attribution.person
  if (attribution.kind === 'pronoun') return genderConflict(attribution, established, block, analysis, value)
  if (!person || attribution.kind !== 'person' || person === established.person) return undefined
  // P2 named earlier in the paragraph is a second speaker introduced on purpose.
  if (person.mentions.some((mention) => mention.block === block && mention.start < attribution.speakerStart)) return undefined
  // A new speaker introduced in the credit itself (“said Kurt Barnard”) is a second voice.
  const credit = person.mentions.find((mention) => mention.start >= attribution.speakerStart && mention.end <= attribution.speakerEnd)
  if (!credit || credit.introduces) return undefined
  const introduced = person.mentions.some((mention) => mention.introduces && mention.start < attribution.speakerStart)
  const bare = !/\s/.test(attribution.speakerText.trim())
  const sameBlock = established.by.sentence.block === block
  // A name the article used before (`conveyed to Marsh clients`) is known to it, if not as a person.
  const usedBefore = new RegExp(`\\b${escapeRegExp(attribution.speakerText.trim())}\\b`).test(value.slice(0, attribution.sentence.start))
  if (!introduced && bare && sameBlock && !usedBefore) return `${shortName(person)} is never introduced`
  const quote = quoteOf(attribution, analysis)
  if (!quote) return undefined
  if (quote.continues && creditByQuote.get(quote.continues)?.person === established.person) return 'the quote carries on the paragraph before'
  // Across paragraphs, only a paragraph that opens on the words carried on, crediting someone the paragraph before does not name.
  const carriesOn = sameBlock || (quote.start === block.start && !person.mentions.some((mention) => mention.block === established.by.sentence.block))
  if (carriesOn && opensOnContinuation(quote, analysis)) return 'the quote carries the words before on'
  // `"…," Rubio said, "and …," Bush said`: the rest of a quote split by the speaker's own cue, mid-sentence.
  const split = block.quotes.find((other) => other.depth === 0 && other.end <= quote.start && creditByQuote.get(other)?.attribution === established.by)
  if (split && sameBlock && established.by.start >= split.end && established.by.end <= quote.start && opensLowerCase(quote, analysis) && /,\s*$/.test(value.slice(established.by.end, quote.start)))
    return 'the quote is the rest of a quote split by the speaker’s cue'
  return undefined
}

/** A `he`/`she` whose gender is not the established speaker's, with nobody of its gender named near. */
function genderConflict(attribution: Attribution, established: Established, block: Block, analysis: Analysis, value: string): string | undefined {
  const pronoun = attribution.speakerText.toLowerCase()
  const gender = pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : undefined
  const known = evidencedGender(established.person)
  if (!gender || !known || known === gender) return undefined
  const near = analysis.people.some(
    (person) =>
      person.gender !== known &&
      person.mentions.some((mention) => mention.block.index >= block.index - 1 && mention.block.index <= block.index && mention.start < attribution.start)
  )
  if (near) return undefined
  // `his wife`, `a spokeswoman`, an earlier `she`: someone of the pronoun's gender is there, named or not.
  const before = analysis.blocks[block.index - 1]
  const context = value.slice(before?.kind === 'body' ? before.start : block.start, attribution.start)
  if ((gender === 'female' ? femaleWords : maleWords).test(context)) return undefined
  // `Janie Hendrix, the guitarist's stepsister, said …`: a first name of the pronoun's gender is someone it may be.
  if (namesOfGender(context, gender)) return undefined
  // Somebody named in the sentence may be the pronoun's (gender unknown): not judged.
  if (analysis.people.some((person) => person.gender === undefined && person.mentions.some((mention) => mention.block === block && mention.start < attribution.start))) return undefined
  return `\`${attribution.speakerText}\` does not fit ${shortName(established.person)} (${known === 'male' ? 'a man' : 'a woman'}: ${genderEvidence(established.person)}) and no one else is named`
}

/** Whether `text` names someone by a first name of `gender` (`Janie Hendrix`), a person the model may not have read. */
function namesOfGender(text: string, gender: 'male' | 'female'): boolean {
  for (const match of text.matchAll(/\b([A-Z][a-z]+) (?:[A-Z]\. )?[A-Z][a-z]/g)) if (firstNameGender(match[1]) === gender) return true
  return false
}

const femaleWords = /\b(?:she|her|hers|herself|woman|women|wife|mother|stepmother|mom|mum|daughter|stepdaughter|sister|stepsister|girl|girls|lady|ladies|spokeswoman|chairwoman|congresswoman|actress|queen|princess|baroness|duchess|countess|dame|grandmother|aunt|niece|widow|girlfriend|mrs|ms|miss)\b/i
const maleWords = /\b(?:he|him|his|himself|man|men|husband|father|stepfather|dad|son|stepson|brother|stepbrother|boy|boys|gentleman|spokesman|chairman|congressman|actor|king|prince|baron|duke|earl|grandfather|uncle|nephew|widower|boyfriend|mr|sir|lord)\b/i

/** The quote an attribution credits: in its sentence, the one nearest the cue. */
function quoteOf(attribution: Attribution, analysis: Analysis): QuoteInfo | undefined {
  let best: QuoteInfo | undefined
  let distance = Infinity
  for (const quote of attribution.sentence.block.quotes) {
    if (quote.depth > 0 || quote.end <= attribution.sentence.start || quote.start >= attribution.sentence.end) continue
    const gap = quote.end <= attribution.start ? attribution.start - quote.end : quote.start - attribution.end
    if (gap >= 0 && gap < distance) {
      distance = gap
      best = quote
    }
  }
  return best ?? analysis.quoteAt(attribution.start)
}

function opensLowerCase(quote: QuoteInfo, analysis: Analysis): boolean {
  const sentence = quote.block.sentences.find((candidate) => candidate.start <= quote.innerStart && quote.innerStart < candidate.end)
  const first = sentence && analysis.speakers.tokensOf(sentence).find((token) => token.start >= quote.innerStart && token.kind === 'word')
  return first !== undefined && !first.capitalized
}

function opensOnContinuation(quote: QuoteInfo, analysis: Analysis): boolean {
  const sentence = quote.block.sentences.find((candidate) => candidate.start <= quote.innerStart && quote.innerStart < candidate.end)
  if (!sentence) return false
  const first = analysis.speakers.tokensOf(sentence).find((token) => token.start >= quote.innerStart && token.kind === 'word')
  return first !== undefined && continuationWords.has(first.lower)
}

function report(file: VFile, tree: Root, block: Block, attribution: Attribution, established: Established, why: string): void {
  const cause = placeOf(file, established.by.start, established.by.end)
  const speaker = shortName(established.person)
  const credited = attribution.person ? shortName(attribution.person) : attribution.speakerText
  const message = file.message(
    `Quote is credited to “${attribution.speakerText}”, but the speaker here is ${speaker} (“${String(file.value).slice(established.by.start, established.by.end)}” at ${cause?.start.line}:${cause?.start.column}); ${why}`,
    {ancestors: [tree, block.node], place: placeOf(file, attribution.start, attribution.end)}
  )
  message.cause = new VFileMessage(`${speaker} is established as the speaker here`, {place: cause})
  message.note = `A quote that carries on a speaker’s words belongs to that speaker; check whether ${credited} said it.`
}

function ruledOut(file: VFile, tree: Root, block: Block, attribution: Attribution): void {
  const person = attribution.person!
  const via = attribution.via
  const viaPlace = via ? placeOf(file, via.start, via.end) : undefined
  const message = file.message(
    `Pronoun \`${attribution.speakerText}\` would be ${shortName(person)} (line ${viaPlace?.start.line}), but this sentence names ${shortName(person)} as \`${attribution.ruledOutBy}\`, so who is speaking?`,
    {ancestors: [tree, block.node], place: placeOf(file, attribution.start, attribution.end)}
  )
  if (viaPlace) message.cause = new VFileMessage(`${shortName(person)} is the last person named before the pronoun`, {place: viaPlace})
}

const maleTitles = new Set(['mr', 'sir', 'lord', 'spokesman', 'chairman', 'congressman', 'king', 'prince'])
const femaleTitles = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'spokeswoman', 'chairwoman', 'congresswoman', 'queen', 'princess'])

/**
 * A person's gender from titles and first names only (not from pronouns the
 * model resolved), and only when every one agrees and one first name is used
 * (`Melania Trump` and `Donald Trump` share a surname, not a gender).
 */
function evidencedGender(person: Person): 'male' | 'female' | undefined {
  const genders = new Set<string>()
  const firstNames = new Set<string>()
  for (const mention of person.mentions) {
    for (const title of mention.titles) {
      if (maleTitles.has(title)) genders.add('male')
      if (femaleTitles.has(title)) genders.add('female')
    }
    if (mention.names.length >= 2) {
      firstNames.add(mention.names[0])
      const gender = firstNameGender(mention.names[0])
      genders.add(gender ?? 'unknown')
    }
  }
  if (firstNames.size > 1 || genders.size !== 1) return undefined
  const [gender] = genders
  return gender === 'male' || gender === 'female' ? gender : undefined
}

/** What shows a person's gender: a title (`Mr`), else the first name. */
function genderEvidence(person: Person): string {
  const title = [...person.titles].find((title) => ['mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'lord', 'lady', 'spokesman', 'spokeswoman', 'chairman', 'chairwoman', 'congressman', 'congresswoman'].includes(title))
  return title ? `\`${title}\`` : `the first name \`${person.name.split(' ')[0]}\``
}

function shortName(person: Person): string {
  return person.name.split(' ').at(-1) ?? person.name
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
