/**
 * Property: no input makes the processor throw, and every message lies
 * inside the file with `actual` equal to the source at its place.
 */
import fc from 'fast-check'
import {location} from 'vfile-location'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import type {RuleSetting} from '../src/rule-api/define-rule.js'
import {lint} from './helpers.js'

const everyRule: Record<string, RuleSetting> = Object.fromEntries(rules.map((rule) => [rule.meta.id, [rule.meta.severity, {}]]))

// Text built from the pieces articles and markup are made of, so the run reaches deep paths.
const piece = fc.constantFrom(
  'the', 'the the', 'Mattis', 'said', '“', '”', '‘', '’', '"', "'", '.', ',', ' ', '  ', '\n', '\n\n', '\r\n', '\t',
  '•', '-', '*', '#', '>', '`', '[', ']', '(', ')', '!', '<p>', '</p>', '<b>', '</b>', '&amp;', '&#8217;', '&bogus;',
  '\\*', '---', '$10 million', '164', '\uFEFF', '\uFFFD', '😀', 'é'
)
const article = fc.oneof(fc.string({maxLength: 200}), fc.array(piece, {maxLength: 80}).map((parts) => parts.join('')))

describe('processor', () => {
  for (const type of ['text', 'markdown', 'html'] as const) {
    it(`should never throw and keep every ${type} message inside the file`, () => {
      fc.assert(
        fc.property(article, (value) => {
          const file = lint(value, everyRule, type)
          for (const message of file.messages) {
            expect(message.ruleId).not.toBe('internal-error')
            const place = message.place
            if (!place || !('start' in place)) continue
            const {start, end} = place
            expect(start.offset).toBeGreaterThanOrEqual(0)
            expect(end.offset).toBeLessThanOrEqual(value.length)
            expect(start.offset).toBeLessThanOrEqual(end.offset ?? 0)
            expect(message.actual).toBe(value.slice(start.offset, end.offset))
            const located = location(value)
            expect(located.toPoint(start.offset ?? -1)).toMatchObject({line: start.line, column: start.column})
            expect(located.toPoint(end.offset ?? -1)).toMatchObject({line: end.line, column: end.column})
          }
        }),
        {numRuns: 300}
      )
    })
  }
})
