import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {cutPoints, parseInChunks} from '../src/parse/text-chunks.js'
import {splitLines} from '../src/parse/text-lines.js'
import {root} from './helpers.js'

const parse = (value: string) => new ParseEnglish().parse(value)

/** Every leaf with its value and position. */
function leaves(tree: Root) {
  const result: unknown[] = []
  visit(tree, (node) => {
    if ('value' in node) result.push([node.type, node.value, node.position])
  })
  return result
}

/** `[start, end]` offsets of every node of a type. */
function spans(tree: Root, type: string) {
  const result: Array<[number, number]> = []
  visit(tree, type, (node) => {
    result.push([node.position?.start.offset ?? -1, node.position?.end.offset ?? -1])
  })
  return result
}

const trimEnd = (value: string) => ([start, end]: [number, number]) => [start, start + value.slice(start, end).trimEnd().length]

describe('parseInChunks', () => {
  it('should cut only after blank lines, at the start of a line', () => {
    const value = 'First para.\nSame para.\n\n\nSecond para.\r\n\r\n  • Third\n'
    expect(cutPoints(value, 1).map((cut) => JSON.stringify(value.slice(cut, cut + 8)))).toEqual(['"Second p"', '"  • Thir"'])
  })

  it('should give the tokens, sentences and paragraphs one parse gives, positions included', () => {
    // Both seeds, four times over, with CRLF in one copy: many cuts at a small size.
    const seeds = ['000_3f8e3d0fb9951cbf.txt', '004_dd9860ece21027d1.txt'].map((name) =>
      fs.readFileSync(path.join(root, 'articles', name), 'utf8')
    )
    const value = [...seeds, ...seeds, seeds[0].replaceAll('\n', '\r\n'), seeds[1]].join('\n\n')
    expect(cutPoints(value, 500).length).toBeGreaterThan(10)
    const chunked = parseInChunks(value, parse, 500)
    const whole = parse(value)
    expect(leaves(chunked)).toEqual(leaves(whole))
    // parse-latin keeps “stop over. \n\nMattis says” in one paragraph (a space before the blank
    // line); a cut there separates them. After the line step, which splits both, blocks agree.
    splitLines(chunked)
    splitLines(whole)
    expect(spans(chunked, 'SentenceNode')).toEqual(spans(whole, 'SentenceNode'))
    expect(spans(chunked, 'ParagraphNode').map(trimEnd(value))).toEqual(spans(whole, 'ParagraphNode').map(trimEnd(value)))
  })

  it('should parse short text in one piece', () => {
    expect(parseInChunks('Short.', parse)).toEqual(parse('Short.'))
  })
})
