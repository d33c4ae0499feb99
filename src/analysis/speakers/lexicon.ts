/**
 * The speaker model's word lists, kept as data (`data/*.json`): reporting
 * cues, titles and roles, name particles, words that never name a person,
 * vague sources and pronouns.
 */
import cues from './data/cues.json' with {type: 'json'}
import nonPersons from './data/non-persons.json' with {type: 'json'}
import titles from './data/titles.json' with {type: 'json'}
import firstNames from './data/first-names.json' with {type: 'json'}
import {lowerCase} from '../../parse/node-text.js'

export const strongCues: ReadonlySet<string> = new Set(cues.strong)
export const weakCues: ReadonlySet<string> = new Set(cues.weak)
/** Verbs that report speech only beside a quotation: `Trump called Cruz “a liar”`, `“Out!” he yelled`. */
export const quotingCues: ReadonlySet<string> = new Set(cues.quoting)
export const titleWords: ReadonlySet<string> = new Set(titles.titles)
export const titleHeads: ReadonlySet<string> = new Set(titles.heads)
export const nameParticles: ReadonlySet<string> = new Set(titles.particles)
export const notNames: ReadonlySet<string> = new Set(nonPersons.words)
export const vagueSources: ReadonlySet<string> = new Set(nonPersons.vague)
export const pronouns: Readonly<Record<string, string>> = nonPersons.pronouns

/** First names (US Social Security baby names, see scripts/build-first-names.ts) and their usual gender. */
const firstNameGenders = new Map<string, 'male' | 'female' | undefined>()
for (const name of firstNames.male) firstNameGenders.set(name, 'male')
for (const name of firstNames.female) firstNameGenders.set(name, 'female')
for (const name of firstNames.either) firstNameGenders.set(name, undefined)

/** Whether `name` is a first name people are given (`Janet`, `Hillary`, `Jordan`). */
export function isFirstName(name: string): boolean {
  return firstNameGenders.has(name)
}

/** The gender a first name usually has, when it has one (`Janet` → female; `Jordan` → none). */
export function firstNameGender(name: string): 'male' | 'female' | undefined {
  return firstNameGenders.get(name)
}

/** `Gen.` → `gen`, `U.S.` → `u.s`: the key titles are listed under. */
export function titleKey(text: string): string {
  return lowerCase(text).replace(/\.$/, '')
}

/** `titleKey` of a word already in lower case (a token's `lower`): no second lower-casing. */
export function lowerTitleKey(lower: string): string {
  return lower.endsWith('.') ? lower.slice(0, -1) : lower
}
