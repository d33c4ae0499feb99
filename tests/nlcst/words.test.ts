import {ParseEnglish} from 'parse-english'
import {describe, expect, it} from 'vitest'
import {normalizedWords} from '../../src/analysis/nlcst/words.js'

const words = (value: string) => normalizedWords(new ParseEnglish().parse(value))

describe('normalizedWords', () => {
  it('should set aside case, punctuation inside words and quote style', () => {
    expect(words('Mattis’ trip: “to re-affirm the enduring U.S. commitment”')).toEqual(
      words("MATTIS' trip - 'to reaffirm the enduring US commitment'")
    )
  })

  it('should keep digits', () => {
    expect(words('Nov. 19, 2019')).toEqual(['nov', '19', '2019'])
  })
})
