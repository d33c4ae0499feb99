import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyse} from '../src/analysis/analysis.js'
import {articleTypeOf} from '../src/parse/article-type.js'
import {createProcessor} from '../src/run/processor.js'
import {VFile} from 'vfile'
import {only, root} from './helpers.js'

function analysed(value: string, filePath = 'a.txt') {
  const file = new VFile({path: filePath, value})
  const tree = createProcessor(articleTypeOf(filePath) ?? 'text', only('none')).lint(file)
  return analyse(tree, file)
}

function seed(name: string) {
  return fs.readFileSync(path.join(root, 'articles', name), 'utf8')
}

/** `line kind` for every block. */
function kinds(value: string, filePath?: string) {
  return analysed(value, filePath).blocks.map((block) => `${block.node.position?.start.line} ${block.kind}`)
}

describe('analysis: blocks', () => {
  it('should judge each line of a plain-text seed by its shape', () => {
    expect(kinds(seed('004_dd9860ece21027d1.txt'))).toEqual([
      '1 title', '3 list-item', '4 list-item', '5 list-item', '7 body', '9 body', '11 body', '13 heading',
      '15 body', '17 body', '19 body', '21 body', '23 body', '25 body', '27 body', '29 body',
      '31 caption', '33 caption', '35 caption', '37 caption', '41 heading'
    ])
  })

  it('should take kinds from Markdown markup: headings, list items, image alt text', () => {
    expect(kinds(seed('004_dd9860ece21027d1.md'), 'a.md').filter((line) => !line.endsWith('body'))).toEqual([
      '1 title', '3 list-item', '4 list-item', '5 list-item', '13 heading', '31 caption', '33 caption', '35 caption', '37 caption'
    ])
  })

  it('should take kinds from HTML markup: h1, li, figcaption', () => {
    expect(kinds(seed('004_dd9860ece21027d1.html'), 'a.html').filter((line) => !line.endsWith('body'))).toEqual([
      '9 title', '11 list-item', '12 list-item', '13 list-item', '18 heading', '29 caption', '33 caption', '37 caption', '41 caption'
    ])
  })

  it('should keep hard-wrapped prose together as one block', () => {
    const value = 'The top US commander in Afghanistan said last week that\npakistan had yet to take significant actions.\n'
    expect(kinds(value)).toEqual(['1 body'])
  })

  it('should give every sentence its block', () => {
    const analysis = analysed(seed('000_3f8e3d0fb9951cbf.txt'))
    const line25 = analysis.blocks.find((block) => block.node.position?.start.line === 25)
    expect(line25?.sentences).toHaveLength(3)
    expect(analysis.sentences.every((sentence) => sentence.block.sentences.includes(sentence))).toBe(true)
  })
})

describe('analysis: quotes', () => {
  it('should carry a quote left open at the end of a paragraph into the next one', () => {
    const value = '“We will redouble our efforts,” he said. “We have a plan.\n\n“And we will work together,” he added.\n'
    const {quotes} = analysed(value)
    expect(quotes.map((quote) => [quote.closed, quote.continues === undefined])).toEqual([
      [true, true],
      [false, true],
      [true, false]
    ])
    expect(quotes[2].continues).toBe(quotes[1])
  })

  it('should find the innermost quote at an offset', () => {
    const value = '“He said ‘agents of chaos’ twice,” a diplomat said.'
    const analysis = analysed(value)
    expect(analysis.quoteAt(value.indexOf('agents'))?.depth).toBe(1)
    expect(analysis.quoteAt(value.indexOf('twice'))?.depth).toBe(0)
    expect(analysis.quoteAt(value.indexOf('diplomat'))).toBeUndefined()
  })

  it('should link an alias of the config to its person', () => {
    const file = new VFile({path: 'a.txt', value: 'Mattis said the talks went well.'})
    file.data.people = {'Jim Mattis': ['Mattis']}
    const tree = createProcessor('text', only('none')).lint(file)
    expect(analyse(tree, file).people.map((person) => [person.name, person.key, person.declared, person.mentions.length])).toEqual([
      ['Mattis', 'mattis', true, 1]
    ])
  })
})

describe('analysis: computed once per tree', () => {
  it('should give every rule the same analysis and its lazy parts once, leaving the tree as it serialises', () => {
    const file = new VFile({path: 'a.txt', value: seed('004_dd9860ece21027d1.txt')})
    const tree = createProcessor('text', only('none')).lint(file)
    const before = JSON.stringify(tree)
    const analysis = analyse(tree, file)
    expect(analyse(tree, file)).toBe(analysis)
    expect(analysis.speakers).toBe(analysis.speakers)
    expect(analysis.people).toBe(analysis.speakers.people)
    expect(analysis.attributions).toBe(analysis.speakers.attributions)
    expect(analysis.numbers).toBe(analysis.numbers)
    expect(analysis.numbers.length).toBeGreaterThan(0)
    expect(analysis.wordsOf(analysis.blocks[0])).toBe(analysis.wordsOf(analysis.blocks[0]))
    expect(Object.keys(tree)).toEqual(['type', 'children', 'position'])
    expect(JSON.stringify(tree)).toBe(before)
  })

  it('should analyse another tree of the same file afresh', () => {
    const file = new VFile({path: 'a.txt', value: 'Mattis said the talks went well.'})
    const processor = createProcessor('text', only('none'))
    const first = analyse(processor.lint(file), file)
    const second = analyse(processor.lint(file), file)
    expect(second).not.toBe(first)
    expect(second.sentences.map((sentence) => [sentence.start, sentence.end])).toEqual(first.sentences.map((sentence) => [sentence.start, sentence.end]))
  })
})
