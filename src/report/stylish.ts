/**
 * `stylish`: vfile-reporter's look, one file at a time. vfile-reporter ends
 * each call with a summary line; we drop it per file and print one summary
 * for the whole run, in vfile-reporter's words plus a count of infos.
 */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Reporter, ReporterOptions, Tally} from './reporter.js'
import {shown} from './reporter.js'

export function createStylishReporter(options: ReporterOptions): Reporter {
  let first = true
  return {
    file(linted) {
      const messages = shown(linted.messages, options.quiet)
      if (messages.length === 0) return ''
      const file = new VFile({path: linted.path})
      file.messages.push(...messages)
      const text = reporter([file], {quiet: true, color: options.color})
      // With errors or warnings vfile-reporter appends a blank line and a summary.
      const cut = text.lastIndexOf('\n\n')
      const body = cut === -1 ? text : text.slice(0, cut)
      const chunk = (first ? '' : '\n') + body + '\n'
      first = false
      return chunk
    },
    end(tally) {
      const line = byline(tally, options)
      return line ? (first ? '' : '\n') + line + '\n' : ''
    }
  }
}

function byline(tally: Tally, options: ReporterOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001B[${code}m${text}\u001B[39m` : text)
  const counts = [
    [tally.errors, paint('31', '✖'), 'error'],
    [options.quiet ? 0 : tally.warnings, paint('33', '⚠'), 'warning'],
    [options.quiet ? 0 : tally.infos, paint('36', 'ℹ'), 'info']
  ] as const
  return counts
    .filter(([amount]) => amount > 0)
    .map(([amount, sign, label]) => `${sign} ${amount} ${label}${amount === 1 ? '' : 's'}`)
    .join(', ')
}
