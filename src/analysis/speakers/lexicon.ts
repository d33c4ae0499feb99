/**
 * The speaker model's word lists, kept as data (`data/*.json`): reporting
 * cues, titles and roles, name particles, words that never name a person,
 * vague sources and pronouns.
 */
import cues from './data/cues.json' with {type: 'json'}
import nonPersons from './data/non-persons.json' with {type: 'json'}
import titles from './data/titles.json' with {type: 'json'}
import {lowerCase} from '../../parse/node-text.js'

export const strongCues: ReadonlySet<string> = new Set(cues.strong)
export const weakCues: ReadonlySet<string> = new Set(cues.weak)
export const titleWords: ReadonlySet<string> = new Set(titles.titles)
export const titleHeads: ReadonlySet<string> = new Set(titles.heads)
export const nameParticles: ReadonlySet<string> = new Set(titles.particles)
export const notNames: ReadonlySet<string> = new Set(nonPersons.words)
export const vagueSources: ReadonlySet<string> = new Set(nonPersons.vague)
export const pronouns: Readonly<Record<string, string>> = nonPersons.pronouns

/** `Gen.` → `gen`, `U.S.` → `u.s`: the key titles are listed under. */
export function titleKey(text: string): string {
  return lowerCase(text).replace(/\.$/, '')
}

/** `titleKey` of a word already in lower case (a token's `lower`): no second lower-casing. */
export function lowerTitleKey(lower: string): string {
  return lower.endsWith('.') ? lower.slice(0, -1) : lower
}
