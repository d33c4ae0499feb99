/**
 * Numeric expressions read from a sentence's tokens, before their context
 * classifies them: digits with their groups, symbols, scales, percent and
 * currency words (`$` `10` `million`, `70` `,` `000`, `16.057` `%`), spelled
 * numbers (`Fifty-one percent`, `five-and-a-half`), fractions (`a third`),
 * vague quantities (`hundreds of`), and words whose shape alone gives the
 * class (`7:29`, `3-2`, `67-year-old`, `13th`, `1990s`, `5-gallon`, `F-16`).
 */
import type {Token} from '../speakers/tokens.js'
import type {NumberKind} from './find.js'
import * as lexicon from './lexicon.js'
import {lowerCase} from '../../parse/node-text.js'

/** An expression: token range `[from, to)`, its value and unit, and its kind when its shape decides it. */
export interface Expression {
  from: number
  to: number
  value: number | undefined
  unit: string | undefined
  kind: NumberKind | undefined
  spelled: boolean
}

// Shapes of single digit words.
// "7:29", "15:49"; not "7.29".
const clockShape = /^\d{1,2}:\d\d(?::\d\d)?$/
// "3-2", "112-107", "3-to-2"; not "3-pointer".
const scoreShape = /^\d+-(?:to-)?\d+$/
// "67-year-old", "17-years-old", "2-month-old", "67-year-old’s"; not "67-year".
export const ageShape = /^\d+-(?:year|month|week|day)s?-olds?(?:['’]s)?$/i
// "13th", "1st", "11th-hour"; not "13".
const ordinalShape = /^\d+(?:st|nd|rd|th)(?:-|$)/i
// "1990s", "'90s", "1980s’"; not "1990".
const decadeShape = /^(?:\d{4}|['’]\d\d)s['’]?$/
// "5-gallon", "16-inch", "10-year", "3-pointer"; not "3-2".
const compoundShape = /^\d+(?:\.\d+)?-([a-z]+)/i
// "F-16", "G7", "COVID-19", "M4", "A380", "F-16s", "G7's", "Q3"; not "5bn" or "1.1m".
const designationShape = /^[A-Z][A-Za-z]{0,4}-?\d+[a-z]?(?:['’]s)?$/
// "9/11", "24/7", "1/2", "10/12/2019".
const slashShape = /^\d+\/\d+(?:\/\d+)?$/
// A word that opens with a digit: "10", "5bn", "1.1m"; not "F-16".
export const digitStart = /^\d/
// A currency code written before a number with a space: "Rs", "Rs.", "USD"; not "A" (an article) or "US".
const spacedCode = /^(?:rs\.?|inr|usd|gbp|eur|aud|cad|nzd|hkd|rmb)$/

/** The expression that starts at `index`, if one does. */
export function readExpression(tokens: readonly Token[], index: number): Expression | undefined {
  const token = tokens[index]
  const currency = token.kind === 'symbol' ? lexicon.currencySymbols.get(token.text) : undefined
  if (currency && isDigitWord(tokens[index + 1]) && !tokens[index + 1].spaceBefore) {
    // “US$5”: a currency code glued before the symbol.
    const code = tokens[index - 1]
    const from = code && !token.spaceBefore && lexicon.currencyCodes.get(code.lower) ? index - 1 : index
    const number = readDigits(tokens, index + 1)
    return {...number, from, kind: 'money', unit: currencyCodeOf(tokens[from]) ?? currency}
  }
  if (token.kind !== 'word') return undefined
  // “Rs 500”: a currency code before the number.
  if (token.capitalized && spacedCode.test(token.lower) && isDigitWord(tokens[index + 1])) {
    const number = readDigits(tokens, index + 1)
    return {...number, from: index, kind: 'money', unit: lexicon.currencyCodes.get(token.lower.replace(/\.$/, ''))}
  }
  if (startsWithDigit(token.text)) return readDigitWord(tokens, index)
  if (designationShape.test(token.text)) return {from: index, to: index + 1, value: undefined, unit: undefined, kind: 'designation', spelled: false}
  return readSpelled(tokens, index)
}

function readDigitWord(tokens: readonly Token[], index: number): Expression {
  const text = tokens[index].text
  const single = (kind: NumberKind): Expression => ({from: index, to: index + 1, value: undefined, unit: undefined, kind, spelled: false})
  if (clockShape.test(text)) return single('time')
  if (scoreShape.test(text)) return single('score')
  if (ageShape.test(text)) return single('age')
  if (ordinalShape.test(text)) return single('ordinal')
  if (decadeShape.test(text)) return single('date')
  if (slashShape.test(text)) return single('date')
  const compound = compoundShape.exec(text)
  if (compound) return single(compoundKind(compound[1]))
  if (lexicon.digitValue(text) === undefined) return single('designation')
  if (lexicon.trackDistances.has(lowerCase(text))) return single('measure')
  // “Olympic 10,000m champion”: a track distance split at its comma.
  const group = tokens[index + 2]
  if (tokens[index + 1]?.text === ',' && group && !group.spaceBefore && lexicon.trackDistances.has(lowerCase(text + group.text))) {
    return {from: index, to: index + 3, value: undefined, unit: undefined, kind: 'measure', spelled: false}
  }
  // “a clearance of 1.87m”, “cleared 4.88m”: a height or a throw in metres, not millions.
  if (fieldShape.test(text) && isFieldEvent(tokens, index)) return single('measure')
  return readDigits(tokens, index)
}

/** `70` `,` `000` and scale, percent and currency words after: `$10 million`, `16.057%`, `500 rupees`. */
function readDigits(tokens: readonly Token[], index: number): Expression {
  let to = index + 1
  let text = tokens[index].text
  // “70,000”: digit groups split at their commas.
  while (tokens[to]?.text === ',' && !tokens[to].spaceBefore && lexicon.digitGroup.test(tokens[to + 1]?.text ?? '') && !tokens[to + 1].spaceBefore) {
    text += tokens[to + 1].text
    to += 2
  }
  const expression: Expression = {from: index, to, value: lexicon.digitValue(text), unit: undefined, kind: undefined, spelled: false}
  readUnits(tokens, expression)
  return expression
}

/** Spelled numbers: `three million`, `Fifty-one percent`, `a third`, `hundreds`, `five-member`. */
function readSpelled(tokens: readonly Token[], index: number): Expression | undefined {
  const token = tokens[index]
  const lower = token.lower
  if (lexicon.vagueWords.has(lower) && index + 1 < tokens.length) {
    // “hundreds of”, “tens of millions of”.
    let to = index + 1
    while (tokens[to]?.lower === 'of' && lexicon.vagueWords.has(tokens[to + 1]?.lower ?? '')) to += 2
    return tokens[to]?.lower === 'of' ? {from: index, to, value: undefined, unit: undefined, kind: 'approximate', spelled: true} : undefined
  }
  const fraction = readFraction(tokens, index)
  if (fraction) return fraction
  const value = lexicon.spelledValue(lower)
  if (value === undefined) {
    const hyphen = lower.indexOf('-')
    if (hyphen === -1) return undefined
    // “five-member”, “four-game”, “Six-Day”: a spelled number joined to a noun (no split: most hyphenated words are none).
    const first = lower.slice(0, hyphen)
    if (lexicon.unitWords.get(first) !== undefined && lexicon.spelledValue(first) !== undefined) {
      const head = lower.slice(lower.lastIndexOf('-') + 1)
      return {from: index, to: index + 1, value: undefined, unit: undefined, kind: compoundKind(head), spelled: true}
    }
    return undefined
  }
  const expression: Expression = {from: index, to: index + 1, value, unit: undefined, kind: undefined, spelled: true}
  readUnits(tokens, expression)
  return expression
}

/** `a third`, `one quarter`, `two-thirds`, `half` (not `first half`, `half-time`). */
function readFraction(tokens: readonly Token[], index: number): Expression | undefined {
  const lower = tokens[index].lower
  // “two-thirds”: one hyphen (most words have none: no split).
  const hyphen = lower.indexOf('-')
  if (hyphen !== -1 && lower.indexOf('-', hyphen + 1) === -1) {
    const units = lexicon.unitWords.get(lower.slice(0, hyphen))
    const part = lexicon.fractionWords.get(lower.slice(hyphen + 1))
    if (units !== undefined && part !== undefined) return fraction(index, index + 1, units * part)
  }
  const next = tokens[index + 1]
  if ((lower === 'a' || lower === 'one') && next?.kind === 'word' && next.lower !== 'halves') {
    const part = lexicon.fractionWords.get(next.lower)
    if (part !== undefined) return fraction(index, index + 2, part)
  }
  const previous = tokens[index - 1]
  if (lower === 'half' && !lexicon.ordinalWords.has(previous?.lower ?? '') && previous?.lower !== 'the') return fraction(index, index + 1, 0.5)
  return undefined
}

function fraction(from: number, to: number, value: number): Expression {
  return {from, to, value, unit: undefined, kind: 'fraction', spelled: true}
}

/** Scale, percent and currency words after a number: `10 million`, `10 per cent`, `500 rupees`, `5 percentage points`. */
function readUnits(tokens: readonly Token[], expression: Expression): void {
  let to = expression.to
  const scaleOf = (token: Token | undefined) => (token?.kind === 'word' && token.spaceBefore ? lexicon.scaleWords.get(token.lower) : undefined)
  for (let scale = scaleOf(tokens[to]); scale !== undefined; scale = scaleOf(tokens[to])) {
    if (expression.value !== undefined) expression.value *= scale
    to++
  }
  const next = tokens[to]
  if (next?.text === '%' || (next?.kind === 'word' && lexicon.percentWords.has(next.lower))) {
    expression.kind = 'percent'
    expression.unit = '%'
    to++
  } else if (next?.lower === 'per' && tokens[to + 1]?.lower === 'cent') {
    expression.kind = 'percent'
    expression.unit = '%'
    to += 2
  } else if (next?.lower === 'percentage' && /^points?$/.test(tokens[to + 1]?.lower ?? '')) {
    expression.kind = 'percent'
    expression.unit = '%'
    to += 2
  } else if (next?.kind === 'word' && lexicon.currencyWords.get(next.lower) && expression.kind !== 'money' && !isVerbWon(tokens, to)) {
    expression.kind = 'money'
    expression.unit = lexicon.currencyWords.get(next.lower)
    to++
  }
  expression.to = to
}

// Metres with two decimals at most and under 100: "1.87m", "5.45m", "68.5m"; not "1.1m people" in other contexts, "120m".
const fieldShape = /^\d{1,2}\.\d{1,2}m$/i

/** A field-event word (`clearance`, `cleared`, `vault`, `throw`) up to three words before. */
function isFieldEvent(tokens: readonly Token[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) if (lexicon.fieldWords.has(tokens[back].lower)) return true
  return false
}

/** `Burnout 3 won three awards`: the verb, not the Korean currency (`5bn won ($4.5m)`). */
function isVerbWon(tokens: readonly Token[], at: number): boolean {
  return tokens[at].lower === 'won' && tokens[at + 1]?.kind === 'word'
}

/** `digitStart.test(text)` without a regex: this runs on every word. */
function startsWithDigit(text: string): boolean {
  const code = text.charCodeAt(0)
  return code >= 48 && code <= 57
}

function isDigitWord(token: Token | undefined): token is Token {
  return token?.kind === 'word' && lexicon.digitValue(token.text) !== undefined
}

function currencyCodeOf(token: Token): string | undefined {
  return token.kind === 'word' ? lexicon.currencyCodes.get(token.lower) : undefined
}

/** The kind a hyphenated number-noun compound gives: `10-year` duration, `3-pointer` score, `5-gallon` measure. */
function compoundKind(head: string): NumberKind {
  if (lexicon.timeUnits.has(head)) return 'duration'
  if (lexicon.statNouns.has(head)) return 'score'
  return 'measure'
}
