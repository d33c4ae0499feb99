/**
 * `--records`: one JSON line a record, in input order, `{"id", "path"?,
 * "messages"}` with the messages of the `json` format; a bad input line gets
 * `{"id"?, "line", "error"}`. With `--emit-paragraph-hashes` a record's line
 * also has its input `line`, its `position` if it had one, and (unless `shared-paragraph` is off for it) its
 * `corpus` part, for `--merge-corpus`.
 */
import {toJsonMessage, type JsonMessage} from './json.js'
import type {BadRecord, CorpusPart, FileExtra, LintedFile, Reporter, ReporterOptions} from './reporter.js'
import {shown} from './reporter.js'

export interface RecordEntry {
  id: string
  path?: string
  line?: number
  position?: number
  messages: JsonMessage[]
  corpus?: CorpusPart
}

export function createRecordsReporter(options: ReporterOptions): Reporter {
  return {
    file(linted: LintedFile, _absolutePath: string, extra?: FileExtra) {
      const record = extra?.record
      /* v8 ignore next -- @preserve the run gives every record its origin */
      if (!record) throw new Error('the records report needs each record’s origin')
      const entry: RecordEntry = {
        id: record.id,
        ...(record.path === undefined ? {} : {path: record.path}),
        ...(options.emitParagraphHashes ? {line: record.line, ...(record.position === undefined ? {} : {position: record.position})} : {}),
        messages: shown(linted.messages, options.quiet).map(toJsonMessage),
        ...(extra.corpus ? {corpus: extra.corpus} : {})
      }
      return JSON.stringify(entry) + '\n'
    },
    problem(bad: BadRecord) {
      return JSON.stringify(bad.id === undefined ? {line: bad.line, error: bad.error} : {id: bad.id, line: bad.line, error: bad.error}) + '\n'
    },
    end() {
      return ''
    }
  }
}
