/**
 * The shared analysis of one article, computed once per tree and read by
 * every rule (no rule tokenises again): blocks with their kind, sentences,
 * and quotations. People, numbers and attributions have their places here;
 * the speaker model (issue 4) and the number classifier (issue 5) fill them.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import {blockHintsOf, hintAt, type BlockKind} from './parse/block-hints.js'
import {textBlockKind} from './nlcst/blocks.js'
import {findQuotes, type Quote} from './nlcst/quotes.js'

export type {BlockKind} from './parse/block-hints.js'

/** A paragraph, or a line of plain text that stands on its own. */
export interface Block {
  readonly index: number
  readonly node: Paragraph
  readonly kind: BlockKind
  readonly start: number
  readonly end: number
  readonly sentences: readonly SentenceInfo[]
  readonly quotes: readonly QuoteInfo[]
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

/** A person and the names the article calls them by (issue 4). */
export interface Person {
  readonly name: string
  readonly aliases: readonly string[]
}

/** A numeric expression and its class (issue 5). */
export interface NumberMention {
  readonly start: number
  readonly end: number
  readonly kind: string
}

/** Who a stretch of text is credited to (issue 4). */
export interface Attribution {
  readonly start: number
  readonly end: number
  readonly speaker: Person | undefined
}

export interface Analysis {
  readonly blocks: readonly Block[]
  readonly sentences: readonly SentenceInfo[]
  readonly quotes: readonly QuoteInfo[]
  /** Declared in the config's `people`; the speaker model adds those it finds. */
  readonly people: readonly Person[]
  readonly numbers: readonly NumberMention[]
  readonly attributions: readonly Attribution[]
  /** The innermost quotation holding `offset`, if any. */
  quoteAt(offset: number): QuoteInfo | undefined
}

const cache = new WeakMap<Root, Analysis>()

/** The analysis of `tree`, computed on first use. */
export function analyse(tree: Root, file: VFile): Analysis {
  let analysis = cache.get(tree)
  if (!analysis) {
    analysis = build(tree, file)
    cache.set(tree, analysis)
  }
  return analysis
}

function build(tree: Root, file: VFile): Analysis {
  const hints = blockHintsOf(file)
  const blocks: Block[] = []
  const sentences: SentenceInfo[] = []
  const quotes: QuoteInfo[] = []
  let carried: QuoteInfo | undefined

  for (const node of tree.children) {
    if (node.type !== 'ParagraphNode' || !node.position) continue
    const start = node.position.start.offset ?? 0
    const kind = hints ? (hintAt(hints, start)?.kind ?? 'body') : textBlockKind(node, blocks.length === 0)
    const block: Block = {index: blocks.length, node, kind, start, end: node.position.end.offset ?? start, sentences: [], quotes: []}
    blocks.push(block)

    for (const sentence of node.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      const info: SentenceInfo = {
        index: sentences.length,
        node: sentence,
        block,
        start: sentence.position.start.offset ?? start,
        end: sentence.position.end.offset ?? start
      }
      sentences.push(info)
      ;(block.sentences as SentenceInfo[]).push(info)
    }

    const found = findQuotes(node)
    for (const quote of found) {
      // A paragraph that opens with a quote mark, after one that left a quote open, carries it on.
      const continues = carried && quote.depth === 0 && quote.start === start && quote.mark === carried.mark ? carried : undefined
      const info: QuoteInfo = {...quote, block, continues}
      quotes.push(info)
      ;(block.quotes as QuoteInfo[]).push(info)
    }
    carried = block.quotes.find((quote) => quote.depth === 0 && !quote.closed)
  }

  const people = Object.entries((file.data as {people?: Record<string, readonly string[]>}).people ?? {}).map(
    ([name, aliases]) => ({name, aliases})
  )

  return {
    blocks,
    sentences,
    quotes,
    people,
    numbers: [],
    attributions: [],
    quoteAt(offset) {
      let best: QuoteInfo | undefined
      for (const quote of quotes) {
        if (quote.start <= offset && offset < quote.end && (!best || quote.depth > best.depth)) best = quote
      }
      return best
    }
  }
}
