import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {fromMessageData, toMessageData} from '../src/run/message-data.js'

describe('message data', () => {
  it('should bring a message back from plain data with every field reports read', () => {
    const file = new VFile({path: 'a.txt', value: 'Mattis said so.\n'})
    const message = file.message('Quote is credited to “Pompeo”', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 7, offset: 6}}, ruleId: 'attribution-mismatch', source: 'factcheck'})
    message.fatal = true
    message.url = 'https://example.org/rules/attribution-mismatch.md'
    message.actual = 'Mattis'
    message.expected = ['Pompeo']
    message.note = 'Check who said it.'
    message.cause = file.message('Mattis is established as the speaker here', {place: {line: 1, column: 1}})

    // Through JSON, as the cache stores it, and back.
    const back = fromMessageData(JSON.parse(JSON.stringify(toMessageData(message))), 'b.txt')
    expect(back.file).toBe('b.txt')
    expect(String(back)).toBe('1:1-1:7: Quote is credited to “Pompeo”')
    expect([back.ruleId, back.source, back.fatal, back.url, back.actual, back.expected, back.note]).toEqual([
      'attribution-mismatch', 'factcheck', true, 'https://example.org/rules/attribution-mismatch.md', 'Mattis', ['Pompeo'], 'Check who said it.'
    ])
    expect(String(back.cause)).toBe('1:1: Mattis is established as the speaker here')
  })

  it('should give a message made from data the empty stack vfile-message gives, and leave the stack limit as it was', () => {
    const limit = Error.stackTraceLimit
    const back = fromMessageData({reason: 'Unexpected hard to read sentence', place: {line: 2, column: 3}}, 'a.txt')
    expect(back.stack).toBe('')
    expect(back.fatal).toBeUndefined()
    expect(Error.stackTraceLimit).toBe(limit)
  })
})
