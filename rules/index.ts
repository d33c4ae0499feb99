/**
 * The registry: every rule, sorted by id. Conformance tests check that it
 * matches the files in `rules/`.
 */
import type {Rule} from '../src/rule-api/define-rule.js'
import attributionMismatch from './attribution-mismatch.js'
import boilerplate from './boilerplate.js'
import fragment from './fragment.js'
import gluedWords from './glued-words.js'
import numberConsistency from './number-consistency.js'
import readability from './readability.js'
import repeatedParagraph from './repeated-paragraph.js'
import repeatedWord from './repeated-word.js'
import sharedParagraph from './shared-paragraph.js'
import unattributedQuote from './unattributed-quote.js'
import unintroducedPerson from './unintroduced-person.js'
import unsourcedNumber from './unsourced-number.js'
import vagueAttribution from './vague-attribution.js'

export const rules: readonly Rule[] = [attributionMismatch, boilerplate, fragment, gluedWords, numberConsistency, readability, repeatedParagraph, repeatedWord, sharedParagraph, unattributedQuote, unintroducedPerson, unsourcedNumber, vagueAttribution]

export const ruleIds: readonly string[] = rules.map((rule) => rule.meta.id)

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id)
}
