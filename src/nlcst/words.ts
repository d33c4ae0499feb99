/**
 * Words of a node as comparable keys: lower case letters and digits only.
 * “U.S.” and “US”, “Lakers’” and "Lakers'" give the same keys, so copies that
 * differ only in case, spacing, punctuation or quote style match.
 */
import type {Node} from 'unist'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'

// Everything but letters and digits: the dots of “U.S.”, the hyphen of “al-Khaled”, “’”.
const notLetterOrDigit = /[^\p{L}\p{N}]+/gu

/** The words of `node`, normalised. */
export function normalizedWords(node: Node): string[] {
  const words: string[] = []
  visit(node, 'WordNode', (word) => {
    const key = toString(word as Parameters<typeof toString>[0]).toLowerCase().replace(notLetterOrDigit, '')
    if (key) words.push(key)
  })
  return words
}
