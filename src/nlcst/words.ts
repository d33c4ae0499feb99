/**
 * Words of a node as comparable keys: lower case letters and digits only.
 * “U.S.” and “US”, “Lakers’” and "Lakers'" give the same keys, so copies that
 * differ only in case, spacing, punctuation or quote style match.
 */
import type {Node, Parent} from 'unist'
import {toString} from 'nlcst-to-string'

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
      const key = toString(child as Parameters<typeof toString>[0]).toLowerCase().replace(notLetterOrDigit, '')
      if (key) words.push(key)
    } else if ('children' in child) {
      collect(child as Parent, words)
    }
  }
}
