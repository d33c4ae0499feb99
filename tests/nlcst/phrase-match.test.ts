import {ParseEnglish} from 'parse-english'
import type {Paragraph} from 'nlcst'
import {describe, expect, it} from 'vitest'
import {
  blockTokens,
  contentEnd,
  countWords,
  findFrom,
  matchAt,
  PhraseTable,
  phraseItems,
  sentenceStarts,
  skipSpace,
  textOf
} from '../../src/analysis/nlcst/phrase-match.js'

const parser = new ParseEnglish()

/** The tokens of the first paragraph of `value`. */
function tokens(value: string) {
  const paragraph = parser.parse(value).children.find((child) => child.type === 'ParagraphNode') as Paragraph
  return blockTokens(paragraph)
}

describe('phraseItems', () => {
  it('should split words and the marks a phrase names', () => {
    expect(phraseItems('photos:')).toEqual([
      {text: 'photos', isWord: true},
      {text: ':', isWord: false}
    ])
    expect(phraseItems('Copyright ©')).toEqual([
      {text: 'copyright', isWord: true},
      {text: '©', isWord: false}
    ])
  })

  it('should keep marks inside a word and split a closing one off', () => {
    expect(phraseItems('h.w. chiu')).toEqual([
      {text: 'h.w', isWord: true},
      {text: '.', isWord: false},
      {text: 'chiu', isWord: true}
    ])
  })
})

describe('matchAt', () => {
  it('should match words case-insensitively and skip marks the phrase does not name', () => {
    const list = tokens('Like this: Like Loading...')
    const end = matchAt(list, 0, phraseItems('like this like loading'))
    expect(end).toBeDefined()
    expect(textOf(list, 0, end ?? 0)).toBe('Like this: Like Loading')
  })

  it('should require the marks the phrase names', () => {
    expect(matchAt(tokens('Photos show the damage'), 0, phraseItems('photos:'))).toBeUndefined()
    expect(matchAt(tokens('PHOTOS: Occupy L.A.'), 0, phraseItems('photos:'))).toBe(2)
  })

  it('should compare curly and straight apostrophes alike', () => {
    expect(matchAt(tokens('We’d like to hear what you think'), 0, phraseItems("we'd like to hear"))).toBeDefined()
  })

  it('should not skip a mark before the first item', () => {
    expect(matchAt(tokens('"Read more" he said.'), 0, phraseItems('read more'))).toBeUndefined()
  })
})

describe('findFrom', () => {
  it('should find a marker later in the block', () => {
    const list = tokens('Image copyright Getty Images Image caption Bob Corker at Trump campaign rally')
    const found = findFrom(list, 0, phraseItems('image caption'))
    expect(found && textOf(list, 0, found.end)).toBe('Image copyright Getty Images Image caption')
  })
})

describe('PhraseTable', () => {
  it('should prefer the longest phrase', () => {
    const table = new PhraseTable([
      ['read more', 'label'],
      ['read more at', 'link']
    ])
    expect(table.at(tokens('Read more at DailyMail.co.uk'), 0)).toMatchObject({phrase: 'read more at', value: 'link'})
    expect(table.at(tokens('Read more'), 0)).toMatchObject({phrase: 'read more', value: 'label'})
    expect(table.at(tokens('Reading more'), 0)).toBeUndefined()
  })

  it('should look phrases up by a first mark', () => {
    const table = new PhraseTable([['©', 'copyright']])
    expect(table.at(tokens('© 2019 The New Arab'), 0)).toMatchObject({value: 'copyright'})
  })
})

describe('sentenceStarts', () => {
  it('should give the token index where each sentence starts', () => {
    const paragraph = parser.parse('problematic use of the drug. Getty').children.find((child) => child.type === 'ParagraphNode') as Paragraph
    const list = blockTokens(paragraph)
    expect(sentenceStarts(paragraph).map((start) => textOf(list, start, list.length))).toEqual(['problematic use of the drug. Getty', 'Getty'])
  })
})

describe('token utilities', () => {
  it('should count words and skip white space at either end', () => {
    const list = tokens('Shares rise ')
    expect(countWords(list)).toBe(2)
    expect(skipSpace(list, 1)).toBe(2)
    expect(textOf(list, 0, contentEnd(list, list.length))).toBe('Shares rise')
  })
})
