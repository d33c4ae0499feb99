import {describe, expect, it} from 'vitest'
import {withoutStackTraces} from '../src/rule-api/stackless.js'

describe('withoutStackTraces', () => {
  it('should make errors with no frames inside, and give back what it made', () => {
    const made = withoutStackTraces(() => new Error('inside'))
    expect(made.stack).toBe('Error: inside')
    expect(new Error('outside').stack).toMatch(/\n\s+at /)
  })

  it('should leave the stack limit as it was, also when the maker throws', () => {
    const limit = Error.stackTraceLimit
    expect(() =>
      withoutStackTraces(() => {
        throw new Error('broken')
      })
    ).toThrow('broken')
    expect(Error.stackTraceLimit).toBe(limit)
  })
})
