/**
 * Flag the same quantity about the same thing stated with different values in
 * one article: `a $10 million bounty` … `a $12 million bounty`, `killed 164
 * people` … `killed 166 people`. The later statement is flagged; the earlier
 * one is the cause.
 * Why: two values for one fact mean at least one is wrong (a typo, an update
 * applied to one paragraph only, two sources merged), and a reader cannot tell
 * which.
 * Precision first: both figures must be of the same kind and unit, count the
 * same noun (`bounty`, `fine`), and — when the noun is a generic one (`people`,
 * `users`) — follow the same word (`killed`); hedged figures (`nearly`, `up
 * to`), ranges and changes (`from`, `to`, `rose`), and sentences about
 * different years are left alone.
 * Limits: a quantity named in other words (`the reward` vs `the bounty`) or
 * with the noun before it (`a bounty of $10m`) is not matched unless it reads
 * `noun of N`; updated figures in a live story are flagged too.
 */
import {analyse, type Analysis, type NumberMention, type SentenceInfo} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {placeOf} from '../src/analysis/nlcst/leaves.js'
import {figureKinds} from '../src/analysis/numbers/find.js'
import {stopWords} from '../src/analysis/numbers/lexicon.js'
import type {Token} from '../src/analysis/speakers/tokens.js'
import lists from './data/number-consistency.json' with {type: 'json'}
import {VFileMessage} from 'vfile-message'

export interface Options {
  /** Smallest relative difference that counts, as a fraction of the larger value (default: `0.01`). */
  readonly tolerance: number
}

const genericNouns: ReadonlySet<string> = new Set(lists.genericNouns)
const changeWords: ReadonlySet<string> = new Set(lists.changeWords)
const skippedBefore: ReadonlySet<string> = new Set(lists.skippedBefore)
const comparatives: ReadonlySet<string> = new Set(lists.comparatives)
const rateWords: ReadonlySet<string> = new Set(['a', 'an', 'per', 'each', 'apiece'])
// A past form: "disagreed", "rose"d; not "bed" (too short to be one).
const pastForm = /^\w{3,}ed$/
/** Counts under this are incidental (`the two men`). */
const minimumCount = 10

interface Statement {
  readonly mention: NumberMention
  readonly value: number
  /** Kind, unit and noun: what must agree for two statements to be about one quantity. */
  readonly key: string
  /** The noun it counts or prices: `bounty`. */
  readonly noun: string
  /** The content word before the figure: `killed` in `killed 164 people`, `has` in `has a $10 million bounty`. */
  readonly lead: string
  /** Years the sentence names. */
  readonly years: readonly string[]
  /** Capitalised words of the sentence past its first word: who or what it is about. */
  readonly names: ReadonlySet<string>
}

export default defineRule<Options>(
  {
    id: 'number-consistency',
    severity: 'warn',
    summary: 'the same quantity about the same thing stated with different values in one article',
    fixable: false,
    options: {
      tolerance: {kind: 'number', default: 0.01, min: 0, description: 'Smallest relative difference that counts'}
    }
  },
  (tree, file, options) => {
    const analysis = analyse(tree, file)
    const seen = new Map<string, Statement[]>()
    const years = yearsBySentence(analysis.numbers)
    for (const mention of analysis.numbers) {
      const statement = statementOf(mention, analysis, years)
      if (!statement) continue
      const earlier = seen.get(statement.key) ?? []
      const conflict = earlier.find((other) => conflicts(other, statement, options.tolerance))
      if (conflict) {
        const message = file.message(
          `Unexpected \`${mention.text}\` for the ${statement.noun}, stated as \`${conflict.mention.text}\` before, check which is right`,
          {ancestors: [mention.sentence.block.node, mention.sentence.node], place: placeOf(file, mention.start, mention.end)}
        )
        const first = placeOf(file, conflict.mention.start, conflict.mention.end)
        message.cause = new VFileMessage(`First stated as \`${conflict.mention.text}\` here`, {place: first})
        message.note = 'Two values for one quantity mean at least one is wrong; correct it or say why they differ.'
      }
      seen.set(statement.key, [...earlier, statement])
    }
  }
)

/** The years each sentence names, in reading order (one pass, not one per figure). */
function yearsBySentence(numbers: readonly NumberMention[]): Map<SentenceInfo, string[]> {
  const years = new Map<SentenceInfo, string[]>()
  for (const other of numbers) {
    if (other.kind !== 'year') continue
    const list = years.get(other.sentence)
    if (list) list.push(other.text)
    else years.set(other.sentence, [other.text])
  }
  return years
}

/** A figure that states a quantity of a named thing, or `undefined` for dates, hedges, ranges and changes. */
function statementOf(mention: NumberMention, analysis: Analysis, yearsBy: ReadonlyMap<SentenceInfo, readonly string[]>): Statement | undefined {
  if (!figureKinds.has(mention.kind) || mention.approximate || mention.value === undefined) return undefined
  const tokens = analysis.speakers.tokensOf(mention.sentence)
  const first = tokens.findIndex((token) => token.start >= mention.start)
  const after = tokens.findIndex((token) => token.start >= mention.end)
  // “seven protesters”, “two executives”: small counts are incidental, and differ by design.
  if (mention.kind === 'count' && mention.value < minimumCount) return undefined
  const end = after === -1 ? tokens.length : after
  const noun = nounAt(tokens, end)
  const lead = leadOf(tokens, first)
  if (!noun || !lead || first === -1 || isChangeOrRange(tokens, first, end)) return undefined
  const kind = mention.kind === 'casualty' ? 'count' : mention.kind
  const years = yearsBy.get(mention.sentence) ?? []
  const names = new Set(tokens.slice(1).filter((token) => token.kind === 'word' && token.capitalized && token.lower !== noun).map((token) => token.lower))
  return {mention, value: mention.value, key: [kind, mention.unit ?? '', noun].join('|'), noun, lead, years, names}
}

function conflicts(earlier: Statement, later: Statement, tolerance: number): boolean {
  const larger = Math.max(Math.abs(earlier.value), Math.abs(later.value))
  if (larger === 0 || Math.abs(earlier.value - later.value) / larger < tolerance) return false
  // “killed 164 people” … “injured 300 people”, “takings of $21m” (Hitch) … “takings of $7.2m” (Sideways):
  // the same word before it, and a name the two sentences share.
  if (earlier.lead !== later.lead || ![...later.names].some((name) => earlier.names.has(name))) return false
  // “$1bn profit in 2003” … “$2bn profit in 2004”, “in 1999 produced 180,000 cars” … “that year … 56,000 cars”:
  // years must not tell the two apart.
  if (earlier.years.length === 0 && later.years.length === 0) return true
  return earlier.years.some((year) => later.years.includes(year)) && later.years.every((year) => earlier.years.includes(year))
}

/**
 * The noun a figure counts, in lower case (`bounty` of `$10 million United
 * States bounty`), from the mention; `undefined` when that noun is a name
 * (`7 Tim Henman`, `seven million Ethiopians`) or a generic one (`people`).
 */
function nounAt(tokens: readonly Token[], end: number): string | undefined {
  for (let index = end; index < Math.min(tokens.length, end + 4); index++) {
    const token = tokens[index]
    if (token.kind !== 'word') return undefined
    const singular = token.lower.replace(/(?<=[^s])s$/, '')
    // “38% disagreed”: a verb, not a noun.
    if (stopWords.has(token.lower) || (!token.capitalized && pastForm.test(token.lower))) return undefined
    if (!token.capitalized && !skippedBefore.has(token.lower)) return genericNouns.has(singular) ? undefined : singular
  }
  return undefined
}

/** `from $639m`, `to $1.13bn`, `rose 76%`, `$3 billion to $5 billion`, `700 to 800 people`, `one in 13 pupils`, `other seven`. */
function isChangeOrRange(tokens: readonly Token[], first: number, after: number): boolean {
  const before = tokens[first - 1]?.lower
  const next = tokens[after]?.lower
  if (before !== undefined && changeWords.has(before)) return true
  if (before === 'in' && /^(?:one|\d+)$/.test(tokens[first - 2]?.lower ?? '')) return true
  // “two out of 16 principal dancers”.
  if (before === 'of' && tokens[first - 2]?.lower === 'out') return true
  // “$40 a barrel”, “£4.99 per month”, “30% more”: a rate or a comparison.
  if (next !== undefined && (comparatives.has(next) || rateWords.has(next))) return true
  return (next === 'to' || next === '-' || next === 'and' || next === 'or') && /^[\d$£€¥]/.test(tokens[after + 1]?.text ?? '')
}

/** The content word before a figure, past determiners and possessives: `has` in `has a $10 million bounty`. */
function leadOf(tokens: readonly Token[], first: number): string | undefined {
  for (let index = first - 1; index >= 0 && first - index <= 4; index--) {
    const token = tokens[index]
    if (token.kind !== 'word') return undefined
    if (!skippedBefore.has(token.lower)) return token.capitalized ? undefined : token.lower
  }
  return undefined
}
