/**
 * Flag, over a run of many files, a paragraph that already appeared in an
 * earlier file of the run: syndicated copy pasted into several articles, or
 * site furniture a scraper kept on every page. Every copy after the first, in
 * run order, is flagged (SPEC section 8).
 * Why: archive teams need to know which text is not the article's own.
 * Limits: only exact copies after normalising case, spacing and punctuation;
 * linting one text (the editor, `--stdin`) has no corpus and flags nothing.
 *
 * Linting a file only records its paragraphs' keys (a hash and a place), so
 * that files can be linted on worker threads or come from the cache; the run
 * then matches the keys against its index in run order (`matchCorpus`).
 */
import type {VFile} from 'vfile'
import {analyse} from '../src/analysis/analysis.js'
import {cyrb53, paragraphKeysOf, type CorpusIndex, type ParagraphKey} from '../src/rule-api/corpus-index.js'
import {defineRule, stamp, type RuleMeta} from '../src/rule-api/define-rule.js'
import {docUrl} from '../src/rule-api/doc-url.js'
import {contentSpan} from '../src/analysis/nlcst/span.js'
import type {Severity} from '../src/rule-api/severity.js'

export interface Options {
  /** Shortest paragraph compared across files, in words (default: `8`). */
  readonly minWords: number
}

const meta: RuleMeta = {
  id: 'shared-paragraph',
  severity: 'info',
  summary: 'a paragraph that also appears in an earlier file of the run (syndicated copy, site furniture)',
  fixable: false,
  options: {
    minWords: {kind: 'integer', default: 8, min: 1, description: 'Shortest paragraph compared across files, in words'}
  }
}

export default defineRule<Options>(meta, (tree, file, options) => {
  const keys = paragraphKeysOf(file.data)
  if (!keys) return
  const analysis = analyse(tree, file)
  for (const block of analysis.blocks) {
    if (analysis.wordsOf(block).length < options.minWords) continue
    const place = contentSpan(block.node)
    if (!place) continue
    keys.push({hash: cyrb53(analysis.wordsKeyOf(block)), line: block.node.position?.start.line ?? 1, start: place.start, end: place.end})
  }
})

/**
 * Match a linted file's paragraph keys against the run's index, in run
 * order, and add a message for each paragraph an earlier file has.
 */
export function matchCorpus(file: VFile, keys: readonly ParagraphKey[], corpus: CorpusIndex, severity: Severity): void {
  corpus.startFile(file.path)
  const url = docUrl(meta.id)
  for (const key of keys) {
    const first = corpus.seen(key.hash, key.line)
    if (!first) continue
    const message = file.message(`Unexpected paragraph shared with \`${first.file}\` (line ${first.line}): syndicated copy or furniture`, {
      place: {start: key.start, end: key.end}
    })
    stamp(file, message, meta.id, url, severity)
  }
}
