import {ParseEnglish} from 'parse-english'
import type {Paragraph} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {
  bylineEnd,
  counterEnd,
  doubledRun,
  hasDateWord,
  isAgencyCredit,
  isFollowPrompt,
  labelledCredit,
  photoCreditGroup,
  sectionPipe,
  shareCountEnd,
  tweetReportWord
} from '../../src/analysis/nlcst/furniture.js'
import {blockTokens, contentEnd, phraseItems, sentenceStarts, textOf, wordKey, type BlockToken} from '../../src/analysis/nlcst/phrase-match.js'

const parser = new ParseEnglish()
const agencies = ['afp', 'ap', 'ap photo', 'getty', 'getty images', 'reuters', 'statista'].map((phrase) => phraseItems(phrase))

function parse(value: string) {
  const paragraph = parser.parse(value).children.find((child) => child.type === 'ParagraphNode') as Paragraph
  const tokens = blockTokens(paragraph)
  return {tokens, sentences: sentenceStarts(paragraph), end: contentEnd(tokens, tokens.length)}
}

/** The text from `from` to the end of `value`. */
function rest(value: string, from: number | undefined): string | undefined {
  const {tokens, end} = parse(value)
  return from === undefined ? undefined : textOf(tokens, from, end)
}

describe('labelledCredit', () => {
  it('should find a credit label that opens a sentence and a short name after it', () => {
    // Dev set, dragnet-eecd2575 line 8.
    const value = 'Los Angeles Lakers’ LeBron James dunks in Los Angeles. Photo: Ringo H.W. Chiu, AP'
    const {tokens, end} = parse(value)
    expect(rest(value, labelledCredit(tokens, 0, end)?.from)).toBe('Photo: Ringo H.W. Chiu, AP')
  })

  it('should find a credit label glued to the caption, with the cut inside the word', () => {
    // Dev set, boilerpipe-04a6711c line 6.
    const {tokens, end} = parse('He didn’t get it.Credit...Doug Mills/The New York Times')
    const credit = labelledCredit(tokens, 0, end)
    expect(credit && toString(tokens[credit.from]).slice(credit.cut)).toBe('Credit')
  })

  it('should skip a label followed by a caption and take the credit at the end', () => {
    // Dev set, multinews-occupy-latimes line 27 (shortened).
    const value = 'Photo: With a line of LAPD officers behind them, demonstrators sit in the street. Credit: Rick Loomis / Los Angeles Times'
    const {tokens, end} = parse(value)
    expect(rest(value, labelledCredit(tokens, 0, end)?.from)).toBe('Credit: Rick Loomis / Los Angeles Times')
  })

  it('should not take a label in running text', () => {
    const {tokens, end} = parse('The photo: a man with a donkey in the village of Kifl Hares.')
    expect(labelledCredit(tokens, 0, end)).toBeUndefined()
  })
})

describe('isAgencyCredit', () => {
  it('should accept an agency alone, after a name and a slash, or before one', () => {
    for (const value of ['Getty', 'Statista', 'Jaafar ASHTIYEH / AFP', 'Jim Cole/AP', 'REUTERS/Dado Ruvic/File Photo', 'AP Photo/Evan Vucci']) {
      const {tokens, end} = parse(value)
      expect(isAgencyCredit(tokens, 0, end, agencies), value).toBe(true)
    }
  })

  it('should refuse words that only start like an agency or lack the slash', () => {
    for (const value of ['Apple', 'Getty said', 'Jaafar Ashtiyeh AFP', 'the men / AFP']) {
      const {tokens, end} = parse(value)
      expect(isAgencyCredit(tokens, 0, end, agencies), value).toBe(false)
    }
  })
})

describe('photoCreditGroup', () => {
  it('should find a bracketed AP photo credit', () => {
    const value = 'Sen. Bob Corker speaks to reporters. (AP Photo/Natalia Kolesnikova, Pool, file)'
    const {tokens} = parse(value)
    const group = photoCreditGroup(tokens)
    expect(group && textOf(tokens, group.from, group.to)).toBe('(AP Photo/Natalia Kolesnikova, Pool, file)')
  })

  it('should leave a dateline in brackets alone', () => {
    expect(photoCreditGroup(parse('LOS ANGELES (Reuters) - Police in riot gear closed in.').tokens)).toBeUndefined()
    expect(photoCreditGroup(parse('He showed us the (old photo) of the house.').tokens)).toBeUndefined()
  })
})

describe('counterEnd', () => {
  it('should read slideshow counters and whether a full stop closes them', () => {
    expect(counterEnd(parse('1 of 6. The Occupy Los Angeles encampment').tokens, 0)).toEqual({end: 5, dotted: true})
    expect(counterEnd(parse('Image 1 of 4').tokens, 0)).toMatchObject({dotted: false})
    expect(rest('Image 1 of / 23 Caption Close', counterEnd(parse('Image 1 of / 23 Caption Close').tokens, 0)?.end)).toBe(' Caption Close')
  })

  it('should refuse counts in running text', () => {
    expect(counterEnd(parse('2 of the men were arrested.').tokens, 0)).toBeUndefined()
  })
})

describe('bylineEnd', () => {
  it('should end a Daily Mail byline after the last stamped date', () => {
    // Dev set, cnndm-fargo line 1 (shortened).
    const value = 'By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . The bishop of the Fargo Catholic Diocese in North Dakota has exposed potentially hundreds of church members.'
    const {tokens, sentences} = parse(value)
    expect(textOf(tokens, 0, bylineEnd(tokens, sentences) ?? 0)).toBe(
      'By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 .'
    )
  })

  it('should accept a stamp and a date in one sentence', () => {
    const value = 'By . Daily Mail Reporter . Last updated at 4:09 PM on 21st October 2011 . A man was rescued from a river on Friday after three hours in the water.'
    const {tokens, sentences} = parse(value)
    expect(textOf(tokens, 0, bylineEnd(tokens, sentences) ?? 0)).toBe('By . Daily Mail Reporter . Last updated at 4:09 PM on 21st October 2011 .')
  })

  it('should leave a plain byline alone', () => {
    const {tokens, sentences} = parse('By Jamelle Bouie')
    expect(bylineEnd(tokens, sentences)).toBeUndefined()
  })
})

describe('doubledRun', () => {
  it('should find a credit printed twice', () => {
    const value = 'Jim Cole/AP Jim Cole/AP Sen. Bob Corker'
    const {tokens} = parse(value)
    const twice = doubledRun(tokens, 0)
    expect(twice && textOf(tokens, 0, twice.end)).toBe('Jim Cole/AP Jim Cole/AP')
    expect(twice && textOf(tokens, twice.middle, twice.end)).toBe('Jim Cole/AP')
    expect(doubledRun(parse('Sen. Bob Corker speaks').tokens, 0)).toBeUndefined()
  })
})

describe('tweetReportWord', () => {
  it('should find the Report link after an embedded tweet’s date', () => {
    const {tokens, end} = parse('Someone obviously missed their shift this morning. — Bob Corker (@SenBobCorker) October 8, 2017 Report')
    expect(tweetReportWord(tokens, end - 1)).toBe(end - 1)
  })

  it('should leave a report named in text alone', () => {
    const {tokens, end} = parse('The agency published its 2017 Report')
    expect(tweetReportWord(tokens, end - 1)).toBeUndefined()
  })
})

describe('small shapes', () => {
  it('should read a share count', () => {
    expect(shareCountEnd(parse('0 shares Pinterest').tokens, 0)).toBe(3)
    expect(shareCountEnd(parse('Shares rise').tokens, 0)).toBeUndefined()
  })

  it('should see dates and times but not other numbers', () => {
    expect(hasDateWord(parse('Published November 20th, 2019 - 07:29 GMT').tokens, 1)).toBe(true)
    expect(hasDateWord(parse('Published 10 times').tokens, 1)).toBe(false)
  })

  it('should find a follow prompt that names a network', () => {
    const isNetworkAt = (tokens: readonly BlockToken[], index: number) => ['facebook', 'twitter'].includes(wordKey(tokens[index]))
    expect(isFollowPrompt(parse('Follow The New York Times Opinion section on Facebook , Twitter and Instagram .').tokens, 0, isNetworkAt)).toBe(true)
    expect(isFollowPrompt(parse('Be sure to visit Arrowhead on Facebook, Twitter, and Instagram.').tokens, 0, isNetworkAt)).toBe(false)
    expect(isFollowPrompt(parse('Follow the money. It leads to Facebook.').tokens, 0, isNetworkAt)).toBe(false)
  })

  it('should find the pipe before a section tag', () => {
    const value = 'Cannabis Use Disorder is Rising in U.S. States Where Weed is Legal | Health'
    const {tokens, end} = parse(value)
    expect(textOf(tokens, sectionPipe(tokens, 0, end) ?? end, end)).toBe('| Health')
    const table = parse('Arsenal | 3 | Chelsea football club today')
    expect(sectionPipe(table.tokens, 0, table.end)).toBeUndefined()
  })
})

