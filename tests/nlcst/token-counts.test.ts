import {ParseEnglish} from 'parse-english'
import {describe, expect, it} from 'vitest'
import {capitalisedCounts, capitalisedPairs} from '../../src/analysis/nlcst/token-counts.js'

const parse = (value: string) => new ParseEnglish().parse(value)

describe('capitalisedCounts', () => {
  it('should count capitalised text tokens, also inside words', () => {
    const counts = capitalisedCounts(parse('WeWork said WeWork’s deal with SoftBank. Noem said so.'))
    expect(Object.fromEntries(counts)).toEqual({WeWork: 2, SoftBank: 1, Noem: 1})
  })
})

describe('capitalisedPairs', () => {
  it('should count pairs of one-token capitalised words', () => {
    const pairs = capitalisedPairs(parse('Kristi Lynn NoemSouth Dakota. The governor of South Dakota met Jim Mattis’s aide.'))
    expect(Object.fromEntries(pairs)).toEqual({'Kristi Lynn': 1, 'Lynn NoemSouth': 1, 'NoemSouth Dakota': 1, 'South Dakota': 1})
  })
})
