/**
 * Numeric expressions in a sentence, read from its flat tokens and classified:
 * money (`$10 million`, `£500,000`, `$5bn`), percentages (`16.057%`, `Fifty-one
 * percent`), counts (`70,000 people`, `three million`), casualty counts
 * (`killed 164 people`, `50 dead`), spelled fractions (`a third`), vague
 * quantities (`hundreds of`), and the numbers that are not figures: dates,
 * years, clock times, ages (`67-year-old`), ordinals (`13th`), designations
 * (`F-16`, `Article 370`), durations (`two months`), measures (`13.3 inches`,
 * `5-gallon`) and scores (`3-2`, `25 points`).
 * Split tokens are joined again: `$` `10` `million`, `70` `,` `000`
 * (read.ts); the class comes from the expression's shape or its context
 * (classify.ts).
 * Limits: no arithmetic phrases (`one in five`); `m` after digits is read as
 * million (`1.1m`), metres only for track distances (`400m`).
 */
import type {SentenceInfo} from '../types.js'
import type {Token} from '../speakers/tokens.js'
import {classify} from './classify.js'
import * as lexicon from './lexicon.js'
import {readExpression} from './read.js'

export type NumberKind =
  | 'money' | 'percent' | 'count' | 'casualty' | 'fraction' | 'approximate'
  | 'date' | 'year' | 'time' | 'age' | 'ordinal' | 'designation' | 'duration' | 'measure' | 'score'

/** A numeric expression and its class. */
export interface NumberMention {
  readonly sentence: SentenceInfo
  /** Source offsets of the expression (`$10 million`, without `nearly`). */
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: NumberKind
  /** The quantity, scale included (`$10 million` → 10000000), when it can be read. */
  readonly value: number | undefined
  /** Currency code of money (`USD`), `%` for a percentage. */
  readonly unit: string | undefined
  /** Hedged: `nearly`, `more than`, `up to`, `an estimated` … before it. */
  readonly approximate: boolean
}

/** Kinds that state a factual figure; the others are dates, names, ages and the like. */
export const figureKinds: ReadonlySet<NumberKind> = new Set(['money', 'percent', 'count', 'casualty'])

// A number with the sentence's full stop stuck to it: "15.", "£40."; not "15" or "1.5".
const stuckStop = /\d\.$/

/** The numeric expressions of one sentence, in order. */
export function findNumbers(sentence: SentenceInfo, tokens: readonly Token[], value: string): NumberMention[] {
  const mentions: NumberMention[] = []
  let index = 0
  while (index < tokens.length) {
    const expression = readExpression(tokens, index)
    if (!expression) {
      index++
      continue
    }
    const kind = expression.kind ?? classify(tokens, expression, mentions)
    const start = tokens[expression.from].start
    const last = tokens[expression.to - 1]
    // “cut by £40.”: the full stop parse-english left on the number is not part of it.
    const end = last.end - (stuckStop.test(last.text) ? 1 : 0)
    // A figure with no source text at its place (tokens the parser could not place) cannot be named.
    if (end <= start) {
      index = expression.to
      continue
    }
    mentions.push({
      sentence,
      start,
      end,
      text: value.slice(start, end),
      kind,
      value: expression.value,
      unit: expression.unit,
      approximate: isHedged(tokens, expression.from)
    })
    index = expression.to
  }
  return mentions
}

/** `nearly`, `more than`, `at least`, `up to`, `an estimated` before `from`. */
function isHedged(tokens: readonly Token[], from: number): boolean {
  const previous = tokens[from - 1]?.lower
  const before = tokens[from - 2]?.lower
  if (previous === undefined) return false
  if (previous === 'to' && before === 'up') return true
  return lexicon.approximators.has(previous) || (previous === 'many' && before === 'as')
}
