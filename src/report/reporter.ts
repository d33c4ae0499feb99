/**
 * A reporter turns each linted file into a chunk of output as soon as it is
 * linted (so a run streams), and closes the report at the end.
 */
import type {VFileMessage} from 'vfile-message'
import type {Directive} from '../parse/directives.js'
import type {ParagraphKey} from '../rule-api/corpus-index.js'
import {levelOf, type Severity} from '../rule-api/severity.js'
import type {LedgerQuote} from '../analysis/analysis.js'

/** One article's lint result, as every report and the run pass it on. */
export interface LintedFile {
  /** Path as shown in reports (relative to the working folder). */
  readonly path: string
  readonly messages: readonly VFileMessage[]
  /** Keys of the paragraphs `shared-paragraph` compares across files. */
  readonly paragraphs: readonly ParagraphKey[]
  /** Inline directives found in the article (`<!-- factcheck-disable … -->`), applied by the run. */
  readonly directives?: readonly Directive[] | undefined
  /** The quote ledger, when the report asked for it (`Reporter.wantsQuotes`). */
  readonly quotes?: readonly LedgerQuote[] | undefined
}

/** `--records`: which input line an output line answers. */
export interface RecordOrigin {
  readonly id: string
  /** The record's `path`, as given. */
  readonly path?: string | undefined
  /** 1-based line of standard input. */
  readonly line: number
  /** The record's `position` in the whole dump, when it has one. */
  readonly position?: number | undefined
}

/** A line of `--records` input that is not a record: it gets one output line, `{id?, line, error}`. */
export interface BadRecord {
  readonly id?: string | undefined
  readonly line: number
  readonly error: string
}

/**
 * `--emit-paragraph-hashes`: what `--merge-corpus` needs of a file to add
 * `shared-paragraph`'s messages later, on another machine: the rule's
 * severity for the file and its paragraph keys, each with its source text
 * (the `actual` of a message about it).
 */
export interface CorpusPart {
  readonly severity: Exclude<Severity, 'off'>
  readonly paragraphs: readonly EmittedParagraph[]
}

export interface EmittedParagraph {
  readonly hash: number
  readonly line: number
  /** Line and column, 1-based, end exclusive. */
  readonly start: readonly [number, number]
  readonly end: readonly [number, number]
  readonly text?: string
}

/** What a report may say about a file besides its messages. */
export interface FileExtra {
  /** The article as linted, when it could be read. */
  readonly text?: string | undefined
  readonly record?: RecordOrigin | undefined
  readonly corpus?: CorpusPart | undefined
}

export interface Tally {
  errors: number
  warnings: number
  infos: number
}

export interface Reporter {
  /** Output for one file (may be empty). */
  file(linted: LintedFile, absolutePath: string, extra?: FileExtra): string
  /** Output for a `--records` line that is not a record (only the records report has one). */
  problem?(bad: BadRecord): string
  /** Output that closes the report. */
  end(tally: Tally): string
  /** The report prints the quote ledger: every file is linted with it. */
  readonly wantsQuotes?: boolean
}

export interface ReporterOptions {
  /** Report errors only (`--quiet`). */
  readonly quiet: boolean
  readonly color: boolean
  /** `--emit-paragraph-hashes`: what `--merge-corpus` needs goes into the report too. */
  readonly emitParagraphHashes?: boolean | undefined
  /** The working folder report paths are relative to (default: the process's). */
  readonly cwd?: string | undefined
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
