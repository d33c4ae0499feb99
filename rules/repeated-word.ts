/**
 * Flag a word repeated right after itself ("the the"), by retext-repeated-words,
 * which this rule wraps unchanged; it already accepts "had had", "that that" and
 * the like.
 * Why: a doubled word is a slip every reader sees.
 * Limits: only adjacent words separated by white space are compared.
 */
import type {Parent, Sentence} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import {defineRule} from '../src/rule-api/define-rule.js'
import {lowerCase, nodeText} from '../src/parse/node-text.js'

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
    // The plugin walks every sentence and allocates per word; only the few sentences where a
    // word follows itself can give a message, so it is given those alone, in document order.
    const candidates: Sentence[] = []
    collectDoubled(tree, candidates)
    if (candidates.length > 0) retextRepeatedWords()({type: 'RootNode', children: candidates}, file)
  }
)

/** The sentences under `node` with a doubled word, in order, as `visit(node, 'SentenceNode', …)` finds sentences. */
function collectDoubled(node: Parent, found: Sentence[]): void {
  for (const child of node.children) {
    if (child.type === 'SentenceNode') {
      if (hasDoubledWord(child)) found.push(child)
    } else if ('children' in child) {
      collectDoubled(child, found)
    }
  }
}

/** Whether a word follows the same word (in any case) across one white space: `the the`. */
function hasDoubledWord(sentence: Sentence): boolean {
  const children = sentence.children
  for (let index = 2; index < children.length; index++) {
    const first = children[index - 2]
    const second = children[index]
    if (second.type !== 'WordNode' || children[index - 1].type !== 'WhiteSpaceNode' || first.type !== 'WordNode') continue
    if (isSameCaseless(nodeText(first), nodeText(second))) return true
  }
  return false
}

/**
 * `a.toLowerCase() === b.toLowerCase()`, without lower-casing two ASCII words
 * of different lengths (most pairs: `The president`), which cannot match.
 */
function isSameCaseless(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length !== b.length && isAscii(a) && isAscii(b)) return false
  return lowerCase(a) === lowerCase(b)
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 128) return false
  return true
}
