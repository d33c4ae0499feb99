/**
 * Words of a node as comparable keys: lower case letters and digits only.
 * “U.S.” and “US”, “Lakers’” and "Lakers'" give the same keys, so copies that
 * differ only in case, spacing, punctuation or quote style match.
 */
import type {Node, Parent} from 'unist'
import type {Word} from 'nlcst'
import {nodeText} from './text.js'

// Everything but letters and digits: the dots of “U.S.”, the hyphen of “al-Khaled”, “’”.
const notLetterOrDigit = /[^\p{L}\p{N}]+/gu

/** The words of `node` (a paragraph, a sentence or a root), normalised. */
export function normalizedWords(node: Node): string[] {
  const words: string[] = []
  collect(node as Parent, words)
  return words
}

// A direct walk: paragraphs hold sentences, sentences hold words (much cheaper than a visitor).
function collect(node: Parent, words: string[]): void {
  for (const child of node.children) {
    if (child.type === 'WordNode') {
      const lower = nodeText(child as Word).toLowerCase()
      const key = isPlainKey(lower) ? lower : lower.replace(notLetterOrDigit, '')
      if (key) words.push(key)
    } else if ('children' in child) {
      collect(child as Parent, words)
    }
  }
}

/** Whether a lower-case word is ASCII letters and digits only (most are): it is its own key, no regex needed. */
function isPlainKey(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return false
  }
  return true
}
