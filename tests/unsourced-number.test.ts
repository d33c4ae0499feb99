/**
 * unsourced-number beyond its fixtures: its options (`minimum`,
 * `errorKinds`) and figures inside quotes, on seed and dev sentences.
 */
import {describe, expect, it} from 'vitest'
import {lint, only} from './helpers.js'

const casualty = 'Relations suffered a further blow when a Pakistani court released the firebrand cleric Hafiz Saeed, who is alleged to have been one of the masterminds of the Mumbai attack which killed 164 people and six US citizens.'
const bounty = 'The internationally recognised terrorist helped co-found the Jamaat-ud-Dawa group and has a $10 million bounty on his head.'
const states = 'Marijuana for recreational use has been legalized in 11 states and the District of Columbia.'

function flagged(value: string, options: Record<string, unknown> = {}) {
  return lint(value, only('unsourced-number', options)).messages.map((message) => [message.line, message.fatal])
}

describe('unsourced-number options', () => {
  it('should raise the kinds `errorKinds` names to errors and leave the others warnings', () => {
    expect(flagged([casualty, bounty, states].join('\n\n'), {errorKinds: ['casualty']})).toEqual([
      [1, true],
      [3, false],
      [5, false]
    ])
  })

  it('should skip counts under `minimum`', () => {
    expect(flagged(states, {minimum: 12})).toEqual([])
    expect(flagged(states)).toEqual([[1, false]])
  })
})

describe('unsourced-number and quotes', () => {
  it('should accept a figure inside a quote whose paragraph names the speaker', () => {
    expect(flagged('“Approximately 1.1m of the UK’s 1.6m Muslims are of voting age,” Dr Tamimi said.')).toEqual([])
  })

  it('should flag a figure inside a quote that nobody is credited with', () => {
    expect(flagged('“Approximately 1.1m of the UK’s 1.6m Muslims are of voting age.”')).toEqual([[1, false]])
  })
})
