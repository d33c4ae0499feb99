/**
 * Flag sentences that are hard to read for the target age, by the formulas of
 * retext-readability (Dale–Chall, Automated Readability, Coleman–Liau,
 * Flesch, Gunning fog, SMOG, Spache), which this rule wraps unchanged.
 * Why: a news sentence that needs a college reader loses most readers.
 * Limits: formulas count syllables and word lists, not meaning; names and
 * numbers make a sentence look harder than it is.
 */
import retextReadability from 'retext-readability'
import {defineRule} from '../src/define-rule.js'

export interface Options {
  /** Target reader age (default: `16`). */
  readonly age: number
  /** Sentences with fewer words are not judged (default: `5`). */
  readonly minWords: number
  /** Share of the formulas that must agree (default: `4 / 7`). */
  readonly threshold: number
}

export default defineRule<Options>(
  {
    id: 'readability',
    severity: 'info',
    summary: 'hard-to-read sentences for the target reader age (retext-readability)',
    fixable: false,
    options: {
      age: {kind: 'number', default: 16, min: 1, description: 'Target reader age'},
      minWords: {kind: 'integer', default: 5, min: 0, description: 'Shortest sentence judged, in words'},
      threshold: {kind: 'number', default: 4 / 7, min: 0, description: 'Share of formulas that must agree'}
    }
  },
  (tree, file, options) => {
    retextReadability(options)(tree, file)
  }
)
