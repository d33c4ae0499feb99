import {ParseEnglish} from 'parse-english'
import type {Paragraph} from 'nlcst'
import {describe, expect, it} from 'vitest'
import {findQuotes} from '../../src/analysis/nlcst/quotes.js'

const parser = new ParseEnglish()

/** Quoted text of each quote found in a one-paragraph string. */
function quoted(value: string) {
  const paragraph = parser.parse(value).children.find((child) => child.type === 'ParagraphNode') as Paragraph
  return findQuotes(paragraph).map((quote) => ({
    text: value.slice(quote.innerStart, quote.innerEnd),
    mark: quote.mark,
    depth: quote.depth,
    opened: quote.opened,
    closed: quote.closed
  }))
}

describe('findQuotes', () => {
  it('should find straight double quotes, closed before a comma', () => {
    // Seed 000, line 31.
    expect(quoted('"We have not seen those changes implemented yet", he told reporters.')).toEqual([
      {text: 'We have not seen those changes implemented yet', mark: 'double', depth: 0, opened: true, closed: true}
    ])
  })

  it('should find curly single quotes spanning sentences and skip apostrophes inside words', () => {
    // Seed 004, line 29.
    const value = 'When quizzed on if he would ‘prod’ Islamabad, he said: ‘That’s not the way I deal with issues. I believe that we work hard.’'
    expect(quoted(value)).toEqual([
      {text: 'prod', mark: 'single', depth: 0, opened: true, closed: true},
      {text: 'That’s not the way I deal with issues. I believe that we work hard.', mark: 'single', depth: 0, opened: true, closed: true}
    ])
  })

  it('should read a closing mark after a plural as an apostrophe when no single quote is open', () => {
    // Seed 000, line 33: “Mattis' trip”.
    expect(quoted('Mattis’ trip aims “to re-affirm the enduring U.S. commitment” in the region.')).toEqual([
      {text: 'to re-affirm the enduring U.S. commitment', mark: 'double', depth: 0, opened: true, closed: true}
    ])
    expect(quoted("Mattis' trip aims to re-affirm the commitment.")).toEqual([])
  })

  it('should nest a single quote inside a double quote', () => {
    expect(quoted('“He said ‘agents of chaos’ twice,” a diplomat said.')).toEqual([
      {text: 'He said ‘agents of chaos’ twice,', mark: 'double', depth: 0, opened: true, closed: true},
      {text: 'agents of chaos', mark: 'single', depth: 1, opened: true, closed: true}
    ])
  })

  it('should leave a quote open at the end of a paragraph that continues it', () => {
    expect(quoted('“We will go on working together.')).toEqual([
      {text: 'We will go on working together.', mark: 'double', depth: 0, opened: true, closed: false}
    ])
  })

  it('should report a closing mark with no opening one as a quote from the paragraph start', () => {
    expect(quoted('so that is the approach I want to take,” he said.')).toEqual([
      {text: 'so that is the approach I want to take,', mark: 'double', depth: 0, opened: false, closed: true}
    ])
  })
})
