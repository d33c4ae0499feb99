import {describe, expect, it} from 'vitest'
import {Postings} from '../../src/analysis/nlcst/postings.js'
import {TripleIds} from '../../src/analysis/nlcst/triple-ids.js'
import {WordIds} from '../../src/analysis/nlcst/word-ids.js'

describe('WordIds', () => {
  it('should number words in order of first sight, equal words alike', () => {
    const ids = new WordIds()
    expect(['the', 'court', 'the', 'cleric', 'court'].map((word) => ids.idOf(word))).toEqual([0, 1, 0, 2, 1])
  })

  it('should keep numbers apart past many words, and start again after clear', () => {
    const ids = new WordIds()
    const words = Array.from({length: 5000}, (_, index) => 'word' + index)
    expect(words.map((word) => ids.idOf(word))).toEqual(words.map((_, index) => index))
    expect(ids.idOf('word4321')).toBe(4321)
    ids.clear()
    expect(ids.idOf('word4321')).toBe(0)
    expect(ids.idOf('word0')).toBe(1)
  })
})

describe('TripleIds', () => {
  it('should number triples in order of first sight, equal triples alike', () => {
    const ids = new TripleIds()
    expect([ids.idOf(1, 2, 3), ids.idOf(3, 2, 1), ids.idOf(1, 2, 3), ids.idOf(1, 2, -1)]).toEqual([0, 1, 0, 2])
  })

  it('should keep numbers apart past many triples, and start again after clear', () => {
    const ids = new TripleIds()
    for (let index = 0; index < 5000; index++) expect(ids.idOf(index, index + 1, index % 7)).toBe(index)
    expect(ids.idOf(4321, 4322, 4321 % 7)).toBe(4321)
    ids.clear()
    expect(ids.idOf(4321, 4322, 4321 % 7)).toBe(0)
  })
})

describe('Postings', () => {
  const entriesOf = (postings: Postings, key: number) => {
    const entries: number[] = []
    for (let posting = postings.first(key); posting !== -1; posting = postings.next(posting)) entries.push(postings.entryAt(posting))
    return entries
  }

  it('should list the entries of a key in order of addition', () => {
    const postings = new Postings(32)
    postings.add(3, 0)
    postings.add(1, 0)
    postings.add(3, 1)
    postings.add(3, 4)
    expect(entriesOf(postings, 3)).toEqual([0, 1, 4])
    expect(entriesOf(postings, 1)).toEqual([0])
    expect(entriesOf(postings, 2)).toEqual([])
    expect(postings.count(3)).toBe(3)
  })

  it('should keep one entry past the cap, marking the key as too common', () => {
    const postings = new Postings(2)
    for (let entry = 0; entry < 5; entry++) postings.add(0, entry)
    expect(postings.count(0)).toBe(3)
    expect(entriesOf(postings, 0)).toEqual([0, 1, 2])
  })

  it('should forget every key after clear, past many keys and postings', () => {
    const postings = new Postings(32)
    for (let key = 0; key < 3000; key++) postings.add(key, key)
    expect(entriesOf(postings, 2999)).toEqual([2999])
    postings.clear()
    expect(postings.count(2999)).toBe(0)
    postings.add(2999, 7)
    expect(entriesOf(postings, 2999)).toEqual([7])
  })
})
