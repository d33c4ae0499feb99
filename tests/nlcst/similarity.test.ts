import {describe, expect, it} from 'vitest'
import {sharedWords, shingles} from '../../src/analysis/nlcst/similarity.js'

describe('sharedWords', () => {
  it('should count repeated words as often as both lists hold them', () => {
    expect(sharedWords(['the', 'court', 'the', 'cleric'], ['the', 'the', 'the', 'court'])).toBe(3)
  })
})

describe('shingles', () => {
  it('should give overlapping three-word runs', () => {
    expect(shingles(['jim', 'mattis', 'in', 'islamabad'], 3)).toEqual(['jim mattis in', 'mattis in islamabad'])
  })

  it('should give a short list as one shingle', () => {
    expect(shingles(['latest', 'news'], 3)).toEqual(['latest news'])
    expect(shingles([], 3)).toEqual([])
  })
})
