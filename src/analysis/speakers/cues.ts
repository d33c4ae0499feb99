/**
 * Reporting cues in a sentence and the span of their speaker: `Mattis said`,
 * `“…,” he told reporters`, `…, said Khan`, `according to the Pentagon`,
 * `the Dawn quoted Pompeo as saying` (the speaker is Pompeo, the Dawn only
 * the channel), `…, claiming that …` (the sentence's subject speaks).
 * Passives (`is said to`, `was told`) credit no one.
 */
import {notNames, pronouns, quotingCues, strongCues, titleHeads, vagueSources, weakCues} from './lexicon.js'
import {isBoundary, type Token} from './tokens.js'

export type CueForm = 'plain' | 'inverted' | 'according-to' | 'quoted-as-saying' | 'participle' | 'passive'

export interface Cue {
  readonly form: CueForm
  /** Token index of the reporting verb (of `according` for `according to`). */
  readonly verb: number
  /** Token range `[start, end)` of the speaker; empty for a passive. */
  readonly speaker: readonly [number, number]
  /** Token range of the channel in `X quoted Y as saying`. */
  readonly channel?: readonly [number, number]
  /** Token range of the whole credit phrase (speaker, verb, channel). */
  readonly phrase: readonly [number, number]
}

/** Words skipped between a speaker and its verb: `Mattis had also said`. */
const betweenWords = new Set(['also', 'had', 'has', 'have', 'reportedly', 'later', 'then', 'previously', 'again', 'further', 'once', 'recently', 'publicly', 'separately', 'repeatedly', 'would', 'will', 'could', 'might', 'may', 'never', 'always', 'often', 'still', 'already', 'even', 'only', 'just', 'did', 'does', 'do', 'not'])
/** Words that open a clause: the speaker walk stops there. */
const clauseWords = new Set(['that', 'and', 'but', 'when', 'which', 'who', 'whom', 'whose', 'as', 'after', 'while', 'because', 'if', 'so', 'since', 'though', 'although', 'where', 'before', 'until', 'than', 'whether', 'what', 'how', 'why', 'once', 'or', 'nor', 'yet', 'for', 'to', 'of', 'in', 'on', 'at', 'with', 'by', 'from', 'about'])
const beWords = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'am'])
const determiners = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'every', 'each', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'no', 'any'])
const maxSpeakerTokens = 12

export function findCues(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = []
  let quoted: boolean | undefined
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.kind !== 'word') continue
    const cue =
      token.lower === 'according' && tokens[index + 1]?.lower === 'to'
        ? accordingTo(tokens, index)
        : token.lower === 'quoted'
          ? quotedAsSaying(tokens, index)
          : isCueVerb(tokens, index) || (quotingCues.has(token.lower) && (quoted ??= hasQuoteMark(tokens)) && isVerbPlace(tokens, index))
            ? reportingVerb(tokens, index)
            : undefined
    if (cue) cues.push(cue)
  }
  return cues
}

const quoteMarks = new Set(['"', "''", '“', '”', '‘', '’', "'"])

function hasQuoteMark(tokens: readonly Token[]): boolean {
  for (const token of tokens) if (token.kind === 'punctuation' && quoteMarks.has(token.text) && token.text !== "'" && token.text !== '’') return true
  // Single marks count only in pairs (`‘…’`); `’` alone is an apostrophe.
  return tokens.some((token) => token.text === '‘')
}

/** A verb, not a name (`Call`), a noun after a determiner (`the call`) or a word after a quote (`the ‘clear’ demands`). */
function isVerbPlace(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1]
  if (tokens[index].capitalized && index > 0) return false
  if (previous && (determiners.has(previous.lower) || (previous.kind === 'punctuation' && previous.text !== ',' && previous.text !== '”' && previous.text !== '"' && previous.text !== "''"))) return false
  return true
}

function isCueVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]
  // Most words are no cue at all: settle them first.
  const strong = strongCues.has(token.lower)
  if (!strong && !weakCues.has(token.lower)) return false
  // “the United States”: a capitalised word mid-sentence is a name, not a verb; “in a state Trump
  // won”, “the report”, “his claims”: after a determiner it is a noun.
  if (token.capitalized && index > 0) return false
  if (determiners.has(tokens[index - 1]?.lower ?? '')) return false
  if (strong) return true
  // Weak cues (“added”, “noted”) count before `that`, a quote, a comma, a colon or the end, or after a comma.
  const next = tokens[index + 1]
  const previous = tokens[index - 1]
  return next === undefined || next.lower === 'that' || next.kind === 'punctuation' || previous?.text === ','
}

function reportingVerb(tokens: readonly Token[], index: number): Cue | undefined {
  // “as saying” belongs to `quoted … as saying`, found from `quoted`.
  if (tokens[index - 1]?.lower === 'as' && tokens[index].lower === 'saying') return undefined
  let before = index - 1
  while (before >= 0 && betweenWords.has(tokens[before].lower)) before--
  // “Clinton is telling voters”: a progressive is the subject's own speech, not a passive.
  if (before >= 0 && beWords.has(tokens[before].lower) && !tokens[index].lower.endsWith('ing')) {
    // “which is said to pander”, “it is believed”: credited to no one.
    return {form: 'passive', verb: index, speaker: [index, index], phrase: [Math.max(0, before - 1), index + 1]}
  }
  if (before >= 0 && beWords.has(tokens[before].lower)) {
    const speaker = subjectBefore(tokens, before)
    return speaker ? {form: 'plain', verb: index, speaker, phrase: [speaker[0], index + 1]} : undefined
  }
  if (tokens[index].lower.endsWith('ing')) {
    // “…, claiming that”, “issued a statement saying”: the subject of the sentence speaks.
    const previous = tokens[index - 1]
    if (previous?.text !== ',' && !(previous?.kind === 'word' && !previous.capitalized && ['statement', 'tweet', 'letter', 'post', 'interview', 'speech', 'video', 'message', 'release', 'email', 'note', 'memo', 'op-ed', 'column', 'remarks', 'appearance', 'rally'].includes(previous.lower))) return undefined
    const subject = subjectOf(tokens)
    return subject ? {form: 'participle', verb: index, speaker: subject, phrase: [subject[0], index + 1]} : undefined
  }
  const inverted = invertedSpeaker(tokens, index)
  if (inverted) return {form: 'inverted', verb: index, speaker: inverted, phrase: [index, inverted[1]]}
  const speaker = subjectBefore(tokens, before + 1)
  if (speaker) return {form: 'plain', verb: index, speaker, phrase: [speaker[0], index + 1]}
  // “Mr. Trump was forced into damage control and said that …”: the sentence's subject.
  if (tokens[before]?.lower === 'and') {
    const subject = subjectOf(tokens)
    if (subject && subject[1] <= before) return {form: 'plain', verb: index, speaker: subject, phrase: [subject[0], index + 1]}
  }
  return undefined
}

/**
 * The subject before a cue at `end`, through appositives and asides: `Tad
 * Devine, Sanders' senior media adviser, said`, `Jim Bennett, 57, told`,
 * `Smith, speaking after the meeting, said`. It runs back to the sentence
 * start, a quote mark, a colon or semicolon, or a word that opens a clause;
 * the model then picks the head name in it. Without a comma before the cue
 * it is `speakerBefore`'s span.
 */
export function subjectBefore(tokens: readonly Token[], end: number): [number, number] | undefined {
  // `Sen. Elizabeth Warren (D-MA) said`, `Rubio (R-Fla.) said`: the party and state are an aside.
  if (tokens[end - 1]?.text === ')') {
    let open = end - 2
    while (open > 0 && end - open < 10 && tokens[open].text !== '(') open--
    if (tokens[open]?.text === '(') {
      const speaker = subjectBefore(tokens, open)
      return speaker ? [speaker[0], end] : undefined
    }
  }
  if (tokens[end - 1]?.text !== ',') {
    // `Sam Lau, the communications director for the Iowa Democratic Party said`: an appositive
    // without its closing comma still follows its name.
    const plain = speakerBefore(tokens, end)
    const walked = walkBack(tokens, end)
    if (!walked || (plain && walked[0] >= plain[0])) return plain
    const comma = tokens.findIndex((token, index) => index >= walked[0] && index < walked[1] && token.text === ',')
    const lead = tokens.slice(walked[0], comma)
    const opensOnName = lead.length > 0 && lead.length <= 6 && lead[0].capitalized && !asidePrepositions.has(lead[0].lower) && lead.every((token) => token.capitalized || token.kind !== 'word')
    return comma !== -1 && opensOnName ? walked : plain
  }
  return walkBack(tokens, end - 1) ?? speakerBefore(tokens, end)
}

const asidePrepositions = new Set(['of', 'for', 'at', 'in', 'on', 'from', 'to', 'with', 'by', 'about', 'and'])

/** The subject and its asides back from `end` (see `subjectBefore`); `end` excluded. */
function walkBack(tokens: readonly Token[], end: number): [number, number] | undefined {
  let start = end
  while (start > 0 && end - start < maxSubjectTokens) {
    const token = tokens[start - 1]
    if (token.kind === 'punctuation' && !asideMarks.has(token.text)) break
    if (token.kind === 'word' && !token.capitalized && clauseWords.has(token.lower) && !asidePrepositions.has(token.lower)) break
    start--
  }
  // A comma right after the boundary: `"…," Smith, 65, said` starts after it.
  while (start < end && tokens[start].text === ',') start++
  if (start >= end) return undefined
  // No capitalised word and no pronoun: fall back to the plain speaker.
  const span = tokens.slice(start, end)
  if (!span.some((token) => token.kind === 'word' && (token.capitalized || pronouns[token.lower] !== undefined))) return undefined
  return [start, end]
}

const maxSubjectTokens = 40
/** Punctuation inside a subject with its asides: `Rep. Elijah Cummings (D-Md.), chair of …,`. */
const asideMarks = new Set([',', '.', '-', "'", '’', '(', ')'])

/** `according to X`: X runs to the next clause boundary. */
function accordingTo(tokens: readonly Token[], index: number): Cue | undefined {
  const start = index + 2
  let end = start
  while (end < tokens.length && end - start < maxSpeakerTokens && !isBoundary(tokens[end]) && tokens[end].text !== '.') end++
  return end > start ? {form: 'according-to', verb: index, speaker: [start, end], phrase: [index, end]} : undefined
}

/** `the Dawn quoted Pompeo as saying`: speaker Pompeo, channel the Dawn. */
function quotedAsSaying(tokens: readonly Token[], index: number): Cue | undefined {
  let as = index + 1
  while (as < tokens.length && as - index <= maxSpeakerTokens && tokens[as].lower !== 'as') as++
  const asSaying = tokens[as]?.lower === 'as' && tokens[as + 1]?.lower === 'saying'
  // “X was quoted as saying”, “X was quoted by the Globe as saying”: X speaks.
  if (asSaying && beWords.has(tokens[index - 1]?.lower ?? '') && (as === index + 1 || tokens[index + 1]?.lower === 'by')) {
    const speaker = speakerBefore(tokens, index - 1)
    const channel: [number, number] | undefined = as > index + 2 ? [index + 2, as] : undefined
    return speaker ? {form: 'quoted-as-saying', verb: index, speaker, ...(channel ? {channel} : {}), phrase: [speaker[0], as + 2]} : undefined
  }
  if (!asSaying || as === index + 1) return undefined
  const channel = speakerBefore(tokens, index)
  const phrase: [number, number] = [channel ? channel[0] : index, as + 2]
  return {form: 'quoted-as-saying', verb: index, speaker: [index + 1, as], ...(channel ? {channel} : {}), phrase}
}

/**
 * `…,” said Khan.` / `…,” said Murray on Monday.` / `…, said a Home Office spokesman.`: the
 * speaker follows the verb, up to the first word that opens a clause or a phrase.
 */
function invertedSpeaker(tokens: readonly Token[], index: number): [number, number] | undefined {
  const previous = tokens[index - 1]
  if (!previous || !(previous.text === ',' || isClosingQuote(previous))) return undefined
  // `Sen. Rand Paul, R-Ky., told Fox News`: after a comma, a verb with an object is not inverted.
  const afterQuote = isClosingQuote(previous) || (previous.text === ',' && tokens[index - 2] !== undefined && isClosingQuote(tokens[index - 2]))
  if (!afterQuote && objectVerbs.has(tokens[index].lower)) return undefined
  const first = tokens[index + 1]
  if (!first || first.kind !== 'word' || clauseWords.has(first.lower)) return undefined
  let end = index + 1
  // `said former secretary of state Hillary Clinton`: `of` inside a role goes on.
  const goesOn = (at: number) => !clauseWords.has(tokens[at].lower) || (tokens[at].lower === 'of' && tokens[at + 1]?.kind === 'word')
  while (end < tokens.length && end - index <= 10 && tokens[end].kind === 'word' && (end === index + 1 || goesOn(end))) end++
  const span = tokens.slice(index + 1, end)
  // “…, said on Monday” is not a speaker; “said club president Juan Bautista”, “said he”, “said the
  // 24-year-old” are: a name, a pronoun or a nominal.
  // “Janet Morrow, the cabinet member for education, said the £12m programme”: a lone article before a figure is no speaker.
  const nominal = (first.lower === 'a' || first.lower === 'the') && span.length > 1
  // “…, said Sunday” names a day, not a speaker.
  const named = span.some((token) => token.capitalized && !notNames.has(token.lower)) || pronouns[first.lower] !== undefined || nominal
  return named ? [index + 1, end] : undefined
}

/** Verbs whose next noun is their object, not an inverted speaker (unless right after a quote). */
const objectVerbs = new Set(['told', 'tells', 'tell', 'asked', 'asks', 'urged', 'urges', 'warned', 'warns', 'called', 'calls', 'described', 'describes', 'accused', 'accuses', 'praised', 'blasted', 'slammed', 'criticized', 'criticised', 'attacked', 'mocked', 'dubbed', 'labeled', 'branded', 'cited', 'promised', 'quoted', 'answered', 'reminded', 'informed', 'assured'])

/** The speaker before position `end`: an appositive between commas, or the words back to a clause boundary. */
export function speakerBefore(tokens: readonly Token[], end: number): [number, number] | undefined {
  let stop = end
  // “The Office for National Statistics (ONS) said”: the speaker is before its bracketed short form.
  if (tokens[stop - 1]?.text === ')' && tokens[stop - 3]?.text === '(' && tokens[stop - 2]?.kind === 'word') stop -= 3
  if (tokens[stop - 1]?.text === ',') {
    // “The top US commander in Afghanistan, Gen. John Nicholson, said”: the appositive names the speaker.
    let open = stop - 2
    while (open >= 0 && tokens[open].text !== ',' && !isBoundary(tokens[open])) open--
    const segment: [number, number] = [open + 1, stop - 1]
    const head = tokens[segment[0]]
    const isAge = head?.kind === 'word' && /^\d+$/.test(head.text)
    if (head && segment[1] > segment[0] && tokens[open]?.text === ',' && head.capitalized && !head.lower.endsWith('ing') && !isAge) return segment
    // “Pompeo, speaking after the meeting, said”, “Khan, 65, said”: the speaker is before the aside.
    if (open < 0 || tokens[open].text !== ',') return undefined
    stop = open
  }
  let start = stop
  while (start > 0 && stop - start < maxSpeakerTokens) {
    const token = tokens[start - 1]
    if (isBoundary(token) || token.text === '.' || (token.kind === 'word' && !token.capitalized && clauseWords.has(token.lower))) break
    start--
  }
  return start < stop ? [start, stop] : undefined
}

/** The subject that opens a sentence: its words up to the first lower-case word that is not a determiner. */
function subjectOf(tokens: readonly Token[]): [number, number] | undefined {
  let end = 0
  while (end < tokens.length && tokens[end].kind === 'word' && (tokens[end].capitalized || end === 0)) end++
  return end > 0 ? [0, end] : undefined
}

function isClosingQuote(token: Token): boolean {
  return token.text === '”' || token.text === '"' || token.text === "''" || token.text === '’' || token.text === "'"
}

export type SpeakerKind = 'person' | 'pronoun' | 'nominal' | 'vague' | 'other'

/** What kind of speaker a span holds, before people are resolved. */
export function speakerKind(tokens: readonly Token[], [start, end]: readonly [number, number]): Exclude<SpeakerKind, 'person'> {
  const words = tokens.slice(start, end).filter((token) => token.kind === 'word')
  if (words.length === 1 && pronouns[words[0].lower] !== undefined) return 'pronoun'
  const content = words.filter((token) => !['the', 'a', 'an', 'some', 'many', 'other'].includes(token.lower))
  if (words.length > 0 && (vagueSources.has(words[0].lower) || (content.length > 0 && vagueSources.has(content[0].lower) && !content[0].capitalized))) return 'vague'
  const last = words[words.length - 1]
  if (last && (words[0]?.lower === 'the' || words[0]?.lower === 'a') && titleHeads.has(last.lower)) return 'nominal'
  return 'other'
}
