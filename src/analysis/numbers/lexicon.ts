/**
 * The number layer's word lists, kept as data (`data/*.json`), and the small
 * readers built on them: the value of a digit word (`16.057`, `5bn`, `1.1m`)
 * or a spelled one (`five`, `fifty-one`, `five-and-a-half`).
 */
import context from './data/context.json' with {type: 'json'}
import numberWords from './data/number-words.json' with {type: 'json'}
import units from './data/units.json' with {type: 'json'}
import {lowerCase} from '../../parse/node-text.js'

const lower = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((word) => word.toLowerCase()))

/**
 * A word list's record as a Map: only its own entries, so `constructor` or
 * `valueOf` is no number word, and no property lookup by a string made at
 * run time (several times a Map's cost, for every word).
 */
function lookup<Value>(record: Readonly<Record<string, Value>>): ReadonlyMap<string, Value> {
  return new Map(Object.entries(record))
}

export const unitWords = lookup<number>(numberWords.units)
export const scaleWords = lookup<number>(numberWords.scales)
export const ordinalWords = lower(numberWords.ordinals)
export const fractionWords = lookup<number>(numberWords.fractions)
export const vagueWords = lower(numberWords.vague)
const suffixScales = lookup<number>(numberWords.suffixes)

export const currencySymbols = lookup<string>(units.currencySymbols)
export const currencyCodes = lookup<string>(units.currencyCodes)
export const currencyWords = lookup<string>(units.currencyWords)
export const percentWords = lower(units.percentWords)
export const timeUnits = lower(units.timeUnits)
export const clockWords = lower(units.clockWords)
export const monthWords = lower(units.months)
export const weekdayWords = lower(units.weekdays)
export const measureWords = lower(units.measures)
export const statNouns = lower(units.statNouns)
/** Words of field events before a height or distance in metres: `cleared 4.88m`, `a throw of 68.5m`. */
export const fieldWords = lower(units.fieldWords)
/** Track events in metres: the `400m` of “the final 400m” is a distance, not 400 million. */
export const trackDistances: ReadonlySet<string> = new Set(units.trackDistances.map((distance) => distance + 'm'))

export const casualtyNouns = lower(context.casualtyNouns)
export const casualtyVerbs = lower(context.casualtyVerbs)
export const approximators = lower(context.approximators)
export const yearContext = lower(context.yearContext)
export const ageWords = lower(context.ageWords)
export const beWords = lower(context.beWords)
export const stopWords = lower(context.stopWords)
/** Words before a rank or a name number: `world number 30`, `No 10`, `Article 370`. */
export const rankWords = lower(context.rankWords)
/** Words between a casualty verb and its count: `killed at least 20`, `death toll rose to 30`. */
export const tollWords = lower(context.tollWords)

// A digit word with an optional decimal part and scale suffix: "10", "16.057", "5bn", "1.1m", and "15." where a
// sentence's full stop stuck to it; not "F-16" or "3-2".
const digitWord = /^(\d+(?:\.\d+)?)([a-z]{0,3})\.?$/i
// A group of three digits that carries on a number split at its comma: the "000" of "70,000", "000." at a
// sentence end; not "0001" or "00a".
export const digitGroup = /^\d{3}\.?$/

/** The value of a digit word, with its suffix scale: `5bn` → 5e9; `undefined` for other words. */
export function digitValue(word: string): number | undefined {
  const match = digitWord.exec(word)
  if (!match) return undefined
  const [, digits, suffix] = match
  if (suffix === '') return Number(digits)
  const scale = suffixScales.get(suffix.toLowerCase())
  return scale === undefined ? undefined : Number(digits) * scale
}

/**
 * The value of a spelled number word: `five` → 5, `Fifty-one` → 51,
 * `five-and-a-half` → 5.5; `undefined` for anything else (`fifth`, `one-day`).
 */
export function spelledValue(word: string): number | undefined {
  const lower = lowerCase(word)
  // Most words have no hyphen: one lookup, no split.
  const hyphen = lower.indexOf('-')
  if (hyphen === -1) return unitWords.get(lower)
  // “high-speed”: most hyphenated words start with no number word, settled without a split.
  if (unitWords.get(lower.slice(0, hyphen)) === undefined) return undefined
  const parts = lower.split('-')
  let total = 0
  for (let index = 0; index < parts.length; index++) {
    // “five-and-a-half”: a half on top.
    if (index > 0 && parts.slice(index).join('-') === 'and-a-half') return total + 0.5
    const value = unitWords.get(parts[index])
    // “fifty-one”, not “one-two” or “ten-five”.
    if (value === undefined || (index > 0 && !(total % 10 === 0 && total >= 20 && value < 10))) return undefined
    total += value
  }
  return total
}

/** `reportedly`: lower case with straight apostrophes, for lookups. */
export function keyOf(text: string): string {
  return lowerCase(text).replace(/’/g, "'")
}
