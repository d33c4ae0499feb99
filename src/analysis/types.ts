/**
 * The shapes of the shared analysis that its parts build on: blocks,
 * sentences and quotations. The speaker model and the number finder read
 * these; this module imports nothing of theirs, so the analysis has no cycle.
 */
import type {Paragraph, Sentence} from 'nlcst'
import type {BlockKind} from '../parse/block-hints.js'
import type {BlockToken} from './nlcst/phrase-match.js'
import type {Quote} from './nlcst/quotes.js'

/** A paragraph, or a line of plain text that stands on its own. */
export interface Block {
  readonly index: number
  readonly node: Paragraph
  readonly kind: BlockKind
  readonly start: number
  readonly end: number
  readonly sentences: readonly SentenceInfo[]
  readonly quotes: readonly QuoteInfo[]
  /** Sentence content and the white space between sentences, in order (`blockTokens`). */
  readonly tokens: readonly BlockToken[]
  /** Index in `tokens` where each sentence starts (`sentenceStarts`). */
  readonly sentenceStarts: readonly number[]
}

export interface SentenceInfo {
  readonly index: number
  readonly node: Sentence
  readonly block: Block
  readonly start: number
  readonly end: number
}

export interface QuoteInfo extends Quote {
  readonly block: Block
  /** The open quote of an earlier paragraph that this one carries on. */
  readonly continues: QuoteInfo | undefined
}
