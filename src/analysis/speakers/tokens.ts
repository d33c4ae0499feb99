/**
 * A sentence as a flat list of tokens read from nlcst (words, punctuation,
 * symbols; white space folded into `spaceBefore`), with offsets from the
 * nodes. The speaker model walks these instead of the tree.
 */
import type {Sentence} from 'nlcst'
import {lowerCase, nodeText} from '../../parse/node-text.js'

export interface Token {
  readonly text: string
  readonly lower: string
  readonly kind: 'word' | 'punctuation' | 'symbol' | 'source'
  readonly start: number
  readonly end: number
  /** White space separates this token from the previous one. */
  readonly spaceBefore: boolean
  /** First letter is upper case: `Mattis`, `US`; not `al-Khodhr`, `“`. */
  readonly capitalized: boolean
}

// An upper-case letter first: “Mattis”, “Ó”, “US”.
const upperFirst = /^\p{Lu}/u
// Possessive endings folded into a word: “Trump’s”, “Mattis’”, "Saeed's".
const possessive = /['’]s?$/u

export function tokensOf(sentence: Sentence): Token[] {
  // Sized up front (white space aside): growing by `push` copies the list about twice over.
  const tokens: Token[] = new Array(sentence.children.length - whiteSpaceIn(sentence))
  let count = 0
  let space = false
  for (const child of sentence.children) {
    if (child.type === 'WhiteSpaceNode') {
      space = true
      continue
    }
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    const text = nodeText(child)
    const kind = child.type === 'WordNode' ? 'word' : child.type === 'PunctuationNode' ? 'punctuation' : child.type === 'SymbolNode' ? 'symbol' : 'source'
    tokens[count++] = {text, lower: lowerCase(text), kind, start, end, spaceBefore: space, capitalized: isCapitalized(text)}
    space = false
  }
  // Tokens without offsets were left out.
  if (count < tokens.length) tokens.length = count
  return tokens
}

function whiteSpaceIn(sentence: Sentence): number {
  let count = 0
  for (const child of sentence.children) if (child.type === 'WhiteSpaceNode') count++
  return count
}

/** `upperFirst.test(text)`, with ASCII (most tokens) settled without the Unicode regex. */
function isCapitalized(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return upperFirst.test(text)
}

/** A word without a possessive ending: `Trump’s` → `Trump`. */
export function withoutPossessive(text: string): string {
  return text.length > 2 ? text.replace(possessive, '') : text
}

/** Whether a token ends a clause for the speaker walk: `,` `;` `:` `(` quotes and dashes. */
export function isBoundary(token: Token): boolean {
  return token.kind === 'punctuation' && token.text !== '.' && token.text !== '-' && token.text !== "'" && token.text !== '’'
}
