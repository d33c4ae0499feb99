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
import type {Person} from './people.js'

export type CreditHow = 'cue' | 'paragraph' | 'continued' | 'colon' | 'run'

export interface QuoteCredit {
  readonly quote: QuoteInfo
  /** The attribution that credits the quote, when one does. */
  readonly attribution: Attribution | undefined
  /** The person credited, when the speaker is one. */
  readonly person: Person | undefined
  /** The speaker's name: the person's fullest name, or the speaker phrase (`a campaign spokesman`). */
  readonly name: string | undefined
  readonly how: CreditHow | undefined
}

/** Speaker kinds a ledger names: people, and nominal or group speakers (`the campaign`). */
const namedKinds = new Set(['person', 'nominal', 'other', 'vague'])

export function creditQuotes(blocks: readonly Block[], attributions: readonly Attribution[], value: string, isQuoted: (offset: number) => boolean): QuoteCredit[] {
  const byBlock: Attribution[][] = blocks.map(() => [])
  for (const attribution of attributions) {
    if (attribution.cue.form === 'passive' || isQuoted(attribution.tokens[attribution.cue.verb].start)) continue
    byBlock[attribution.sentence.block.index]?.push(attribution)
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
      let attribution = own.length > 0 ? cueFor(quote, own) : undefined
      let how: CreditHow | undefined = attribution ? (sameSentence(attribution, quote) ? 'cue' : 'paragraph') : undefined
      let carried: QuoteCredit | undefined
      if (!attribution && quote.continues) {
        carried = byQuote.get(quote.continues)
        how = carried?.how ? 'continued' : undefined
      }
      if (!attribution && !carried && lastBody && quote.start === block.start) {
        const previous = lastBody
        if (endsWithColon(previous.block, value) && previous.attribution) {
          attribution = previous.attribution
          how = 'colon'
        } else if (previous.attribution || previous.credit?.how) {
          attribution = previous.credit?.attribution ?? previous.attribution
          if (attribution) how = 'run'
        }
      }
      const credit = carried?.how ? {...carried, quote, how: 'continued' as const} : creditOf(quote, attribution, how)
      credits.push(credit)
      byQuote.set(quote, credit)
    }
    // `Cruz continued:` stands alone on its line, where plain text reads it as a label: it still leads in.
    if (block.kind === 'body' || endsWithColon(block, value)) {
      const blockCredits = credits.filter((credit) => credit.quote.block === block && credit.name !== undefined)
      lastBody = {block, credit: blockCredits.at(-1), attribution: own.filter((attribution) => isNamed(attribution)).at(-1)}
    }
  }
  return credits
}

function creditOf(quote: QuoteInfo, attribution: Attribution | undefined, how: CreditHow | undefined): QuoteCredit {
  const named = attribution && isNamed(attribution)
  return {
    quote,
    attribution,
    person: attribution?.person,
    name: named ? (attribution.person?.name ?? attribution.speakerText) : undefined,
    how: named ? how : undefined
  }
}

function isNamed(attribution: Attribution): boolean {
  if (attribution.person) return true
  return namedKinds.has(attribution.kind) && attribution.kind !== 'person' && attribution.speakerText.length > 0
}

/**
 * The cue of `quote`'s paragraph that credits it: one of the sentences the
 * quote spans, nearest the quote (after it before before it), else the
 * nearest cue of the paragraph, before the quote first.
 */
function cueFor(quote: QuoteInfo, attributions: readonly Attribution[]): Attribution | undefined {
  const near = attributions.filter((attribution) => sameSentence(attribution, quote))
  const pool = near.length > 0 ? near : attributions
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
    const at = credit.name !== undefined && attribution ? pointAt(attribution.speakerStart) : undefined
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
