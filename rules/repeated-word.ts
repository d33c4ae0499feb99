/**
 * Flag a word repeated right after itself ("the the"), by retext-repeated-words,
 * which this rule wraps unchanged; it already accepts "had had", "that that" and
 * the like.
 * Why: a doubled word is a slip every reader sees.
 * Limits: only adjacent words separated by white space are compared.
 */
import retextRepeatedWords from 'retext-repeated-words'
import {defineRule} from '../src/define-rule.js'

export type Options = Record<string, never>

export default defineRule<Options>(
  {
    id: 'repeated-word',
    severity: 'error',
    summary: 'a word repeated right after itself ("the the"; retext-repeated-words)',
    fixable: true,
    options: {}
  },
  (tree, file) => {
    retextRepeatedWords()(tree, file)
  }
)
