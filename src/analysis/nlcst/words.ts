/**
 * Words of a node as comparable keys: lower case letters and digits only.
 * “U.S.” and “US”, “Lakers’” and "Lakers'" give the same keys, so copies that
 * differ only in case, spacing, punctuation or quote style match.
 */
import type {Node, Parent} from 'unist'
import type {Word} from 'nlcst'
import {lowerCase, nodeText} from '../../parse/node-text.js'

// Everything but letters and digits: the dots of “U.S.”, the hyphen of “al-Khaled”, “’”.
const notLetterOrDigit = /[^\p{L}\p{N}]+/gu

/** The words of `node` (a paragraph, a sentence or a root), normalised. */
export function normalizedWords(node: Node): string[] {
  // Collected into a scratch list, then copied at its exact size: growing a new list by `push`
  // copies it about twice over. (Words of an earlier node past `count` wait to be overwritten.)
  const count = collect(node as Parent, scratch, 0)
  return scratch.slice(0, count)
}

const scratch: string[] = []

// A direct walk: paragraphs hold sentences, sentences hold words (much cheaper than a visitor).
// Fills `words` from `index`; returns the index past the last key.
function collect(node: Parent, words: string[], index: number): number {
  for (const child of node.children) {
    if (child.type === 'WordNode') {
      const lower = lowerCase(nodeText(child as Word))
      const key = isPlainKey(lower) ? lower : lower.replace(notLetterOrDigit, '')
      if (!key) continue
      if (index === words.length) words.push(key)
      else words[index] = key
      index++
    } else if ('children' in child) {
      index = collect(child as Parent, words, index)
    }
  }
  return index
}

/** Whether a lower-case word is ASCII letters and digits only (most are): it is its own key, no regex needed. */
function isPlainKey(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return false
  }
  return true
}
