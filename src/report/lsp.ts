/**
 * `lsp`: LSP `PublishDiagnosticsParams`, one per file, as unified-language-server
 * maps vfile messages: 0-based ranges (JavaScript strings count UTF-16 code
 * units, as LSP does), `fatal` → severity, `ruleId` → `code`, `url` →
 * `codeDescription`, `note` → a second line of `message`, `cause` →
 * `relatedInformation`, `expected` → `data`. The language server publishes these.
 */
import {pathToFileURL} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import {spanOf} from './json.js'
import type {Reporter, ReporterOptions} from './reporter.js'
import {shown} from './reporter.js'

interface Position {
  line: number
  character: number
}
interface Range {
  start: Position
  end: Position
}

export interface LspDiagnostic {
  range: Range
  severity: 1 | 2 | 3
  code: string
  codeDescription?: {href: string}
  source: string
  message: string
  relatedInformation?: Array<{location: {uri: string; range: Range}; message: string}>
  data?: {expected: string[]; actual?: string}
}

export interface LspFile {
  uri: string
  diagnostics: LspDiagnostic[]
}

export function createLspReporter(options: ReporterOptions): Reporter {
  let first = true
  return {
    file(linted, absolutePath) {
      const uri = pathToFileURL(absolutePath).href
      const entry: LspFile = {uri, diagnostics: shown(linted.messages, options.quiet).map((m) => toDiagnostic(m, uri))}
      const chunk = (first ? '[\n' : ',\n') + JSON.stringify(entry)
      first = false
      return chunk
    },
    end() {
      return first ? '[]\n' : '\n]\n'
    }
  }
}

export function toDiagnostic(message: VFileMessage, uri: string): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: rangeOf(message),
    severity: message.fatal === true ? 1 : message.fatal === false ? 2 : 3,
    code: message.ruleId ?? 'unknown',
    source: message.source ?? 'factcheck',
    // The why, when there is one, as a second line (STYLE: “`note` appended”).
    message: message.note ? `${message.reason}\n${message.note}` : message.reason
  }
  if (message.url) diagnostic.codeDescription = {href: message.url}
  const cause = message.cause
  if (cause && typeof cause === 'object' && 'place' in cause && (cause as VFileMessage).place) {
    const related = cause as VFileMessage
    diagnostic.relatedInformation = [{location: {uri, range: rangeOf(related)}, message: related.reason}]
  }
  if (message.expected) {
    diagnostic.data = {expected: [...message.expected]}
    if (message.actual !== undefined) diagnostic.data.actual = message.actual
  }
  return diagnostic
}

function rangeOf(message: VFileMessage): Range {
  const {start, end} = spanOf(message)
  return {
    start: {line: start.line - 1, character: start.column - 1},
    end: {line: end.line - 1, character: end.column - 1}
  }
}
