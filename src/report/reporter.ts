/**
 * A reporter turns each linted file into a chunk of output as soon as it is
 * linted (so a run streams), and closes the report at the end.
 */
import type {VFileMessage} from 'vfile-message'
import type {ParagraphKey} from '../rule-api/corpus-index.js'
import {levelOf} from '../rule-api/severity.js'

/** One article's lint result, as every report and the run pass it on. */
export interface LintedFile {
  /** Path as shown in reports (relative to the working folder). */
  readonly path: string
  readonly messages: readonly VFileMessage[]
  /** Keys of the paragraphs `shared-paragraph` compares across files. */
  readonly paragraphs: readonly ParagraphKey[]
}

export interface Tally {
  errors: number
  warnings: number
  infos: number
}

export interface Reporter {
  /** Output for one file (may be empty). */
  file(linted: LintedFile, absolutePath: string): string
  /** Output that closes the report. */
  end(tally: Tally): string
}

export interface ReporterOptions {
  /** Report errors only (`--quiet`). */
  readonly quiet: boolean
  readonly color: boolean
  /** Show each message's `note` too (`--verbose`; stylish). */
  readonly verbose?: boolean | undefined
  /** The terminal's width, for stylish (default 100). */
  readonly columns?: number | undefined
}

/** The messages a report shows: all, or errors only with `--quiet`. */
export function shown(messages: readonly VFileMessage[], quiet: boolean): VFileMessage[] {
  return quiet ? messages.filter((message) => message.fatal === true) : [...messages]
}

export function count(tally: Tally, messages: readonly VFileMessage[]): void {
  for (const message of messages) {
    const level = levelOf(message.fatal)
    if (level === 'error') tally.errors++
    else if (level === 'warning') tally.warnings++
    else tally.infos++
  }
}
