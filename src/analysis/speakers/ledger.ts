/**
 * The quote ledger: every outer quotation of an article with the speaker the
 * model credits it to, and how. A quote is credited by a cue of its own
 * sentence (`"…," Smith said`, `Smith said: "…"`), else by the nearest cue of
 * its paragraph, else it carries on an earlier paragraph: the quote it
 * continues (a quote left open), a colon introduction at the end of the
 * paragraph before (`Cruz continued:`), or the speaker of the quote run it
 * belongs to (a paragraph that is all quote, after a paragraph with a
 * speaker: the usual US layout of one quote a paragraph).
 */
import type {Block, QuoteInfo} from '../types.js'
import type {Attribution} from './model.js'
import {keyOf, type Mention, type Person} from './people.js'
import {notNames, titleHeads, titleWords, lowerTitleKey} from './lexicon.js'
import {withoutPossessive} from './tokens.js'

export type CreditHow = 'cue' | 'paragraph' | 'continued' | 'colon' | 'run' | 'label' | 'subject'

export interface QuoteCredit {
  readonly quote: QuoteInfo
  /** The attribution that credits the quote, when one does. */
  readonly attribution: Attribution | undefined
  /** The person credited, when the speaker is one. */
  readonly person: Person | undefined
  /** The speaker's name: the person's fullest name, or the speaker phrase (`a campaign spokesman`). */
  readonly name: string | undefined
  /** Offset where the text names the speaker (the cue's speaker, a label, a subject). */
  readonly at: number | undefined
  readonly how: CreditHow | undefined
}

interface Speaker {
  readonly name: string | undefined
  readonly person: Person | undefined
  /** Where the text names the speaker, when not at an attribution's speaker. */
  readonly at?: number
}

export function creditQuotes(
  blocks: readonly Block[],
  attributions: readonly Attribution[],
  people: readonly Person[],
  mentions: readonly Mention[],
  value: string,
  isQuoted: (offset: number) => boolean
): QuoteCredit[] {
  const mentionsBySentence = new Map<number, Mention[]>()
  for (const mention of mentions) {
    if (isQuoted(mention.start)) continue
    const list = mentionsBySentence.get(mention.sentence.index)
    if (list) list.push(mention)
    else mentionsBySentence.set(mention.sentence.index, [mention])
  }
  const byBlock: Attribution[][] = blocks.map(() => [])
  const speakers = new Map<Attribution, Speaker>()
  for (const attribution of attributions) {
    if (attribution.cue.form === 'passive' || isQuoted(attribution.tokens[attribution.cue.verb].start)) continue
    const speaker = speakerOf(attribution, people)
    if (!speaker) continue
    speakers.set(attribution, speaker)
    byBlock[attribution.sentence.block.index]?.push(attribution)
  }
  const isNamed = (attribution: Attribution) => speakers.get(attribution)?.name !== undefined
  const creditOf = (quote: QuoteInfo, attribution: Attribution | undefined, how: CreditHow | undefined): QuoteCredit => {
    const speaker = attribution && speakers.get(attribution)
    const named = speaker?.name !== undefined
    return {quote, attribution, person: speaker?.person, name: speaker?.name, at: named ? attribution?.speakerStart : undefined, how: named ? how : undefined}
  }
  const credits: QuoteCredit[] = []
  // By quote: the credit of a quote, for the paragraph that continues it.
  const byQuote = new Map<QuoteInfo, QuoteCredit>()
  /** The last credit of a body paragraph, for the quote run after it. */
  let lastBody: {block: Block; credit: QuoteCredit | undefined; attribution: Attribution | undefined} | undefined

  for (const block of blocks) {
    const own = byBlock[block.index] ?? []
    for (const quote of block.quotes) {
      if (quote.depth > 0) continue
      let attribution = own.length > 0 ? cueFor(quote, own, (candidate) => speakers.get(candidate)?.person !== undefined) : undefined
      let how: CreditHow | undefined = attribution ? (sameSentence(attribution, quote) ? 'cue' : 'paragraph') : undefined
      let carried: QuoteCredit | undefined
      if (!attribution && quote.continues) {
        carried = byQuote.get(quote.continues)
        how = carried?.how ? 'continued' : undefined
      }
      let labelled: Speaker | undefined
      if (!attribution && !carried) {
        labelled = labelOf(quote, block, value, people)
        if (labelled) how = 'label'
      }
      if (!attribution && !carried && !labelled) {
        // `Trump called Cruz “a liar”` with a verb no list holds: the person the sentence opens on.
        const subject = subjectMention(quote, block, mentionsBySentence, value)
        if (subject?.person) {
          labelled = {name: subject.person.name, person: subject.person, at: subject.start}
          how = 'subject'
        }
      }
      if (!attribution && !carried && !labelled && lastBody && quote.start === block.start) {
        const previous = lastBody
        if (endsWithColon(previous.block, value) && previous.attribution) {
          attribution = previous.attribution
          how = 'colon'
        } else if (previous.attribution || previous.credit?.how) {
          attribution = previous.credit?.attribution ?? previous.attribution
          if (attribution) how = 'run'
        }
      }
      const credit = carried?.how
        ? {...carried, quote, how: 'continued' as const}
        : labelled
          ? {quote, attribution: undefined, person: labelled.person, name: labelled.name, at: labelled.at, how}
          : creditOf(quote, attribution, how)
      credits.push(credit)
      byQuote.set(quote, credit)
    }
    // `Cruz continued:` stands alone on its line, where plain text reads it as a label: it still leads in.
    if (block.kind === 'body' || endsWithColon(block, value)) {
      const blockCredits = credits.filter((credit) => credit.quote.block === block && credit.name !== undefined)
      lastBody = {block, credit: blockCredits.at(-1), attribution: own.filter(isNamed).at(-1)}
    }
  }
  return credits
}

// `Cruz: ‘I Fear The Same Thing Is True’`, `Michael P. McDonald: “At long last …”`: a name and a colon before the quote.
const labelBefore = /(?:^|[\s(—–-])((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)\s*:\s*$/u

const subjectPrepositions = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'by', 'about', 'in', 'on', 'like', 'under', 'against', 'than', 'as'])

/** The first person a quote's sentence names before the quote, as its subject (not a possessor, not after a preposition). */
function subjectMention(quote: QuoteInfo, block: Block, bySentence: ReadonlyMap<number, Mention[]>, value: string): Mention | undefined {
  const sentence = block.sentences.find((candidate) => candidate.start <= quote.start && quote.start < candidate.end)
  if (!sentence) return undefined
  for (const mention of bySentence.get(sentence.index) ?? []) {
    if (mention.start >= quote.start) break
    const before = value.slice(Math.max(sentence.start, mention.start - 12), mention.start).trim().split(/\s+/).at(-1)?.toLowerCase() ?? ''
    const after = value.slice(mention.end, mention.end + 2)
    if (subjectPrepositions.has(before) || /^['’]/u.test(after)) continue
    return mention
  }
  return undefined
}

/** The speaker a `Name: “…”` label gives a quote (headlines and transcripts). */
function labelOf(quote: QuoteInfo, block: Block, value: string, people: readonly Person[]): Speaker | undefined {
  const before = value.slice(Math.max(block.start, quote.start - 80), quote.start)
  const match = labelBefore.exec(before)
  if (!match) return undefined
  const words = match[1].split(/\s+/)
  const names = headNames(words.map((text) => ({text, lower: text.toLowerCase(), kind: 'word', capitalized: true})))
  if (!names) return undefined
  const person = people.find((candidate) => candidate.key === keyOf(names))
  return {name: person?.name ?? names.join(' '), person, at: quote.start - before.length + match.index + match[0].indexOf(match[1])}
}

/**
 * Who an attribution's speaker is, for the ledger: the person the model
 * resolved; else the head name the phrase holds (`Smith`, resolved to the
 * fullest name of that surname in the article); else a role or group
 * (`a campaign spokesman`, `the Trump campaign`); a pronoun not resolved is a
 * speaker without a name. Phrases that are none of these (`the time`, `his
 * home state`) credit nothing.
 */
function speakerOf(attribution: Attribution, people: readonly Person[]): Speaker | undefined {
  if (attribution.person) return {name: attribution.person.name, person: attribution.person}
  if (attribution.kind === 'pronoun') return {name: undefined, person: undefined}
  const {tokens, cue} = attribution
  const span = tokens.slice(cue.speaker[0], cue.speaker[1])
  const names = headNames(span)
  if (names) {
    const key = keyOf(names)
    const person = people.find((candidate) => candidate.key === key)
    return {name: person?.name ?? names.join(' '), person}
  }
  const words = span.filter((token) => token.kind === 'word')
  const isSource = (token: (typeof words)[number]) => titleHeads.has(token.lower) || sourceNouns.has(token.lower) || (token.capitalized && notNames.has(token.lower) && !timeWords.test(token.lower) && !functionWords.has(token.lower))
  if (words.length <= 12 && words.some(isSource)) return {name: attribution.speakerText, person: undefined}
  return undefined
}

/** Words that make a phrase a source that is not a person: `A Pentagon statement`, `a press release`. */
const sourceNouns = new Set(['statement', 'statements', 'report', 'release', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'aide', 'aides', 'campaign', 'group', 'company', 'agency', 'ministry', 'department', 'office', 'police', 'government', 'committee', 'council', 'court', 'study', 'survey', 'poll', 'analysis', 'memo', 'letter', 'lawsuit', 'complaint', 'website', 'tweet', 'account', 'source', 'sources', 'data', 'document', 'documents', 'filing', 'spokespeople', 'representative', 'representatives', 'administration', 'party', 'organization', 'organisation', 'team', 'staff', 'newspaper', 'paper', 'network', 'magazine'])
const functionWords = new Set(['the', 'a', 'an', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'when', 'while', 'after', 'before', 'if', 'as', 'but', 'and', 'or', 'so', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'of', 'to', 'what', 'who', 'why', 'how', 'where', 'which', 'also', 'city', 'house', 'press', 'news', 'post', 'times'])
const timeWords = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/

// A name's shape: `Smith`, `O'Brien`, `McAdams`, `R.`; not `NATO`, `U.S.`.
const nameShape = /^\p{Lu}(?:\p{Ll}|\.$)[\p{L}'’.-]*$/u
const prepositions = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'by', 'about', 'in', 'on', 'like', 'under'])

/** The head name of a speaker phrase: the last capitalised run before its first comma (titles left out). */
function headNames(span: readonly {text: string; lower: string; kind: string; capitalized: boolean}[]): string[] | undefined {
  const comma = span.findIndex((token) => token.text === ',')
  const head = comma === -1 ? span : span.slice(0, comma)
  let best: string[] | undefined
  let run: string[] = []
  let afterPreposition = false
  const close = () => {
    if (run.length > 0 && !afterPreposition) best = run
    run = []
  }
  for (const [index, token] of head.entries()) {
    const name = withoutPossessive(token.text)
    const isName = token.kind === 'word' && nameShape.test(name) && !notNames.has(token.lower) && !titleWords.has(lowerTitleKey(token.lower))
    if (isName) {
      if (run.length === 0) afterPreposition = prepositions.has(head[index - 1]?.lower ?? '')
      run.push(name)
      // `Trump's campaign manager`: a possessor is not the head.
      if (name !== token.text) {
        run = []
      }
    } else close()
  }
  close()
  return best
}

/**
 * The cue of `quote`'s paragraph that credits it: one of the sentences the
 * quote spans, nearest the quote (after it before before it), else the
 * nearest cue of the paragraph, before the quote first.
 */
function cueFor(quote: QuoteInfo, attributions: readonly Attribution[], isPerson: (attribution: Attribution) => boolean): Attribution | undefined {
  const near = attributions.filter((attribution) => sameSentence(attribution, quote))
  // `Mattis told reporters, according to a statement, “…”`: a person's cue before a document's.
  const people = near.filter(isPerson)
  const pool = people.length > 0 ? people : near.length > 0 ? near : attributions
  let best: Attribution | undefined
  let distance = Infinity
  for (const attribution of pool) {
    // A cue after the quote (`"…," Smith said`) is closer than the same gap before it.
    const gap = attribution.start >= quote.end ? attribution.start - quote.end : quote.start - attribution.end + (near.length > 0 ? 1 : 0)
    if (gap < distance) {
      distance = gap
      best = attribution
    }
  }
  return best
}

function sameSentence(attribution: Attribution, quote: QuoteInfo): boolean {
  const sentence = attribution.sentence
  return sentence.start < quote.end && quote.start < sentence.end
}

/** `Cruz continued:`: a paragraph that ends on a colon introduces the next one. */
function endsWithColon(block: Block, value: string): boolean {
  let end = block.end
  while (end > block.start && /\s/.test(value[end - 1]!)) end--
  return value[end - 1] === ':'
}

export interface LedgerQuote {
  line: number
  column: number
  endLine: number
  endColumn: number
  text: string
  speaker: {name: string; line: number; column: number} | null
  cue: string | null
}

/** The ledger as reports print it: 1-based lines and UTF-16 columns, end exclusive. */
export function ledgerOf(credits: readonly QuoteCredit[], value: string, pointAt: (offset: number) => {line: number; column: number} | undefined): LedgerQuote[] {
  const entries: LedgerQuote[] = []
  for (const credit of credits) {
    const start = pointAt(credit.quote.start)
    const end = pointAt(credit.quote.end)
    if (!start || !end) continue
    const attribution = credit.attribution
    const at = credit.name !== undefined && credit.at !== undefined ? pointAt(credit.at) : undefined
    entries.push({
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      text: value.slice(credit.quote.start, credit.quote.end),
      speaker: credit.name !== undefined && at ? {name: credit.name, line: at.line, column: at.column} : null,
      cue: attribution ? cueWords(attribution) : null
    })
  }
  return entries
}

/** The cue as a reader names it: `said`, `according to`, `quoted as saying`. */
function cueWords(attribution: Attribution): string {
  const {cue, tokens} = attribution
  if (cue.form === 'according-to') return 'according to'
  if (cue.form === 'quoted-as-saying') return 'quoted as saying'
  return tokens[cue.verb]?.lower ?? ''
}
