import {describe, expect, it} from 'vitest'
import {CorpusIndex, cyrb53} from '../src/rule-api/corpus-index.js'

describe('CorpusIndex', () => {
  it('should report where a paragraph was first seen, in an earlier file only', () => {
    const index = new CorpusIndex()
    index.startFile('a.txt')
    expect(index.seen(cyrb53('the top us commander in afghanistan'), 3)).toBeUndefined()
    expect(index.seen(cyrb53('the top us commander in afghanistan'), 9)).toBeUndefined()
    index.startFile('b.txt')
    expect(index.seen(cyrb53('the top us commander in afghanistan'), 5)).toEqual({file: 'a.txt', line: 3})
    index.startFile('c.txt')
    expect(index.seen(cyrb53('the top us commander in afghanistan'), 1)).toEqual({file: 'a.txt', line: 3})
  })

  it('should keep every paragraph findable as it grows past its first capacity', () => {
    const index = new CorpusIndex()
    index.startFile('a.txt')
    for (let line = 1; line <= 5000; line++) index.seen(cyrb53(`paragraph number ${line}`), line)
    expect(index.count).toBe(5000)
    index.startFile('b.txt')
    expect(index.seen(cyrb53('paragraph number 4321'), 1)).toEqual({file: 'a.txt', line: 4321})
    expect(index.seen(cyrb53('paragraph number 5001'), 1)).toBeUndefined()
  })
})
