/** What the run and its lint workers say to each other (structured clone, so plain data). */
import type {ResolvedConfig} from '../../config/resolve-config.js'
import type {Directive} from '../../parse/directives.js'
import type {ParagraphKey} from '../../rule-api/corpus-index.js'
import type {MessageData} from '../message-data.js'
import type {ReadResult} from '../read-article.js'
import type {ArticleType} from '../../parse/article-type.js'
import type {LedgerQuote} from '../../analysis/analysis.js'

export interface LintTask {
  readonly id: number
  readonly filePath: string
  readonly displayPath: string
  readonly read: ReadResult
  /** The parser to use (a record's `type` may differ from its path's extension). */
  readonly type: ArticleType
  /** Configs are sent once per worker and then named by number. */
  readonly configId: number
  readonly config?: ResolvedConfig | undefined
  /** Send the quote ledger back too. */
  readonly quotes?: boolean | undefined
}

export type LintReply =
  | {
      readonly id: number
      readonly messages: readonly MessageData[]
      readonly paragraphs: readonly ParagraphKey[]
      readonly directives?: readonly Directive[] | undefined
      readonly quotes?: readonly LedgerQuote[] | undefined
    }
  | {readonly id: number; readonly error: string}
