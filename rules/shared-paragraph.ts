/**
 * Flag, over a run of many files, a paragraph that already appeared in an
 * earlier file of the run: syndicated copy pasted into several articles, or
 * site furniture a scraper kept on every page. Every copy after the first, in
 * run order, is flagged (SPEC section 8).
 * Why: archive teams need to know which text is not the article's own.
 * Limits: only exact copies after normalising case, spacing and punctuation;
 * linting one text (the editor, `--stdin`) has no corpus and flags nothing.
 */
import {analyse} from '../src/analysis.js'
import {corpusIndexOf} from '../src/corpus-index.js'
import {defineRule} from '../src/define-rule.js'
import {contentSpan} from '../src/nlcst/span.js'

export interface Options {
  /** Shortest paragraph compared across files, in words (default: `8`). */
  readonly minWords: number
}

export default defineRule<Options>(
  {
    id: 'shared-paragraph',
    severity: 'info',
    summary: 'a paragraph that also appears in an earlier file of the run (syndicated copy, site furniture)',
    fixable: false,
    options: {
      minWords: {kind: 'integer', default: 8, min: 1, description: 'Shortest paragraph compared across files, in words'}
    }
  },
  (tree, file, options) => {
    const corpus = corpusIndexOf(file.data)
    if (!corpus) return
    corpus.startFile(file.path)
    const analysis = analyse(tree, file)
    for (const block of analysis.blocks) {
      const words = analysis.wordsOf(block)
      if (words.length < options.minWords) continue
      const line = block.node.position?.start.line ?? 1
      const first = corpus.seen(analysis.wordsKeyOf(block), line)
      if (!first) continue
      file.message(`Unexpected paragraph shared with \`${first.file}\` (line ${first.line}): syndicated copy or furniture`, {
        ancestors: [tree, block.node],
        place: contentSpan(block.node)
      })
    }
  }
)
