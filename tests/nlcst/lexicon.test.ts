import {describe, expect, it} from 'vitest'
import {build, isEnglishWord, isForm, isKnownSpelling, isProperNoun, isVerbForm} from '../../src/analysis/nlcst/lexicon.js'

describe('isEnglishWord', () => {
  it('should know inflected common words in any case', () => {
    for (const word of ['subscribers', 'models', 'The', 'caption', 'Credit', 'didn’t', 'reconsidered']) expect(isEnglishWord(word), word).toBe(true)
  })

  it('should know British spellings through their US forms', () => {
    for (const word of ['colour', 'Labour', 'organisation', 'centre', 'defence', 'travelled', 'programme']) expect(isEnglishWord(word), word).toBe(true)
  })

  it('should not know names, particles or made-up words', () => {
    for (const word of ['Noem', 'Jim', 'de', 'le', 'mr', 'captionjulian']) expect(isEnglishWord(word), word).toBe(false)
  })
})

describe('isProperNoun', () => {
  it('should know capitalised entries: first names, places', () => {
    for (const word of ['Jim', 'Julian', 'Lynn', 'South', 'Dakota', 'Texas']) expect(isProperNoun(word), word).toBe(true)
  })

  it('should not know common words or unknown surnames', () => {
    for (const word of ['News', 'Credit', 'Noem', 'jim']) expect(isProperNoun(word), word).toBe(false)
  })
})

describe('isKnownSpelling', () => {
  it('should know mixed-case brands and names as spelt', () => {
    for (const word of ['PlayStation', 'YouTube', 'iPhone', 'McDonald', 'DiCaprio']) expect(isKnownSpelling(word), word).toBe(true)
  })

  it('should not know joins', () => {
    for (const word of ['NoemSouth', 'captionJulian', 'Playstation']) expect(isKnownSpelling(word), word).toBe(false)
  })
})

describe('isVerbForm', () => {
  it('should know regular verb forms, British spellings and doubled consonants', () => {
    for (const word of ['battle', 'accounts', 'imports', 'formalised', 'plans', 'controls', 'preferred', 'jumped']) expect(isVerbForm(word), word).toBe(true)
  })

  it('should not know names or nouns that are no verbs', () => {
    for (const word of ['Monday', 'statement', 'government', 'democracy', 'Islamabad']) expect(isVerbForm(word), word).toBe(false)
  })
})

describe('build', () => {
  it('should apply suffix and cross-product prefix rules from the affix file', () => {
    const aff = ['PFX U Y 1', 'PFX U   0     un         .', 'SFX S Y 2', 'SFX S   y     ies        [^aeiou]y', 'SFX S   0     s          [^y]', 'SFX D N 1', 'SFX D   0     ed         .'].join('\n')
    const lexicon = build(aff, '2\nparty/S\nlock/USD\n')
    for (const word of ['party', 'parties', 'lock', 'locks', 'locked', 'unlock', 'unlocks']) expect(isForm(lexicon, word), word).toBe(true)
    // `D` is not a cross-product class: no `unlocked` from `un` + `ed`.
    for (const word of ['partys', 'unparty', 'unlocked']) expect(isForm(lexicon, word), word).toBe(false)
  })
})
