import fs from 'node:fs'
import fc from 'fast-check'
import path from 'node:path'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {cutPoints, parseInChunks} from '../src/parse/text-chunks.js'
import {splitLines} from '../src/parse/text-lines.js'
import {createProcessor} from '../src/run/processor.js'
import type {RuleSettings} from '../src/rule-api/define-rule.js'
import {only, root} from './helpers.js'

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
  it('should cut only before blank lines between a word end and a capital letter', () => {
    const value = 'First para.\nSame para.\n\n\nSecond para.\r\n\r\nThird, “quoted.”\n\n  • Indented\n\nlower case\n\n—\n\nTrailing space. \n\nSix'
    expect(cutPoints(value, 1).map((cut) => JSON.stringify(value.slice(cut, cut + 9)))).toEqual(['"\\n\\n\\nSecond"', '"\\r\\n\\r\\nThird"'])
  })

  it('should give the tree one parse gives, positions included', () => {
    // Both seeds, four times over, with CRLF in one copy: many cuts at a small size.
    const seeds = ['000_3f8e3d0fb9951cbf.txt', '004_dd9860ece21027d1.txt'].map((name) =>
      fs.readFileSync(path.join(root, 'articles', name), 'utf8')
    )
    const value = [...seeds, ...seeds, seeds[0].replaceAll('\n', '\r\n'), seeds[1]].join('\n\n')
    expect(cutPoints(value, 500).length).toBeGreaterThan(10)
    expect(parseInChunks(value, parse, 500)).toEqual(parse(value))
  })

  it('should parse short text in one piece', () => {
    expect(parseInChunks('Short.', parse)).toEqual(parse('Short.'))
  })
})

/** The nlcst tree and messages of the text processor, cut wherever a cut is allowed or never. */
function lintText(value: string, chunkSize: number, settings: RuleSettings) {
  const file = new VFile({path: 'article.txt', value})
  const tree = createProcessor('text', settings, {chunkSize}).lint(file)
  const messages = file.messages.map(({ruleId, reason, place, actual, expected, note}) => ({ruleId, reason, place, actual, expected, note}))
  return {tree, messages}
}

describe('plain text in pieces', () => {
  // Paragraphs parse-latin joins to their neighbour, or changes, across a blank line.
  const paragraphs = [
    'Mattis said the talks went well.',
    'he added that 1,200 troops stay',
    '12 people were killed.',
    '”) closing marks first.',
    '“Quoted,” he said.',
    'A headline with no stop',
    'It ends with Mr.',
    'Officials in the U.S.',
    'Plan b.',
    'Wait…',
    '…and then it ended.',
    'Really?!',
    "He said ol'",
    '“It ended,” he said.’',
    'It rose to 150.',
    '—',
    '...',
    '• An item\n• Another item.',
    '- a dash item',
    'Dr. Jones agreed!',
    ', and so on.',
    'the the line one\nand line two.',
    'Search www.example.com, said the A.B.C.',
    `Long ${'words and more words, '.repeat(40)}end.`
  ]
  const separator = fc.constantFrom('\n\n', '\n\n\n\n', '\n', '\r\n\r\n', '\n  \n', '\n\t\n\n', ' \n\n', '\n\n  ', '\r\n \r\n', '\r\r', '\r')
  const document = fc.array(fc.tuple(fc.constantFrom(...paragraphs), separator), {minLength: 2, maxLength: 10}).map((parts) => parts.flat().join(''))

  it('should give the tree and the messages of one parse for any sequence of paragraphs', () => {
    fc.assert(
      fc.property(document, (value) => {
        expect(lintText(value, 1, only('none')).tree).toEqual(lintText(value, Number.POSITIVE_INFINITY, only('none')).tree)
        expect(lintText(value, 1, {}).messages).toEqual(lintText(value, Number.POSITIVE_INFINITY, {}).messages)
      }),
      {numRuns: 200}
    )
  })
})
