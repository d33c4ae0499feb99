/**
 * Flag a sentence that states a factual figure — money, a percentage, a
 * count, a casualty figure, in digits or words — with no source: no
 * attribution in its sentence that covers it (`…, it said`, `according to
 * data from MarketAxess`, `the ICO found that …`), not inside an attributed
 * quote, and no following sentence of the paragraph that credits it (`That is
 * according to …`). One message per sentence, on its first unsourced figure,
 * naming all of them.
 * Why: a figure is the first thing a fact-checker asks about; the Reuters
 * Handbook asks for every statement to be sourced unless it is established
 * fact or witnessed by the reporter.
 * Limits: dates, years, times, ages, ordinals, designations, durations,
 * measures, sports scores and small counts (under `minimum`) are not figures;
 * an attribution in another paragraph never covers a figure; a reporting verb
 * in a clause of its own (`… – yet he was released after a court said …`)
 * covers only what follows it; common knowledge is flagged like any figure.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {analyse, type Analysis, type Attribution, type NumberMention, type SentenceInfo} from '../src/analysis/analysis.js'
import {defineRule, escalate} from '../src/rule-api/define-rule.js'
import {figureKinds} from '../src/analysis/numbers/find.js'
import {placeOf} from '../src/analysis/nlcst/leaves.js'
import {speakerBefore} from '../src/analysis/speakers/cues.js'
import {strongCues} from '../src/analysis/speakers/lexicon.js'
import type {Token} from '../src/analysis/speakers/tokens.js'
import lists from './data/unsourced-number.json' with {type: 'json'}

export interface Options {
  /** Smallest whole count that is a figure; casualty counts are figures at any size (default: `10`). */
  readonly minimum: number
  /** Figure kinds (`money`, `percent`, `count`, `casualty`) whose messages are errors (default: `[]`). */
  readonly errorKinds: readonly string[]
}

const sourceVerbs: ReadonlySet<string> = new Set(lists.sourceVerbs)
const vagueSources: ReadonlySet<string> = new Set(lists.vagueSources)
const determiners: ReadonlySet<string> = new Set(lists.determiners)
const clauseOpeners: ReadonlySet<string> = new Set(lists.clauseOpeners)
const contrastWords: ReadonlySet<string> = new Set(lists.contrastWords)
const priceBefore: ReadonlySet<string> = new Set(lists.priceBefore)
const priceBeforeAt: ReadonlySet<string> = new Set(lists.priceBeforeAt)
const priceFillers: ReadonlySet<string> = new Set(lists.priceFillers)
/** A product price is under this amount, in its own currency (`$0.99`, `£199`), with no million or billion. */
const maxPrice = 1000
const backReferences: ReadonlyArray<readonly string[]> = lists.backReferences.map((reference) => reference.split(' '))
/** Blocks whose figures are judged: body prose and list items, not headlines or captions. */
const judgedKinds: ReadonlySet<string> = new Set(['body', 'list-item'])
const beWords: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])
const relativePronouns: ReadonlySet<string> = new Set(['which', 'who'])

/** A source found in a sentence: where its credit phrase starts and its verb sits, and whether it heads its clause. */
interface Source {
  readonly start: number
  readonly verb: number
  readonly leads: boolean
}

export default defineRule<Options>(
  {
    id: 'unsourced-number',
    severity: 'warn',
    summary: 'a sentence stating a figure (money, percentage, count, casualties) with no source in its sentence or paragraph',
    fixable: false,
    options: {
      minimum: {kind: 'number', default: 10, min: 0, description: 'Smallest whole count that is a figure'},
      errorKinds: {kind: 'string[]', default: [], description: 'Figure kinds whose messages are errors'}
    }
  },
  (tree, file, options) => {
    const analysis = analyse(tree, file)
    const bySentence = new Map<SentenceInfo, NumberMention[]>()
    for (const mention of analysis.numbers) {
      if (!judgedKinds.has(mention.sentence.block.kind) || !isFigure(mention, options.minimum, analysis.speakers.tokensOf(mention.sentence))) continue
      const list = bySentence.get(mention.sentence)
      if (list) list.push(mention)
      else bySentence.set(mention.sentence, [mention])
    }
    if (bySentence.size === 0) return
    const sources = sourcesBySentence(analysis)
    // Sentences whose figures a source covers, in reading order: the next sentence of their paragraph carries on the report.
    const reported = new Set<SentenceInfo>()
    for (const [sentence, figures] of bySentence) {
      const carried = reported.has(previousOf(sentence) as SentenceInfo)
      const unsourced = carried ? [] : figures.filter((figure) => !isSourced(figure, sentence, analysis, sources))
      if (unsourced.length < figures.length) reported.add(sentence)
      if (unsourced.length > 0) report(file, unsourced, options)
    }
  }
)

function isFigure(mention: NumberMention, minimum: number, tokens: readonly Token[]): boolean {
  if (!figureKinds.has(mention.kind)) return false
  if (isPrice(mention, tokens)) return false
  // “the two men”, “five churches”: small whole counts are incidental.
  return !(mention.kind === 'count' && mention.value !== undefined && Number.isInteger(mention.value) && mention.value < minimum)
}

/**
 * `download it for $0.99`, `costs £199`, `priced at $299`: the price of a
 * product, which the reader can check in any shop; not `$1.2871 against the
 * euro` nor `a $240m agreement`.
 */
function isPrice(mention: NumberMention, tokens: readonly Token[]): boolean {
  if (mention.kind !== 'money' || mention.value === undefined || mention.value >= maxPrice) return false
  let at = tokens.findIndex((token) => token.start === mention.start) - 1
  // “cost about $250 (£129)”: the conversion of a price is a price.
  if ((tokens[at]?.text === '(' || tokens[at]?.text === ';') && at > 0) {
    while (at > 0 && tokens[at].text !== '(') at--
    const converted = tokens[at - 1]
    return converted !== undefined && /\d/.test(converted.text) && isPriceBefore(tokens, tokens.findIndex((token) => /\d/.test(token.text) && token.end === converted.end) - 1)
  }
  return isPriceBefore(tokens, at)
}

/** `for`, `costs`, `priced at`, past `about`, `a mere`, `an extra`: the words before a price, from `at` backwards. */
function isPriceBefore(tokens: readonly Token[], at: number): boolean {
  let index = at
  // “$” “250”: a currency symbol before the digits.
  if (tokens[index]?.kind === 'symbol') index--
  while (index > 0 && priceFillers.has(tokens[index].lower)) index--
  const previous = tokens[index]?.lower ?? ''
  if (priceBefore.has(previous)) return true
  return previous === 'at' && priceBeforeAt.has(tokens[index - 1]?.lower ?? '')
}

/** Every source of every sentence: reporting cues of the speaker model and figure verbs (`found`, `shows`). */
function sourcesBySentence(analysis: Analysis): Map<SentenceInfo, Source[]> {
  const sources = new Map<SentenceInfo, Source[]>()
  const add = (sentence: SentenceInfo, source: Source) => {
    const list = sources.get(sentence)
    if (list) list.push(source)
    else sources.set(sentence, [source])
  }
  for (const attribution of analysis.attributions) {
    if (!isVague(attribution)) add(attribution.sentence, creditOf(attribution))
  }
  for (const sentence of analysis.sentences) {
    if (!judgedKinds.has(sentence.block.kind)) continue
    const tokens = analysis.speakers.tokensOf(sentence)
    for (const source of figureVerbs(tokens)) add(sentence, source)
  }
  return sources
}

/** A passive (`is said to`, `were believed`) or a speaker that names no one (`critics`, `some`). */
function isVague(attribution: Attribution): boolean {
  if (attribution.cue.form === 'passive') return true
  return !namesSomeone(attribution.tokens.slice(attribution.cue.speaker[0], attribution.cue.speaker[1]))
}

/**
 * Whether a speaker span names a source: not `critics` or `some`, and not a
 * bare determiner or number, as in `in a state Trump won`, where `state` is
 * a noun read as a cue.
 */
function namesSomeone(speaker: readonly Token[]): boolean {
  const words = speaker.filter((token) => token.kind === 'word')
  const head = words.find((token) => !determiners.has(token.lower))
  return head !== undefined && !/^\d/.test(head.text) && !(vagueSources.has(head.lower) && words.length <= 3)
}

function creditOf(attribution: Attribution): Source {
  const {tokens, cue} = attribution
  const first = Math.min(cue.phrase[0], cue.speaker[1] > cue.speaker[0] ? cue.speaker[0] : cue.phrase[0])
  return {start: tokens[first].start, verb: tokens[cue.verb].start, leads: !clauseOpeners.has(tokens[first - 1]?.lower ?? '')}
}

/** `the ICO found that`, `Police figures show`, `Analysts expect`: a figure verb with a subject that names someone. */
function figureVerbs(tokens: readonly Token[]): Source[] {
  const found: Source[] = []
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.kind !== 'word' || token.capitalized || !(sourceVerbs.has(token.lower) || strongCues.has(token.lower))) continue
    // “which is expected to”, “were estimated”: a passive credits no one.
    if (beWords.has(tokens[index - 1].lower)) continue
    const relative = relativeSubject(tokens, index)
    if (relative !== undefined) {
      // “MAB, which believes …”: the clause's antecedent speaks; it covers what follows.
      if (namesSomeone(tokens.slice(relative, relative + 1))) found.push({start: tokens[index].start, verb: token.start, leads: false})
      continue
    }
    if (!sourceVerbs.has(token.lower)) continue
    const subject = speakerBefore(tokens, index)
    if (!subject || !namesSomeone(tokens.slice(subject[0], subject[1]))) continue
    found.push({start: tokens[subject[0]].start, verb: token.start, leads: !clauseOpeners.has(tokens[subject[0] - 1]?.lower ?? '')})
  }
  return found
}

/**
 * `the Muslim Association of Britain (MAB), which believes`, `Facebook, which
 * earlier this year said`: the token index of the antecedent's last word
 * when a relative pronoun after a comma is the verb's subject.
 */
function relativeSubject(tokens: readonly Token[], verb: number): number | undefined {
  let index = verb - 1
  while (index > 0 && verb - index <= 4 && !relativePronouns.has(tokens[index].lower)) {
    if (tokens[index].kind !== 'word' || tokens[index].capitalized) return undefined
    index--
  }
  if (!relativePronouns.has(tokens[index]?.lower ?? '') || tokens[index - 1]?.text !== ',') return undefined
  let antecedent = index - 2
  // “(MAB), which”: the word before a bracketed short form.
  if (tokens[antecedent]?.text === ')') {
    while (antecedent > 0 && tokens[antecedent].text !== '(') antecedent--
    antecedent--
  }
  return tokens[antecedent]?.kind === 'word' ? antecedent : undefined
}

function isSourced(figure: NumberMention, sentence: SentenceInfo, analysis: Analysis, sources: ReadonlyMap<SentenceInfo, readonly Source[]>): boolean {
  const quote = analysis.quoteAt(figure.start)
  if (quote) return isAttributedQuote(quote.block, quote.continues !== undefined, analysis, sources)
  const tokens = analysis.speakers.tokensOf(sentence)
  if ((sources.get(sentence) ?? []).some((source) => covers(source, figure, tokens))) return true
  return creditedAfter(sentence, analysis, sources)
}

/**
 * Whether a source in the figure's sentence covers it: everything after its
 * verb (`Facebook said it will set aside $3bn`), and what comes before when
 * the source heads its own clause with no contrast between (`Monthly users
 * rose 8%, it said`), not `$10 million bounty – yet he was released after a
 * court said …`.
 */
function covers(source: Source, figure: NumberMention, tokens: readonly Token[]): boolean {
  if (figure.start >= source.verb) return true
  if (!source.leads) return false
  return !tokens.some((token) => token.start >= figure.end && token.start < source.start && token.kind === 'word' && contrastWords.has(token.lower))
}

/** A quote whose paragraph has a source, that carries on an earlier quote, or follows a paragraph with a speaker. */
function isAttributedQuote(block: SentenceInfo['block'], continues: boolean, analysis: Analysis, sources: ReadonlyMap<SentenceInfo, readonly Source[]>): boolean {
  if (continues || block.sentences.some((sentence) => sources.has(sentence))) return true
  for (let index = block.index - 1; index >= 0; index--) {
    const previous = analysis.blocks[index]
    if (previous.kind === 'body') return previous.sentences.some((sentence) => sources.has(sentence))
  }
  return false
}

/**
 * The sentence before this one in its paragraph. Its figures, when a source
 * covers them, carry the source on to this one: `Ericsson said net profit
 * rose to 19bn kronor. Sales climbed to 131.9bn kronor.`
 */
function previousOf(sentence: SentenceInfo): SentenceInfo | undefined {
  const {sentences} = sentence.block
  return sentences[sentence.index - sentences[0].index - 1]
}

/** `… 2.38 billion. That is according to its results.`: the next sentence of the paragraph credits this one. */
function creditedAfter(sentence: SentenceInfo, analysis: Analysis, sources: ReadonlyMap<SentenceInfo, readonly Source[]>): boolean {
  // A block's sentences are consecutive in the article: the next one is one index on.
  const {sentences} = sentence.block
  const next = sentences[sentence.index - sentences[0].index + 1]
  if (!next || !sources.has(next)) return false
  const opening = analysis.speakers
    .tokensOf(next)
    .slice(0, 2)
    .map((token) => token.lower)
  return backReferences.some((words) => words.every((word, index) => opening[index] === word))
}

function report(file: VFile, figures: readonly NumberMention[], options: Options): void {
  const first = figures[0]
  const names = figures.map((figure) => '`' + figure.text + '`')
  const listed = names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1]
  const reason =
    figures.length === 1
      ? `Unexpected figure ${listed} with no source in its sentence or paragraph, say who reports it`
      : `Unexpected figures ${listed} with no source in their sentence or paragraph, say who reports them`
  const message: VFileMessage = file.message(reason, {
    ancestors: [first.sentence.block.node, first.sentence.node],
    place: placeOf(file, first.start, first.end)
  })
  message.note = 'A figure the reader cannot trace cannot be checked: credit it to whoever counted, estimated or reported it.'
  if (figures.some((figure) => options.errorKinds.includes(figure.kind))) escalate(message)
}
