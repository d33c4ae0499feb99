/**
 * `compact`: one message a line, `path:line:column: severity rule-id: reason`,
 * the shape Vim's quickfix (`errorformat=%f:%l:%c:\ %m`), Emacs'
 * compilation mode and most CI log scanners read. Nothing else is printed.
 */
import {levelOf} from '../rule-api/severity.js'
import {spanOf} from './json.js'
import type {Reporter, ReporterOptions} from './reporter.js'
import {shown} from './reporter.js'

// A reason on two lines would read as two entries: “Quote is credited\nto X” → “Quote is credited to X”.
const lineBreaks = /\r\n|[\r\n]/g

export function createCompactReporter(options: ReporterOptions): Reporter {
  return {
    file(linted) {
      let chunk = ''
      for (const message of shown(linted.messages, options.quiet)) {
        const {start} = spanOf(message)
        const reason = message.reason.replace(lineBreaks, ' ')
        chunk += `${linted.path}:${start.line}:${start.column}: ${levelOf(message.fatal)} ${message.ruleId ?? 'unknown'}: ${reason}\n`
      }
      return chunk
    },
    end() {
      return ''
    }
  }
}
