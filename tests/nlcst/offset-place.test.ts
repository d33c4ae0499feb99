import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {pointAt, pointInside} from '../../src/analysis/nlcst/offset-place.js'

describe('pointAt', () => {
  it('should give line, column and offset of an offset', () => {
    const file = new VFile('Video\n\nA new EU law')
    expect(pointAt(file, 7)).toEqual({line: 3, column: 1, offset: 7})
    expect(pointAt(file, 99)).toBeUndefined()
  })
})

describe('pointInside', () => {
  const position = (start: number, end: number) => ({start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}})

  it('should cut into a word whose source is its text', () => {
    // Dev set, boilerpipe-04a6711c line 6: `it.Credit` is one word.
    const file = new VFile('get it.Credit...Doug Mills')
    expect(pointInside(file, position(4, 13), 'it.Credit', 3)).toEqual({line: 1, column: 8, offset: 7})
  })

  it('should place the cut from the word’s end when markup splits the word', () => {
    const file = new VFile('get *it*.Credit...Doug Mills')
    expect(pointInside(file, position(4, 15), 'it.Credit', 3)).toEqual({line: 1, column: 10, offset: 9})
  })

  it('should give nothing when the text after the cut is not in the source', () => {
    const file = new VFile('get it.Cr&#101;dit')
    expect(pointInside(file, position(4, 18), 'it.Credit', 3)).toBeUndefined()
  })
})
