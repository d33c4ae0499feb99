/**
 * Quotations in a paragraph: curly and straight, double and single, nested,
 * and unbalanced (a quote left open at the end of a paragraph, as a quote
 * that runs on into the next paragraph is). Marks are sentence-level
 * punctuation in nlcst; apostrophes inside words (“That’s”) never are.
 */
import type {Paragraph} from 'nlcst'
import {blockTokens, type BlockToken} from './phrase-match.js'

export type QuoteMark = 'double' | 'single'

export interface Quote {
  readonly mark: QuoteMark
  /** 0 for an outer quote, 1 for a quote inside it, … */
  readonly depth: number
  /** Offset of the opening mark, or of the paragraph start when the quote opens unmarked. */
  readonly start: number
  /** Offset just past the closing mark, or the paragraph end when left open. */
  readonly end: number
  /** Offsets of the text between the marks. */
  readonly innerStart: number
  readonly innerEnd: number
  readonly opened: boolean
  readonly closed: boolean
}

const opening: Readonly<Record<string, QuoteMark>> = {'“': 'double', '„': 'double', '«': 'double', '‘': 'single', '‹': 'single'}
const closing: Readonly<Record<string, QuoteMark>> = {'”': 'double', '»': 'double', '’': 'single', '›': 'single'}
// `''…''`: two straight single marks, the New York Times' double quote (one token in nlcst).
const straight: Readonly<Record<string, QuoteMark>> = {'"': 'double', "''": 'double', "'": 'single'}

type Token = BlockToken

interface Open {
  readonly mark: QuoteMark
  readonly start: number
  readonly innerStart: number
}

/** The quotations of `paragraph`, whose `blockTokens` are `tokens` when the caller has them. */
export function findQuotes(paragraph: Paragraph, tokens: readonly Token[] = blockTokens(paragraph)): Quote[] {
  const paragraphStart = paragraph.position?.start.offset ?? 0
  const paragraphEnd = paragraph.position?.end.offset ?? paragraphStart
  const quotes: Quote[] = []
  const stack: Open[] = []

  const close = (mark: QuoteMark, start: number, end: number) => {
    const index = findLastIndex(stack, (open) => open.mark === mark)
    if (index === -1) {
      // “…” closing with no opening: a quote carried over from the paragraph before.
      quotes.push({mark, depth: 0, start: paragraphStart, end, innerStart: paragraphStart, innerEnd: start, opened: false, closed: true})
      return
    }
    const open = stack[index]
    stack.length = index
    quotes.push({mark, depth: index, start: open.start, end, innerStart: open.innerStart, innerEnd: start, opened: true, closed: true})
  }

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.type !== 'PunctuationNode' || !token.position) continue
    const start = token.position.start.offset ?? 0
    const end = token.position.end.offset ?? start
    const before = tokens[index - 1]
    const after = tokens[index + 1]
    const value = token.value

    if (opening[value] && isWordAfter(after)) {
      stack.push({mark: opening[value], start, innerStart: end})
    } else if (closing[value]) {
      const mark = closing[value]
      // “Mattis’ trip”: a closing single mark with no open single quote is an apostrophe.
      if (mark === 'single' && !stack.some((open) => open.mark === 'single')) continue
      close(mark, start, end)
    } else if (straight[value]) {
      const mark = straight[value]
      const isOpen = stack.some((open) => open.mark === mark)
      if (isOpen && !isSpaceOrEdge(before)) close(mark, start, end)
      else if (isSpaceOrEdge(before) && isWordAfter(after)) stack.push({mark, start, innerStart: end})
      else if (isOpen) close(mark, start, end)
      // "students' union": a straight single mark that neither opens nor closes is an apostrophe.
      else if (mark === 'double') stack.push({mark, start, innerStart: end})
    }
  }

  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const open = stack[depth]
    quotes.push({mark: open.mark, depth, start: open.start, end: paragraphEnd, innerStart: open.innerStart, innerEnd: paragraphEnd, opened: true, closed: false})
  }

  return quotes.sort((a, b) => a.start - b.start || a.depth - b.depth)
}

// Marks after which a quote may open: `(“`, `—“`, `-'`; not `s'`.
const openingContext = /^[([{—–-]$/

function isSpaceOrEdge(token: Token | undefined): boolean {
  return token === undefined || token.type === 'WhiteSpaceNode' || (token.type === 'PunctuationNode' && openingContext.test(token.value))
}

/** Whether a word or opening content follows (`false` when white space or nothing does). */
function isWordAfter(token: Token | undefined): boolean {
  return token !== undefined && token.type !== 'WhiteSpaceNode'
}

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let index = list.length - 1; index >= 0; index--) if (test(list[index])) return index
  return -1
}
