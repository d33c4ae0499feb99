/**
 * The speaker model of an article: person mentions linked into people, the
 * reporting cues of every sentence with their speaker, and each speaker
 * resolved to a person — by name, by a configured alias, by a title nominal
 * (`the defence secretary`), or, for `he`/`she`, to the last person who
 * spoke in this paragraph or the two body paragraphs before, else the last
 * person named there. Headlines, captions and furniture are not context for a
 * pronoun.
 */
import type {Block, SentenceInfo} from '../types.js'
import {findCues, speakerKind, type Cue, type SpeakerKind} from './cues.js'
import {titleHeads, titleKey} from './lexicon.js'
import {keyOf, linkPeople, nameCandidates, type Mention, type Person} from './people.js'
import {tokensOf, type Token} from './tokens.js'

export interface Attribution {
  readonly sentence: SentenceInfo
  readonly tokens: readonly Token[]
  readonly cue: Cue
  /** Offsets of the credit phrase (`the Dawn quoted Pompeo as saying`). */
  readonly start: number
  readonly end: number
  /** Offsets and text of the speaker (`Pompeo`, `He`, `critics`). */
  readonly speakerStart: number
  readonly speakerEnd: number
  readonly speakerText: string
  readonly kind: SpeakerKind
  /** The person the speaker is, when known. */
  readonly person: Person | undefined
  /** For a pronoun or nominal: what it was resolved through. */
  readonly via: Attribution | Mention | undefined
  /** A pronoun whose only candidate the same sentence names as someone else: how it names them. */
  readonly ruledOutBy: string | undefined
}

export interface SpeakerModel {
  readonly people: readonly Person[]
  readonly mentions: readonly Mention[]
  readonly attributions: readonly Attribution[]
  /** Tokens of a sentence, as the model read them. */
  tokensOf(sentence: SentenceInfo): readonly Token[]
}

const closingMarks = new Set(['"', "''", '”', '’', "'"])

/** Whether a cue follows a closing quote mark and a comma (`"…," Pompeo said`, `"…", he said`). */
function creditsQuote(tokens: readonly Token[], cue: Cue): boolean {
  const first = cue.phrase[0]
  const before = tokens.slice(Math.max(0, first - 2), first).map((token) => token.text)
  return before.some((text) => closingMarks.has(text)) && (before.includes(',') || before.length > 0)
}

const noSpeakers: ReadonlyArray<{readonly range: readonly [number, number]; readonly strong: boolean; readonly channel?: boolean}> = []
/** Blocks a pronoun may look back into: body text and list items, not headlines or captions. */
const contextKinds = new Set<Block['kind']>(['body', 'list-item'])
const lookback = 2

export function buildSpeakerModel(
  blocks: readonly Block[],
  value: string,
  declaredPeople: Readonly<Record<string, readonly string[]>>,
  isQuoted: (offset: number) => boolean
): SpeakerModel {
  const {names, nominals, fullNames} = declarations(declaredPeople)
  // By `SentenceInfo.index`, which counts the blocks' sentences in order: arrays, cheaper than Maps keyed by sentence.
  const sentences: SentenceInfo[] = []
  const tokens: Token[][] = []
  const cues: Cue[][] = []
  const candidates = []
  const aliases = new Set(names.keys())
  for (const block of blocks) {
    for (const sentence of block.sentences) {
      const list = tokensOf(sentence.node)
      // “…that she acknowledges she is a public figure,” said …: a cue inside a quote is the quoted words'.
      const all = findCues(list)
      const found = all.length === 0 ? all : all.filter((cue) => !isQuoted(list[cue.verb].start))
      sentences[sentence.index] = sentence
      tokens[sentence.index] = list
      cues[sentence.index] = found
      // A lone name is a person where the cue can credit nothing else (“quoted Pompeo as saying”) or
      // where it credits a quote right before it (“"…," Pompeo said”).
      // Most sentences have no cue: no arrays for them.
      const speakers =
        found.length === 0
          ? noSpeakers
          : found
              .filter((cue) => cue.form !== 'passive')
              .map((cue) => ({range: cue.speaker, strong: cue.form === 'quoted-as-saying' || creditsQuote(list, cue), channel: cue.form === 'quoted-as-saying'}))
      for (const candidate of nameCandidates(sentence, list, aliases, speakers)) candidates.push(candidate)
    }
  }
  const {people, mentions} = linkPeople(candidates, names)
  // People the config declares are known even where the article never names them.
  for (const [name, key] of fullNames) {
    if (!people.some((person) => person.key === key)) people.push({name, key, titles: new Set(), mentions: [], declared: true, gender: undefined})
  }
  const bySentence: Array<Mention[] | undefined> = []
  for (const mention of mentions) {
    const list = bySentence[mention.sentence.index]
    if (list) list.push(mention)
    else bySentence[mention.sentence.index] = [mention]
  }

  const attributions: Attribution[] = []
  const history: HistoryEntry[] = []

  for (const block of blocks) {
    const isContext = contextKinds.has(block.kind)
    for (const sentence of block.sentences) {
      const list = tokens[sentence.index] ?? []
      const sentenceMentions = bySentence[sentence.index] ?? []
      const sentenceCues = cues[sentence.index] ?? []
      if (sentenceMentions.length === 0 && sentenceCues.length === 0) continue
      // Pushed one by one into one array type: spreading two mapped arrays gave arrays of changing
      // kinds here, and V8 dropped and recompiled this function four times (0.4 s) in a run.
      const events: SentenceEvent[] = []
      for (const mention of sentenceMentions) events.push({offset: mention.start, mention, cue: undefined})
      for (const cue of sentenceCues) events.push({offset: list[cue.verb].start, mention: undefined, cue})
      events.sort(byOffset)

      for (const event of events) {
        if (event.mention) {
          if (isContext && event.mention.person) history.push({block: block.index, offset: event.offset, person: event.mention.person, speaker: undefined, mention: event.mention})
          continue
        }
        const cue = event.cue
        if (!cue) continue
        const attribution = attribute(sentence, list, cue, value, sentenceMentions, people, nominals, () =>
          pronounCandidates(history, block.index, event.offset)
        )
        attributions.push(attribution)
        if (isContext && attribution.person) history.push({block: block.index, offset: event.offset, person: attribution.person, speaker: attribution, mention: undefined})
      }
    }
  }

  return {people, mentions, attributions, tokensOf: (sentence) => (sentences[sentence.index] === sentence ? tokens[sentence.index] : undefined) ?? []}
}

function attribute(
  sentence: SentenceInfo,
  tokens: readonly Token[],
  cue: Cue,
  value: string,
  mentions: readonly Mention[],
  people: readonly Person[],
  nominals: ReadonlyMap<string, string>,
  candidates: () => Array<{person: Person; via: Attribution | Mention}>
): Attribution {
  const spanStart = tokens[cue.speaker[0]]?.start ?? tokens[cue.verb].start
  const spanEnd = cue.speaker[1] > cue.speaker[0] ? tokens[cue.speaker[1] - 1].end : spanStart
  const named = headMention(
    mentions.filter((mention) => mention.start >= spanStart && mention.end <= spanEnd),
    tokens,
    value
  )
  // The speaker is the part of the subject between its commas that holds the head name (`Gen. John
  // Nicholson` of `The top US commander in Afghanistan, Gen. John Nicholson,`), else its first part.
  const [from, to] = segmentOf(tokens, cue.speaker, named ? named.first - named.titles.length : cue.speaker[0])
  const speakerStart = tokens[from]?.start ?? tokens[cue.verb].start
  const speakerEnd = to > from ? tokens[to - 1].end : speakerStart
  const speakerText = value.slice(speakerStart, speakerEnd)
  let kind: SpeakerKind = cue.form === 'passive' ? 'vague' : named ? 'person' : speakerKind(tokens, [from, to])
  let person = named?.person
  let via: Attribution | Mention | undefined
  let ruledOutBy: string | undefined
  // A subject with asides credits from its speaker part on: `Gen. John Nicholson, said`.
  const phraseStart = cue.form === 'plain' && cue.phrase[0] === cue.speaker[0] ? speakerStart : tokens[cue.phrase[0]].start
  const base = {sentence, tokens, cue, start: phraseStart, end: tokens[cue.phrase[1] - 1].end}
  if (kind === 'pronoun' && ['he', 'she'].includes(speakerText.toLowerCase())) {
    const gender = speakerText.toLowerCase() === 'he' ? 'male' : 'female'
    // “Ms King … She said”: a person known to be of the other gender is no candidate.
    const options = candidates().filter((option) => option.person.gender === undefined || option.person.gender === gender)
    const fitting = options.find((option) => namedAfter(base, option.person, people) === undefined)
    const chosen = fitting ?? options[0]
    person = chosen?.person
    via = chosen?.via
    if (!fitting && chosen) ruledOutBy = namedAfter(base, chosen.person, people)
    if (person) person.gender ??= gender
  } else if (kind === 'nominal') {
    const declared = nominals.get(speakerText.toLowerCase())
    person = declared === undefined ? nominalPerson(tokens.slice(from, to), people) : people.find((candidate) => candidate.key === declared)
    if (person) kind = 'person'
  }
  // Spelled out: a spread of `base` costs more than the rest of this function.
  return {sentence, tokens, cue, start: base.start, end: base.end, speakerStart, speakerEnd, speakerText, kind, person, via, ruledOutBy}
}

const segmentMarks = new Set([',', '(', ')'])

/** The comma- or bracket-delimited part of `span` that holds token `at`. */
function segmentOf(tokens: readonly Token[], span: readonly [number, number], at: number): [number, number] {
  let from = Math.max(span[0], Math.min(at, span[1]))
  let to = from
  while (from > span[0] && !segmentMarks.has(tokens[from - 1].text)) from--
  while (to < span[1] && !segmentMarks.has(tokens[to].text)) to++
  return to > from ? [from, to] : [span[0], span[1]]
}

const prepositions = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'by', 'about', 'in', 'on', 'like'])

/**
 * The person a speaker phrase names: `Tad Devine, Sanders' senior media
 * adviser` → Devine, `Investec economist Philip Shaw` → Shaw, `Donald Trump's
 * campaign manager Kellyanne Conway` → Conway. Possessors and names after a
 * preposition (`a spokesman for Trump`) are not the head; of the rest, the
 * first full or titled name, else the last name.
 */
function headMention(inSpan: readonly Mention[], tokens: readonly Token[], value: string): Mention | undefined {
  // `Anthony Anton, president and CEO of Washington Restaurant Association`: the name before the
  // first comma heads the phrase (`New York Times columnist David Brooks`: the last name of it).
  const comma = inSpan.length > 1 ? tokens.findIndex((token, index) => token.text === ',' && index >= inSpan[0].last) : -1
  if (comma !== -1) {
    const lead = inSpan.filter((mention) => mention.last <= comma && isHeadPlace(mention, tokens, value)).at(-1)
    if (lead) return lead
  }
  if (inSpan.length <= 1) return inSpan.length === 1 && isHeadPlace(inSpan[0], tokens, value) ? inSpan[0] : inSpan.length === 1 && !isPossessor(inSpan[0], value) ? inSpan[0] : undefined
  const heads = inSpan.filter((mention) => isHeadPlace(mention, tokens, value))
  return heads.at(-1) ?? inSpan.filter((mention) => !isPossessor(mention, value)).at(-1)
}

function isPossessor(mention: Mention, value: string): boolean {
  const next = value.slice(mention.end, mention.end + 2)
  return next.startsWith('’') || next.startsWith("'") || /['’]s?$/u.test(value.slice(mention.start, mention.end))
}

function isHeadPlace(mention: Mention, tokens: readonly Token[], value: string): boolean {
  const before = tokens[mention.first - 1 - mention.titles.length]
  // `Sanders advisers insist`, `Clinton campaign spokesman …`: a name before a noun modifies it.
  const after = tokens[mention.last]
  const modifier = after !== undefined && after.kind === 'word' && !after.capitalized && !after.lower.endsWith('ly') && !cueLike.has(after.lower)
  return !isPossessor(mention, value) && !(before && prepositions.has(before.lower)) && !modifier
}

/** Words after a subject name that are not nouns it modifies (`Trump also said`, `Trump had said`). */
const cueLike = new Set(['also', 'had', 'has', 'have', 'would', 'will', 'could', 'did', 'was', 'is', 'then', 'later', 'again', 'still', 'never', 'once', 'and', 'who', 'on', 'in', 'at', 'of', 'for', 'to', 'with', 'from', 'by', 'told', 'said', 'says'])

/** A person mention or a reporting cue, at its place in a sentence. */
interface SentenceEvent {
  readonly offset: number
  readonly mention: Mention | undefined
  readonly cue: Cue | undefined
}

function byOffset(a: SentenceEvent, b: SentenceEvent): number {
  return a.offset - b.offset
}

type HistoryEntry = {
  readonly block: number
  readonly offset: number
  readonly person: Person
  readonly speaker: Attribution | undefined
  readonly mention: Mention | undefined
}

/**
 * The people `he`/`she` may point to, best first: who spoke earlier in this
 * paragraph, who was named earlier in it, who spoke in the two body
 * paragraphs before, who was named there.
 */
function pronounCandidates(history: readonly HistoryEntry[], block: number, offset: number): Array<{person: Person; via: Attribution | Mention}> {
  // History runs in block order: only its tail can be in the lookback.
  let first = history.length
  while (first > 0 && history[first - 1].block >= block - lookback) first--
  const usable = history.slice(first).filter((entry) => entry.offset < offset)
  const result: Array<{person: Person; via: Attribution | Mention}> = []
  for (const scope of ['here', 'before'] as const) {
    for (const wanted of ['speaker', 'mention'] as const) {
      for (let index = usable.length - 1; index >= 0; index--) {
        const entry = usable[index]
        if ((scope === 'here') !== (entry.block === block)) continue
        const via = wanted === 'speaker' ? entry.speaker : entry.mention
        if (via && !result.some((candidate) => candidate.person === entry.person)) result.push({person: entry.person, via})
      }
    }
  }
  return result
}

/**
 * How the rest of a sentence names `person` after a pronoun speaker — by name
 * or by title (“He said the U.S. defence secretary was told”) — which rules
 * the person out as the pronoun (a pronoun cannot point forward to a name it
 * commands).
 */
export function namedAfter(attribution: Pick<Attribution, 'tokens' | 'sentence' | 'end'>, person: Person, people: readonly Person[]): string | undefined {
  const named = person.mentions.find((mention) => mention.sentence === attribution.sentence && mention.start >= attribution.end)
  if (named) return named.names.join(' ')
  const after = attribution.tokens.filter((token) => token.start >= attribution.end)
  for (let index = 0; index < after.length; index++) {
    if (after[index].lower !== 'the') continue
    for (let end = index + 2; end <= Math.min(after.length, index + 5); end++) {
      const phrase = after.slice(index, end)
      if (!phrase.every((token) => token.kind === 'word')) break
      if (nominalPerson(phrase, people) === person) return phrase.map((token) => token.text).join(' ')
    }
  }
  return undefined
}

/** `the defence secretary` → the person whose titles hold `secretary` and `defence`. */
export function nominalPerson(words: readonly Token[], people: readonly Person[]): Person | undefined {
  const keys = words.filter((token) => token.kind === 'word' && !['the', 'a', 'an'].includes(token.lower)).map((token) => titleKey(token.text).replace(/\./g, ''))
  const head = keys[keys.length - 1]
  if (!head || !titleHeads.has(head)) return undefined
  const matches = people.filter((person) => {
    const titles = new Set([...person.titles].map((title) => title.replace(/\./g, '')))
    return keys.every((key) => titles.has(key))
  })
  return matches.length === 1 ? matches[0] : undefined
}

/** Config `people`: name and alias → surname key, and `the …` nominals → surname key. */
function declarations(declared: Readonly<Record<string, readonly string[]>>) {
  const names = new Map<string, string>()
  const nominals = new Map<string, string>()
  const fullNames = new Map<string, string>()
  for (const [name, aliases] of Object.entries(declared)) {
    const key = keyOf(name.split(/\s+/))
    names.set(name.toLowerCase(), key)
    fullNames.set(name, key)
    for (const alias of aliases) {
      const lower = alias.toLowerCase()
      if (/^(the|a)\s/.test(lower)) nominals.set(lower, key)
      else names.set(lower, keyOf(alias.split(/\s+/)))
    }
  }
  return {names, nominals, fullNames}
}
