/**
 * `quotes`: the quote ledger. One entry per file, streamed as a JSON array:
 * `{path, quotes: [{line, column, endLine, endColumn, text, speaker: {name,
 * line, column} | null, cue}]}`, every outer quotation of the article with
 * the person (or group) factcheck credits it to, where the cue names them,
 * and the cue's words (`said`, `according to`). Lines and columns 1-based,
 * columns in UTF-16 code units, end exclusive. Lint messages are not printed:
 * the exit code still counts them.
 */
import type {LedgerQuote} from '../analysis/analysis.js'
import type {Reporter} from './reporter.js'

export interface QuotesFile {
  path: string
  quotes: readonly LedgerQuote[]
}

export function createQuotesReporter(): Reporter {
  let first = true
  return {
    wantsQuotes: true,
    file(linted) {
      const entry: QuotesFile = {path: linted.path, quotes: linted.quotes ?? []}
      const chunk = (first ? '[\n' : ',\n') + JSON.stringify(entry)
      first = false
      return chunk
    },
    end() {
      return first ? '[]\n' : '\n]\n'
    }
  }
}
