/**
 * `github`: GitHub Actions workflow commands, one a message, which the runner
 * turns into annotations on the pull request:
 * `::error file=a.txt,line=3,col=1,endLine=3,endColumn=9,title=fragment::reason`.
 * Errors are `error`, warnings `warning`, infos `notice`. Escaped as the
 * runner's `toCommandValue`/`escapeData` and `escapeProperty` do
 * (@actions/core): `%`, CR and LF everywhere, and `:` and `,` in properties.
 */
import {levelOf, type Level} from '../rule-api/severity.js'
import {spanOf} from './json.js'
import type {Reporter, ReporterOptions} from './reporter.js'
import {shown} from './reporter.js'

const commands: Readonly<Record<Level, string>> = {error: 'error', warning: 'warning', info: 'notice'}

export function createGithubReporter(options: ReporterOptions): Reporter {
  return {
    file(linted) {
      let chunk = ''
      for (const message of shown(linted.messages, options.quiet)) {
        const {start, end} = spanOf(message)
        const properties: Array<[string, string | number]> = [
          ['file', linted.path],
          ['line', start.line],
          ['col', start.column],
          ['endLine', end.line],
          ['endColumn', end.column],
          ['title', message.ruleId ?? 'unknown']
        ]
        const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
        const text = message.note ? `${message.reason}\n${message.note}` : message.reason
        chunk += `::${commands[levelOf(message.fatal)]} ${list}::${escapeData(text)}\n`
      }
      return chunk
    },
    end() {
      return ''
    }
  }
}

/** The message of a command: `%` first, so the escapes it makes are not escaped again. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** A property value: as data, and `:` and `,`, which end a value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
