/**
 * The shared analysis of one article, computed once per tree and read by
 * every rule (no rule tokenises again): blocks with their kind, sentences,
 * quotations, and — on first use, for the rules that need them — the speaker
 * model (people, mentions, attributions) and the numeric expressions with
 * their classes (src/numbers/).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {blockHintsOf, hintAt} from '../parse/block-hints.js'
import {hasListedFiniteVerb} from './clauses/finite.js'
import {classifyLines, featuresOf, lineModel, type LineReading, type LineSource} from './lines/classify.js'
import type {LineModel} from './lines/model.js'
import {textBlockKind} from './nlcst/blocks.js'
import {blockTokens, sentenceStarts} from './nlcst/phrase-match.js'
import {findQuotes} from './nlcst/quotes.js'
import {normalizedWords} from './nlcst/words.js'
import {findNumbers, type NumberMention} from './numbers/find.js'
import {creditQuotes, type QuoteCredit} from './speakers/ledger.js'
import {buildSpeakerModel, type Attribution, type SpeakerModel} from './speakers/model.js'
import type {Person} from './speakers/people.js'
import {tokensOf} from './speakers/tokens.js'
import type {Block, QuoteInfo, SentenceInfo} from './types.js'

export type {BlockKind} from '../parse/block-hints.js'
export type {Attribution, SpeakerModel} from './speakers/model.js'
export type {CreditHow, LedgerQuote, QuoteCredit} from './speakers/ledger.js'
export type {Mention, Person} from './speakers/people.js'
export type {NumberKind, NumberMention} from './numbers/find.js'
export type {Block, QuoteInfo, SentenceInfo} from './types.js'
export type {FurnitureKind, LineClass, LineReading} from './lines/classify.js'

export interface Analysis {
  readonly blocks: readonly Block[]
  readonly sentences: readonly SentenceInfo[]
  readonly quotes: readonly QuoteInfo[]
  /** The people the article names (and those the config declares that it names). */
  readonly people: readonly Person[]
  /** Numeric expressions with their classes, in reading order, computed on first use. */
  readonly numbers: readonly NumberMention[]
  /** Reporting cues with their speakers, in reading order. */
  readonly attributions: readonly Attribution[]
  /** The speaker model, computed on first use. */
  readonly speakers: SpeakerModel
  /** Every outer quotation with the speaker it is credited to (the quote ledger), computed on first use. */
  readonly quoteCredits: readonly QuoteCredit[]
  /** A block's words as comparable keys (lower-case letters and digits), computed once. */
  wordsOf(block: Block): readonly string[]
  /** A block's words joined by spaces, computed once: equal for copies. */
  wordsKeyOf(block: Block): string
  /** The innermost quotation holding `offset`, if any. */
  quoteAt(offset: number): QuoteInfo | undefined
  /** What each block is (the line classifier, src/analysis/lines/), by block index, computed on first use. */
  readonly lines: readonly LineReading[]
  /** What `block` is: prose, headline, list item, byline, caption or furniture (with its kind). */
  lineOf(block: Block): LineReading
  /** Whether `block` is body prose: not furniture, a caption, a headline or subhead, a list item or a byline. */
  isProse(block: Block): boolean
}

/**
 * Where a tree keeps its analysis: on the tree itself, so both die together.
 * Not a `WeakMap` keyed by tree: V8's young-generation collector treats a
 * WeakMap's values as live, so every article's analysis, and through it its
 * tree, was copied and promoted until the next full collection.
 */
const analysisKey = Symbol('factcheck.analysis')

type AnalysedRoot = Root & {[analysisKey]?: Analysis}

/** The analysis of `tree`, computed on first use. */
export function analyse(tree: Root, file: VFile): Analysis {
  const analysed = tree as AnalysedRoot
  let analysis = analysed[analysisKey]
  if (!analysis) {
    analysis = build(tree, file)
    // Not enumerable: the tree still serialises and compares as before.
    Object.defineProperty(analysed, analysisKey, {value: analysis})
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
    const tokens = blockTokens(node)
    const kind = hints ? (hintAt(hints, start)?.kind ?? 'body') : textBlockKind(tokens, blocks.length === 0)
    const end = node.position.end.offset ?? start
    const block: Block = {index: blocks.length, node, kind, start, end, sentences: [], quotes: [], tokens, sentenceStarts: sentenceStarts(node)}
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

    const found = findQuotes(node, tokens)
    for (const quote of found) {
      // A paragraph that opens with a quote mark, after one that left a quote open, carries it on.
      const continues = carried && quote.depth === 0 && quote.start === start && quote.mark === carried.mark ? carried : undefined
      const info: QuoteInfo = {...quote, block, continues}
      quotes.push(info)
      ;(block.quotes as QuoteInfo[]).push(info)
    }
    carried = block.quotes.find((quote) => quote.depth === 0 && !quote.closed)
  }

  const declared = (file.data as {people?: Record<string, readonly string[]>}).people ?? {}
  return new ArticleAnalysis(blocks, sentences, quotes, file, declared)
}

/**
 * The analysis's lazy parts live in a class, not in an object literal with
 * getters and closures: V8 gives each such literal a map of its own that
 * holds its getters, in old space, so every article's closures (and through
 * them its tree) outlived young-generation collections until the next full
 * one: about 4 MB copied and promoted at every scavenge.
 */
class ArticleAnalysis implements Analysis {
  /** By block index (a plain array is cheaper to read than a WeakMap): words and keys computed so far. */
  private readonly blockWords: Array<readonly string[] | undefined>
  private readonly blockKeys: Array<string | undefined>
  private model: SpeakerModel | undefined
  private credits: QuoteCredit[] | undefined
  private mentions: NumberMention[] | undefined
  private readings: LineReading[] | undefined

  constructor(
    readonly blocks: readonly Block[],
    readonly sentences: readonly SentenceInfo[],
    readonly quotes: readonly QuoteInfo[],
    private readonly file: VFile,
    private readonly declared: Readonly<Record<string, readonly string[]>>
  ) {
    this.blockWords = new Array(blocks.length)
    this.blockKeys = new Array(blocks.length)
  }

  get people(): readonly Person[] {
    return this.speakers.people
  }

  get attributions(): readonly Attribution[] {
    return this.speakers.attributions
  }

  get speakers(): SpeakerModel {
    return (this.model ??= buildSpeakerModel(this.blocks, String(this.file.value), this.declared, (offset) => this.quoteAt(offset) !== undefined))
  }

  get quoteCredits(): readonly QuoteCredit[] {
    return (this.credits ??= creditQuotes(this.blocks, this.attributions, this.people, this.speakers.mentions, String(this.file.value), (offset) => this.quoteAt(offset) !== undefined))
  }

  get numbers(): readonly NumberMention[] {
    if (!this.mentions) {
      const value = String(this.file.value)
      // The speaker model's tokens when it has read them already, else the sentence's own.
      this.mentions = this.sentences.flatMap((sentence) => findNumbers(sentence, this.model ? this.model.tokensOf(sentence) : tokensOf(sentence.node), value))
    }
    return this.mentions
  }

  get lines(): readonly LineReading[] {
    // The training script's held-out runs give each file the model of the folds it was not in.
    const model = (this.file.data as {lineModel?: LineModel}).lineModel ?? lineModel
    return (this.readings ??= classifyLines(this.blocks, this.lineSource(), model))
  }

  lineOf(block: Block): LineReading {
    return this.lines[block.index]
  }

  isProse(block: Block): boolean {
    return this.lines[block.index]?.class === 'prose'
  }

  /** The blocks' feature vectors, as the line classifier reads them (for the training script). */
  lineFeatures(): number[][] {
    return featuresOf(this.blocks, this.lineSource()).values
  }

  private lineSource(): LineSource {
    const value = String(this.file.value)
    return {
      wordsOf: (block) => this.wordsOf(block),
      wordsKeyOf: (block) => this.wordsKeyOf(block),
      gapBefore: (block) => value.slice(this.blocks[block.index - 1]?.end ?? 0, block.start),
      textOf: (block) => value.slice(block.start, block.end),
      hasVerb: (block) => block.sentences.some((sentence) => hasListedFiniteVerb(this.speakers.tokensOf(sentence))),
      markedUp: blockHintsOf(this.file) !== undefined
    }
  }

  wordsOf(block: Block): readonly string[] {
    if (!this.isOwn(block)) return normalizedWords(block.node)
    return (this.blockWords[block.index] ??= normalizedWords(block.node))
  }

  wordsKeyOf(block: Block): string {
    if (!this.isOwn(block)) return this.wordsOf(block).join(' ')
    return (this.blockKeys[block.index] ??= this.wordsOf(block).join(' '))
  }

  /** A quote never leaves its block: find the block by binary search, then look at its few quotes. */
  quoteAt(offset: number): QuoteInfo | undefined {
    const block = blockAt(this.blocks, offset)
    let best: QuoteInfo | undefined
    for (const quote of block?.quotes ?? []) {
      if (quote.start <= offset && offset < quote.end && (!best || quote.depth > best.depth)) best = quote
    }
    return best
  }

  private isOwn(block: Block): boolean {
    return this.blocks[block.index] === block
  }
}

/** The blocks' line-classifier features (for scripts/train-lines.ts). */
export function lineFeaturesOf(analysis: Analysis): number[][] {
  return (analysis as ArticleAnalysis).lineFeatures()
}

/** The block whose span holds `offset` (blocks are in source order and do not overlap). */
function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let low = 0
  let high = blocks.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const block = blocks[middle]
    if (offset < block.start) high = middle - 1
    else if (offset >= block.end) low = middle + 1
    else return block
  }
  return undefined
}
