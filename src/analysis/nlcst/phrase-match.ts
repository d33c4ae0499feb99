/**
 * Phrases matched over the tokens of one block: a phrase from a word list
 * ("read more at", "photos:", "copyright ©") against the block's WordNodes
 * and marks, case-insensitively, skipping white space. Marks the phrase
 * names must be there; other marks in the text are skipped ("Like this: Like
 * Loading..." matches `like this like loading`). No re-tokenising: the words
 * are parse-english's.
 */
import type {Paragraph, ParagraphContent, SentenceContent} from 'nlcst'
import {lowerCase, nodeText} from '../../parse/node-text.js'

/** A token of a block: sentence content, or white space between sentences. */
export type BlockToken = ParagraphContent | SentenceContent

/** One item of a phrase: a lower-case word, or a mark that must be present. */
export interface PhraseItem {
  readonly text: string
  readonly isWord: boolean
}

// Curly and modifier apostrophes inside words: “Young’s” reads as "young's".
const apostrophes = /[’‘ʼ]/g
// A piece of a phrase that holds a letter or digit: "photos", "h.w."; not ":" or "©".
const wordLike = /[\p{L}\p{N}]/u
// Marks closing a phrase piece: the ":" of "photos:", the "..." of "credit..."; not the "." inside "h.w.x".
const trailingMarks = /^(.*[\p{L}\p{N}])([^\p{L}\p{N}]+)$/u

/** The tokens of a block in order: each sentence's content and the white space between. */
export function blockTokens(paragraph: Paragraph): BlockToken[] {
  // Sized up front: spreading each sentence into `push` grows and copies the list, and makes an argument list.
  let length = 0
  for (const child of paragraph.children) length += child.type === 'SentenceNode' ? child.children.length : 1
  const tokens: BlockToken[] = new Array(length)
  let index = 0
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') tokens[index++] = child
    else for (const token of child.children) tokens[index++] = token
  }
  return tokens
}

/** Index in `blockTokens(paragraph)` where each sentence starts. */
export function sentenceStarts(paragraph: Paragraph): number[] {
  const starts: number[] = []
  let index = 0
  for (const child of paragraph.children) {
    if (child.type === 'SentenceNode') starts.push(index)
    index += child.type === 'SentenceNode' ? child.children.length : 1
  }
  return starts
}

/** A word as compared: lower case, one apostrophe. */
export function wordKey(token: BlockToken): string {
  return lowerCase(nodeText(token)).replace(apostrophes, "'")
}

/** Whether a token is a word (parse-english's WordNode). */
export function isWord(token: BlockToken | undefined): boolean {
  return token?.type === 'WordNode'
}

/** Whether a token is punctuation or a symbol. */
export function isMark(token: BlockToken | undefined): boolean {
  return token?.type === 'PunctuationNode' || token?.type === 'SymbolNode'
}

/** Split a list phrase into items: `photos:` → `photos`, `:`; `copyright ©` → `copyright`, `©`. */
export function phraseItems(phrase: string): PhraseItem[] {
  const items: PhraseItem[] = []
  for (const piece of phrase.split(' ')) {
    if (piece === '') continue
    const split = trailingMarks.exec(piece)
    const [word, marks] = split ? [split[1], split[2]] : [piece, '']
    items.push({text: word.toLowerCase(), isWord: wordLike.test(word)})
    if (marks) items.push({text: marks, isWord: false})
  }
  return items
}

/**
 * Match `items` at `tokens[from]`. Returns the index just past the last
 * matched token, or `undefined`. The first item must match at `from` itself.
 */
export function matchAt(tokens: readonly BlockToken[], from: number, items: readonly PhraseItem[]): number | undefined {
  let index = from
  for (let item = 0; item < items.length; item++) {
    const wanted = items[item]
    for (;;) {
      const token = tokens[index]
      if (token === undefined) return undefined
      if (token.type === 'WhiteSpaceNode' && item > 0) {
        index++
        continue
      }
      if (wanted.isWord ? isWord(token) && wordKey(token) === wanted.text : isMark(token) && nodeText(token) === wanted.text) break
      // A mark the phrase does not name, between two of its items: `Like this: Like`.
      if (item > 0 && isMark(token)) {
        index++
        continue
      }
      return undefined
    }
    index++
  }
  return index
}

/** The first index at or after `from` where `items` match, with the match end. */
export function findFrom(
  tokens: readonly BlockToken[],
  from: number,
  items: readonly PhraseItem[]
): {start: number; end: number} | undefined {
  for (let index = from; index < tokens.length; index++) {
    const end = matchAt(tokens, index, items)
    if (end !== undefined) return {start: index, end}
  }
  return undefined
}

/** Index of the first token at or after `from` that is not white space (or `tokens.length`). */
export function skipSpace(tokens: readonly BlockToken[], from: number): number {
  let index = from
  while (index < tokens.length && tokens[index].type === 'WhiteSpaceNode') index++
  return index
}

/** Index past the last token before `to` that is not white space. */
export function contentEnd(tokens: readonly BlockToken[], to: number): number {
  let end = to
  while (end > 0 && tokens[end - 1].type === 'WhiteSpaceNode') end--
  return end
}

/** The text of `tokens[from, to)`. */
export function textOf(tokens: readonly BlockToken[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((token) => nodeText(token))
    .join('')
}

/** Number of words in `tokens[from, to)`. */
export function countWords(tokens: readonly BlockToken[], from = 0, to = tokens.length): number {
  let count = 0
  for (let index = from; index < to; index++) if (isWord(tokens[index])) count++
  return count
}

/** A phrase list compiled for lookups by first item; the longest phrase wins. */
export class PhraseTable<Value> {
  readonly #byFirst = new Map<string, Array<{readonly phrase: string; readonly items: PhraseItem[]; readonly value: Value}>>()

  constructor(entries: Iterable<readonly [string, Value]>) {
    for (const [phrase, value] of entries) {
      const items = phraseItems(phrase)
      if (items.length === 0) continue
      const bucket = this.#byFirst.get(items[0].text) ?? []
      bucket.push({phrase, items, value})
      bucket.sort((a, b) => b.items.length - a.items.length)
      this.#byFirst.set(items[0].text, bucket)
    }
  }

  /** The longest phrase matching at `tokens[from]`, with the index past its last token. */
  at(tokens: readonly BlockToken[], from: number): {phrase: string; value: Value; end: number} | undefined {
    const token = tokens[from]
    if (token === undefined) return undefined
    const key = isWord(token) ? wordKey(token) : nodeText(token)
    // Most tokens open no phrase: no bucket, and no empty array for one.
    const bucket = this.#byFirst.get(key)
    if (bucket === undefined) return undefined
    for (const entry of bucket) {
      const end = matchAt(tokens, from, entry.items)
      if (end !== undefined) return {phrase: entry.phrase, value: entry.value, end}
    }
    return undefined
  }
}
