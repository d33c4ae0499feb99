/**
 * Flag a direct quotation of a full clause with no speaker: none in the quote
 * ledger (see `--format quotes`), no reporting cue in its paragraph, not carried on from a quote of the paragraph before, and
 * not following a paragraph whose speaker it continues (the news convention
 * for a quote paragraph after an attributed one).
 * Why: a quote without a speaker is an assertion nobody stands behind.
 * Limits: quotes under `minWords` words (scare quotes, titles) are skipped;
 * Title-Case quotes (works, slogans) too.
 */
import {analyse, type Block, type QuoteInfo} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {placeOf} from '../src/analysis/nlcst/offset-place.js'

export interface Options {
  /** Shortest quote judged, in words (default: `6`). */
  readonly minWords: number
}

export default defineRule<Options>(
  {
    id: 'unattributed-quote',
    severity: 'warn',
    summary: 'a direct quotation of a full clause with no speaker in its sentence or paragraph',
    fixable: false,
    options: {
      minWords: {kind: 'integer', default: 6, min: 1, description: 'Shortest quote judged, in words'}
    }
  },
  (tree, file, options) => {
    const analysis = analyse(tree, file)
    // Any cue credits the paragraph's quotes, a passive too (“after being quoted as wanting …”),
    // but not one credited to no one (“it is said”).
    const attributed = new Set<Block>(
      analysis.attributions
        .filter((attribution) => !(attribution.cue.form === 'passive' && attribution.tokens[attribution.cue.phrase[0]]?.lower === 'it'))
        .map((attribution) => attribution.sentence.block)
    )
    const blocks = analysis.blocks
    // The quote ledger's speakers: a cue in either order, a colon introduction, a label, the run's speaker.
    const credited = new Set(analysis.quoteCredits.filter((credit) => credit.name !== undefined || credit.attribution !== undefined).map((credit) => credit.quote))

    for (const quote of analysis.quotes) {
      if (quote.depth > 0 || !quote.opened || quote.continues || quote.block.kind !== 'body') continue
      if (credited.has(quote) || attributed.has(quote.block) || continuesSpeaker(quote, blocks, attributed)) continue
      const words = wordsIn(quote, analysis.speakers.tokensOf.bind(analysis.speakers))
      if (words.length < options.minWords || words.every((word) => word.capitalized)) continue
      const place = placeOf(file, quote.start, quote.end)
      const message = file.message(`Unexpected quote with no speaker (\`${words.slice(0, 5).map((word) => word.text).join(' ')}…\`), say who said it`, {
        ancestors: [tree, quote.block.node],
        place
      })
      message.note = 'Every direct quote needs a speaker in its sentence or paragraph, or in the paragraph it continues.'
    }
  }
)

/**
 * A quote paragraph right after a body paragraph with a speaker continues that
 * speaker; captions and furniture between them do not break the chain.
 */
function continuesSpeaker(quote: QuoteInfo, blocks: readonly Block[], attributed: ReadonlySet<Block>): boolean {
  for (let index = quote.block.index - 1; index >= 0; index--) {
    const previous = blocks[index]
    if (previous.kind === 'body') return attributed.has(previous)
  }
  return false
}

function wordsIn(quote: QuoteInfo, tokensOf: (sentence: Block['sentences'][number]) => ReadonlyArray<{kind: string; start: number; text: string; capitalized: boolean}>) {
  return quote.block.sentences
    .flatMap((sentence) => tokensOf(sentence))
    .filter((token) => token.kind === 'word' && token.start >= quote.innerStart && token.start < quote.innerEnd)
}
