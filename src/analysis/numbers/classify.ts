/**
 * The class of a numeric expression from its context, for the expressions
 * whose shape leaves it open: clock words (`4 a.m.`), ages (`aged 26`,
 * `Khan, 65,`), dates and years (`25 May`, `in 2016`), designations
 * (`Article 370`, `world number 30`), units (`four hours`, `13.3 inches`,
 * `25 points`), records (`12 of 13`), casualty counts (`killed 164 people`,
 * `50 dead`) and, failing all, counts.
 */
import type {Token} from '../speakers/tokens.js'
import type {NumberKind, NumberMention} from './find.js'
import * as lexicon from './lexicon.js'
import {keyOf} from './lexicon.js'
import {ageShape, digitStart, type Expression} from './read.js'

// A year: 1800–2099; not "1799" or "2100".
const yearShape = /^(?:18|19|20)\d\d$/
// A year before 1800, read as one only after `in`, `since`, `from` …: "1695"; not "1500 troops".
const oldYearShape = /^1[0-7]\d\d$/
const oldYearContext: ReadonlySet<string> = new Set(['in', 'since', 'from', 'until', 'till', 'circa', 'before', 'after', 'during'])

/** A class from context, for expressions their shape leaves open. */
export function classify(tokens: readonly Token[], expression: Expression, before: readonly NumberMention[]): NumberKind {
  const {from, to} = expression
  const previous = tokens[from - 1]
  const next = tokens[to]
  const text = tokens[from].text
  if (next && lexicon.clockWords.has(next.lower)) return 'time'
  if (isAge(tokens, from, to)) return 'age'
  if (isDate(tokens, from, to, expression)) return yearShape.test(text) ? 'year' : 'date'
  if (isDesignation(tokens, from, to, expression)) return 'designation'
  const unit = unitAfter(tokens, to) ?? sharedUnit(tokens, to)
  if (unit && lexicon.timeUnits.has(unit.lower)) return 'duration'
  if (unit && lexicon.measureWords.has(unit.lower) && !expression.spelled) return 'measure'
  if (unit && lexicon.statNouns.has(unit.lower) && !isMargin(tokens, from)) return 'score'
  // “won 12 of 13”: a record; “125 out of 128 attacks” counts attacks.
  if (isRecord(tokens, from, to)) return 'score'
  if (isCasualty(tokens, from, to, before)) return 'casualty'
  return 'count'
}

/** `67-year-old`, `aged 26`, `20 year-old`, `12 to 17-years-old`, `Khan, 65, told`. */
function isAge(tokens: readonly Token[], from: number, to: number): boolean {
  const next = tokens[to]
  if (next && /^(?:years?-old|-year-old)/i.test(next.text)) return true
  if (next?.lower === 'years' && tokens[to + 1]?.lower === 'old') return true
  if (next?.lower === 'to' && ageShape.test(tokens[to + 1]?.text ?? '')) return true
  for (let back = from - 1; back >= Math.max(0, from - 3); back--) if (lexicon.ageWords.has(tokens[back].lower)) return true
  // “Khan, 65, told”: a number between commas after a name.
  const previous = tokens[from - 1]
  return previous?.text === ',' && next?.text === ',' && tokens[from - 2]?.capitalized === true && to === from + 1
}

/** `25 May`, `Nov. 19`, `May 2019`, `in 2016`, `the 2020 Sentra`, `2025 bond`. */
function isDate(tokens: readonly Token[], from: number, to: number, expression: Expression): boolean {
  const previous = tokens[from - 1]
  const next = tokens[to]
  const plain = to === from + 1 && expression.unit === undefined
  if (!plain) return false
  if (previous && lexicon.monthWords.has(previous.lower)) return true
  if (next && lexicon.monthWords.has(next.lower) && next.capitalized) return true
  // “laws dating from 1695”: an earlier year after a word that introduces one.
  if (oldYearShape.test(tokens[from].text) && previous && oldYearContext.has(previous.lower)) return true
  if (!yearShape.test(tokens[from].text)) return false
  // “2,000 people” is grouped; “in 2016” and “the 2016 election” are years, “1500 troops” is a count.
  if (previous && lexicon.yearContext.has(previous.lower)) return true
  return !(next?.kind === 'word' && !next.capitalized && next.lower.endsWith('s') && !lexicon.stopWords.has(next.lower))
}

/** `Article 370`, `Week 13`, `Boeing 737`, `No. 10`, `Fathers 4 Justice`, `Six-Day War`. */
function isDesignation(tokens: readonly Token[], from: number, to: number, expression: Expression): boolean {
  const token = tokens[from]
  const previous = tokens[from - 1]
  const next = tokens[to]
  if (expression.spelled) return token.capitalized && from > 0 && next?.capitalized === true && next.kind === 'word'
  if (to !== from + 1 || expression.unit !== undefined || !/^\d+\.?$/.test(token.text)) return false
  if (previous?.text === '.' && tokens[from - 2]?.lower === 'no') return true
  if (previous?.text === '#' && !token.spaceBefore) return true
  if (previous && lexicon.rankWords.has(previous.lower)) return true
  if (!previous || previous.kind !== 'word' || !previous.capitalized || from - 1 === 0) return false
  const key = keyOf(previous.text)
  // “On Monday 50 people …”: a day or month name is no name for the number.
  return !lexicon.monthWords.has(key) && !lexicon.weekdayWords.has(key) && !lexicon.stopWords.has(key) && !lexicon.currencyCodes.get(key)
}

/** `won by 30 points`, `a margin of 20 points`: a lead, not a box score. */
function isMargin(tokens: readonly Token[], from: number): boolean {
  const previous = tokens[from - 1]?.lower
  return previous === 'by' || (previous === 'of' && ['margin', 'lead', 'majority'].includes(tokens[from - 2]?.lower ?? ''))
}

/**
 * `won 12 of 13 after …` (both numbers), `scored 20 of his season-high 31
 * points`: a record or a part of a score, not a count.
 */
function isRecord(tokens: readonly Token[], from: number, to: number): boolean {
  const wholeNumber = (token: Token | undefined) => /^\d+\.?$/.test(token?.text ?? '') || lexicon.unitWords.get(token?.lower ?? '') !== undefined
  // “12 of 13”: the second number.
  if (tokens[from - 1]?.lower === 'of' && wholeNumber(tokens[from - 2]) && !hasNounAfter(tokens, to)) return true
  let index = to
  if (tokens[index]?.lower === 'out') index++
  if (tokens[index]?.lower !== 'of') return false
  if (wholeNumber(tokens[index + 1])) return !hasNounAfter(tokens, index + 2)
  // “20 of his season-high 31 points”.
  for (let ahead = index + 1; ahead < Math.min(tokens.length, index + 6); ahead++) {
    if (tokens[ahead].kind !== 'word') break
    if (lexicon.statNouns.has(tokens[ahead].lower)) return true
  }
  return false
}

/**
 * `killed 164 people`, `left 50 dead`, `164 people were killed`, `death toll
 * rose to 30`, and a count joined to one (`… and six US citizens`).
 */
function isCasualty(tokens: readonly Token[], from: number, to: number, before: readonly NumberMention[]): boolean {
  let back = from - 1
  while (back >= 0 && (lexicon.approximators.has(tokens[back].lower) || lexicon.tollWords.has(tokens[back].lower))) back--
  if (back >= 0 && lexicon.casualtyVerbs.has(tokens[back].lower)) return true
  let ahead = to
  for (let words = 0; words < 3 && tokens[ahead]?.kind === 'word' && !lexicon.casualtyNouns.has(tokens[ahead].lower) && !lexicon.beWords.has(tokens[ahead].lower); words++) ahead++
  while (tokens[ahead]?.kind === 'word' && lexicon.beWords.has(tokens[ahead].lower)) ahead++
  if (tokens[ahead] && lexicon.casualtyNouns.has(tokens[ahead].lower)) return true
  // “164 people and six US citizens”.
  const joined = tokens[from - 1]?.lower === 'and' || tokens[from - 1]?.text === ','
  const last = before[before.length - 1]
  return joined && last?.kind === 'casualty' && tokens[from].start - last.end < 40
}

/** The unit word after a number, past one modifier: `four hours`, `17 NBA seasons`, `six consecutive games`. */
function unitAfter(tokens: readonly Token[], to: number): Token | undefined {
  const next = tokens[to]
  if (next?.kind !== 'word') return undefined
  const known = (token: Token | undefined) =>
    token?.kind === 'word' && (lexicon.timeUnits.has(token.lower) || lexicon.measureWords.has(token.lower) || lexicon.statNouns.has(token.lower))
  if (known(next)) return next
  // “4.5m people” is a count; “17 NBA seasons”, “six straight games” are units.
  return known(tokens[to + 1]) && !lexicon.stopWords.has(next.lower) ? tokens[to + 1] : undefined
}

/** `6.61 and 6.62 seconds`, `two to three years`: the unit of the next number of a pair. */
function sharedUnit(tokens: readonly Token[], to: number): Token | undefined {
  const joiner = tokens[to]?.lower
  if (joiner !== 'and' && joiner !== 'to' && joiner !== 'or') return undefined
  const next = tokens[to + 1]
  if (next?.kind !== 'word' || (lexicon.digitValue(next.text) === undefined && lexicon.spelledValue(next.lower) === undefined)) return undefined
  return unitAfter(tokens, to + 2)
}

/** Whether a noun follows, past a bracketed conversion (`$5bn (£4bn) fine`): `128 attacks`, not `13 after`. */
function hasNounAfter(tokens: readonly Token[], to: number): boolean {
  let index = to
  if (tokens[index]?.text === '(') {
    const close = tokens.findIndex((token, at) => at > index && token.text === ')')
    if (close !== -1 && close - index <= 6) index = close + 1
  }
  const token = tokens[index]
  return token?.kind === 'word' && !lexicon.stopWords.has(token.lower) && !digitStart.test(token.text)
}
