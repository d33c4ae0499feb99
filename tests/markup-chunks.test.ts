/**
 * Long Markdown is converted to nlcst a run of top-level blocks at a time, and
 * long sentences run parse-latin's sentence plugins a piece at a time (HTML
 * and Markdown). At the smallest sizes every possible cut is taken; the tree —
 * node types, values, positions — and the lint messages must be those of one
 * piece.
 */
import fs from 'node:fs'
import fc from 'fast-check'
import path from 'node:path'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {ArticleType} from '../src/parse/article-type.js'
import {runsOf} from '../src/parse/markdown-chunks.js'
import {pieceCuts, runInPieces} from '../src/parse/sentence-pieces.js'
import {createProcessor, type ParseOptions} from '../src/run/processor.js'
import type {RuleSettings} from '../src/rule-api/define-rule.js'
import {root, only} from './helpers.js'

const fixtures = path.join(root, 'tests', 'parse', 'markup-chunks')
const read = (...parts: string[]) => fs.readFileSync(path.join(...parts), 'utf8')

/** Cut wherever a cut is allowed, or never. */
const everyCut: ParseOptions = {chunkSize: 1, pieceTokens: 1}
const noCut: ParseOptions = {chunkSize: Number.POSITIVE_INFINITY, pieceTokens: Number.POSITIVE_INFINITY}

function lintWith(value: string, type: ArticleType, options: ParseOptions, settings: RuleSettings) {
  const file = new VFile({path: `article.${type === 'markdown' ? 'md' : 'html'}`, value})
  const tree: Root = createProcessor(type, settings, options).lint(file)
  const messages = file.messages.map(({ruleId, reason, place, actual, expected, note}) => ({ruleId, reason, place, actual, expected, note}))
  return {tree, messages}
}

/** The nlcst tree (rules off) and the messages of every rule, cut at every chance and in one piece. */
function bothWays(value: string, type: ArticleType) {
  return {
    cutTree: lintWith(value, type, everyCut, only('none')).tree,
    wholeTree: lintWith(value, type, noCut, only('none')).tree,
    cutMessages: lintWith(value, type, everyCut, {}).messages,
    wholeMessages: lintWith(value, type, noCut, {}).messages
  }
}

const mdast = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)

const articles = fs.readdirSync(path.join(root, 'articles')).sort()
const markdownArticles = articles.filter((name) => name.endsWith('.md')).map((name) => read(root, 'articles', name))
const htmlArticles = articles.filter((name) => name.endsWith('.html')).map((name) => read(root, 'articles', name))

describe('Markdown in runs of blocks', () => {
  const blocks = read(fixtures, 'blocks.md')
  const inputs = {
    'the article fixtures': markdownArticles.join('\n'),
    'code fences, lists, quotes, front matter, tables, HTML blocks': blocks,
    'all of them, twice, one copy with CRLF': [blocks, ...markdownArticles, blocks.replaceAll('\n', '\r\n'), ...markdownArticles].join('\n\n')
  }

  for (const [name, value] of Object.entries(inputs)) {
    it(`should give the tree and the messages of one conversion: ${name}`, () => {
      expect(runsOf(mdast.parse(value).children, 1).length).toBeGreaterThan(5)
      const {cutTree, wholeTree, cutMessages, wholeMessages} = bothWays(value, 'markdown')
      expect(cutTree).toEqual(wholeTree)
      expect(cutMessages).toEqual(wholeMessages)
      expect(wholeMessages.length).toBeGreaterThan(0)
    })
  }

  it('should give the tree of one conversion for any sequence of blocks', () => {
    // Blocks where white space runs together (a rule, an empty image, code, raw HTML) next to prose.
    const snippets = [
      'Mattis said the talks went well.',
      'he added that 1,200 troops stay',
      '# A headline with no stop',
      '***',
      '![](photo.jpg)',
      '![A caption in alt text](photo.jpg)',
      '```\ncode the the\n\nmore code\n```',
      '<div>raw HTML</div>',
      '- an item\n- another item.',
      '> a quote\n> on two lines.',
      'A line with a trailing space. ',
      'Mr. Smith and the U.S. said so',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '[ref]: https://example.com',
      '`inline code` opens this',
      '"Quoted," he said.',
      'a sentence in lower case.',
      '12 people were killed.',
      '”) closing marks first.',
      'It ends with Mr.',
      'It rose to 150.',
      'Plan b.',
      "He said ol'",
      'Dr. Jones agreed!',
      '—',
      'See www.example.com and <https://example.com>.'
    ]
    const separator = fc.constantFrom('\n\n', '\n\n\n', '\n', '\r\n\r\n')
    const document = fc.array(fc.tuple(fc.constantFrom(...snippets), separator), {minLength: 2, maxLength: 12}).map((parts) => parts.flat().join(''))
    fc.assert(
      fc.property(document, (value) => {
        expect(lintWith(value, 'markdown', everyCut, only('none')).tree).toEqual(lintWith(value, 'markdown', noCut, only('none')).tree)
      }),
      {numRuns: 300}
    )
  })

  it('should not cut between blocks on one line, nor next to a block without a position', () => {
    const [title, paragraph] = mdast.parse('# Title\n\nBody.\n').children
    const sameLine = {...paragraph, position: {start: title.position!.end, end: paragraph.position!.end}}
    expect(runsOf([title, sameLine], 1)).toEqual([[title, sameLine]])
    expect(runsOf([title, {...paragraph, position: undefined}], 1)).toHaveLength(1)
    expect(runsOf([title, paragraph], 1)).toEqual([[title], [paragraph]])
  })
})

describe('HTML with sentence plugins in pieces', () => {
  const blocks = read(fixtures, 'blocks.html')
  // One implicit paragraph: article text in a `<div>`, paragraphs parted by `<br><br>`.
  const breaks = `<div>${markdownArticles
    .join('\n\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^#+ |!\[|\]\([^)]*\)/g, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;'))
    .join('<br><br>\n')}</div>\n`
  const inputs = {
    'the article fixtures': htmlArticles.join('\n'),
    'nested elements, pre, comments, breaks, tables, scripts': blocks,
    'a whole article in one div with breaks': breaks,
    'all of them, one copy with CRLF': [blocks, ...htmlArticles, breaks.replaceAll('\n', '\r\n')].join('\n')
  }

  for (const [name, value] of Object.entries(inputs)) {
    it(`should give the tree and the messages of one run: ${name}`, () => {
      const {cutTree, wholeTree, cutMessages, wholeMessages} = bothWays(value, 'html')
      expect(cutTree).toEqual(wholeTree)
      expect(cutMessages).toEqual(wholeMessages)
      expect(wholeMessages.length).toBeGreaterThan(0)
    })
  }

  it('should cut a long sentence many times, only at white space between words', () => {
    const tokens = new ParseEnglish().tokenize(breaks)
    const cuts = pieceCuts(tokens, 1)
    expect(cuts.length).toBeGreaterThan(500)
    for (const cut of cuts) {
      expect([tokens[cut - 1].type, tokens[cut].type, tokens[cut + 1].type, tokens[cut + 2].type]).toEqual([
        'WordNode',
        'WhiteSpaceNode',
        'WordNode',
        'WhiteSpaceNode'
      ])
    }
  })

  it("should merge `U.S.`, `F-16`, `w/` and `'n'` as one run does, next to every cut", () => {
    const text = "The U.S. sent F-16 jets w/ rock 'n' roll, the A.B.C. and e.g. a self- made man & co. to the - front."
    const plugins = new ParseEnglish().tokenizeSentencePlugins
    const whole = {type: 'SentenceNode' as const, children: new ParseEnglish().tokenize(text)}
    const cut = structuredClone(whole)
    for (const plugin of plugins) plugin(whole)
    runInPieces(cut, plugins, 1)
    expect(cut).toEqual(whole)
    expect(whole.children.length).toBeLessThan(new ParseEnglish().tokenize(text).length)
  })
})
