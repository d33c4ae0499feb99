import type {Paragraph} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {isMarkLeaf, leavesOf, placeOf, textBetween, touches} from '../../src/analysis/nlcst/leaves.js'

const parser = new ParseEnglish()

function paragraphOf(value: string): Paragraph {
  return parser.parse(value).children.find((child) => child.type === 'ParagraphNode') as Paragraph
}


describe('leavesOf', () => {
  it('should list the parts of a glued word with their word', () => {
    // Dev set, aeb-newspaper-232a43fb: “paying subscribers.The report”.
    const leaves = leavesOf(paragraphOf('paying subscribers.The report'))
    expect(leaves.map((leaf) => ('value' in leaf.node ? leaf.node.value : ''))).toEqual(['paying', ' ', 'subscribers', '.', 'The', ' ', 'report'])
    expect(leaves[2].word).toBe(leaves[4].word)
    expect(leaves[2].word).not.toBe(leaves[0].word)
    expect(leaves.map((leaf) => leaf.start)).toEqual([0, 6, 7, 18, 19, 22, 23])
  })

  it('should run across sentences that touch', () => {
    // “day.#Today…”: parse-english ends a sentence after `day.`, with no white space after it.
    const leaves = leavesOf(paragraphOf('legislative day.#TodayInSenatePlenary'))
    expect(leaves.map((leaf) => ('value' in leaf.node ? leaf.node.value : ''))).toEqual(['legislative', ' ', 'day', '.', '#', 'TodayInSenatePlenary'])
    expect(leaves[3].sentence).not.toBe(leaves[4].sentence)
    expect(touches(leaves[3], leaves[4])).toBe(true)
  })

  it('should tell touching leaves from spaced ones', () => {
    const [it_, mark, space, credit] = leavesOf(paragraphOf('it. Credit'))
    expect(touches(it_, mark)).toBe(true)
    expect(touches(space, credit)).toBe(true)
    expect(touches(mark, credit)).toBe(false)
    expect(touches(mark, undefined)).toBe(false)
  })

  it('should leave out nodes without positions', () => {
    const paragraph: Paragraph = {type: 'ParagraphNode', children: [{type: 'SentenceNode', children: [{type: 'WordNode', children: [{type: 'TextNode', value: 'a'}]}]}]}
    expect(leavesOf(paragraph)).toEqual([])
  })
})

describe('textBetween', () => {
  it('should give the text between offsets, cutting leaves', () => {
    // “Kristi Lynn NoemSouth Dakota”: `Noem` ends at offset 16.
    const leaves = leavesOf(paragraphOf('Kristi Lynn NoemSouth Dakota'))
    expect(textBetween(leaves, 12, 16)).toBe('Noem')
    expect(textBetween(leaves, 7, 21)).toBe('Lynn NoemSouth')
  })
})

describe('isMarkLeaf', () => {
  it('should match punctuation and symbols, not text', () => {
    const [day, mark, hash, tag] = leavesOf(paragraphOf('day.#Today'))
    expect(isMarkLeaf(mark, /^\.$/)).toBe(true)
    expect(isMarkLeaf(hash, /^#$/)).toBe(true)
    expect(isMarkLeaf(day, /day/)).toBe(false)
    expect(isMarkLeaf(tag, /Today/)).toBe(false)
    expect(isMarkLeaf(undefined, /./)).toBe(false)
  })
})

describe('placeOf', () => {
  it('should give line and column of offsets inside a word', () => {
    const file = new VFile('Kristi Lynn\nNoemSouth Dakota')
    expect(placeOf(file, 12, 16)).toEqual({start: {line: 2, column: 1, offset: 12}, end: {line: 2, column: 5, offset: 16}})
  })

  it('should give nothing for offsets outside the file', () => {
    expect(placeOf(new VFile('abc'), 0, 10)).toBeUndefined()
  })
})
