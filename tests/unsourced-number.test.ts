/**
 * unsourced-number beyond its fixtures: its options (`minimum`,
 * `errorKinds`) and figures inside quotes, on seed and dev sentences.
 */
import {describe, expect, it} from 'vitest'
import {lint, only} from './helpers.js'

const casualty = 'Relations suffered a further blow when a Pakistani court released the firebrand cleric Hafiz Saeed, who is alleged to have been one of the masterminds of the Mumbai attack which killed 164 people and six US citizens.'
const bounty = 'The internationally recognised terrorist helped co-found the Jamaat-ud-Dawa group and has a $10 million bounty on his head.'
const states = 'Marijuana for recreational use has been legalized in 11 states and the District of Columbia.'

function flagged(value: string, options: Record<string, unknown> = {}) {
  return lint(value, only('unsourced-number', options)).messages.map((message) => [message.line, message.fatal])
}

describe('unsourced-number options', () => {
  it('should raise the kinds `errorKinds` names to errors and leave the others warnings', () => {
    expect(flagged([casualty, bounty, states].join('\n\n'), {errorKinds: ['casualty']})).toEqual([
      [1, true],
      [3, false],
      [5, false]
    ])
  })

  it('should skip counts under `minimum`', () => {
    expect(flagged(states, {minimum: 12})).toEqual([])
    expect(flagged(states)).toEqual([[1, false]])
  })
})

describe('unsourced-number and quotes', () => {
  it('should accept a figure inside a quote whose paragraph names the speaker', () => {
    expect(flagged('“Approximately 1.1m of the UK’s 1.6m Muslims are of voting age,” Dr Tamimi said.')).toEqual([])
  })

  it('should flag a figure inside a quote that nobody is credited with', () => {
    expect(flagged('“Approximately 1.1m of the UK’s 1.6m Muslims are of voting age.”')).toEqual([[1, false]])
  })
})

describe('unsourced-number and its sources (issue 19)', () => {
  it('should take a speaker with a role apposition as the source, as it does without the role', () => {
    expect(flagged('Janet Morrow, the cabinet member for education, said the £12m programme would open next year.')).toEqual([])
    expect(flagged('Janet Morrow said the £12m programme would open next year.')).toEqual([])
    expect(flagged('The £12m programme will open next year.')).toEqual([[1, false]])
  })

  it('should let a sentence whose figures are sourced carry its source to the next sentence of the paragraph only', () => {
    const sourced = 'The party says 34,570 U.S. citizens cast votes. Sanders received 69 percent of the vote.'
    expect(flagged(sourced)).toEqual([])
    // The same second sentence in a paragraph of its own, or after a source that states no figure, is flagged.
    expect(flagged('The party says 34,570 U.S. citizens cast votes.\n\nSanders received 69 percent of the vote.')).toEqual([[3, false]])
    expect(flagged('The count went on all night, the party says. Sanders received 69 percent of the vote.')).toEqual([[1, false]])
  })

  it('should accept the price of a product but not an exchange rate or a deal', () => {
    expect(flagged('Fans will be able to download the single for $0.99 from iTunes.')).toEqual([])
    expect(flagged('The headset is priced at £199 and goes on sale in March.')).toEqual([])
    expect(flagged('The dollar reached $1.2871 against the euro.')).toEqual([[1, false]])
    expect(flagged('Argentina signed a $240m agreement to import fuel.')).toEqual([[1, false]])
  })

  it('should not read titles, chart places and old years as figures', () => {
    expect(flagged('Burnout 3 won three awards in the racing categories.')).toEqual([])
    expect(flagged('There are six of his tracks in the top 40 singles chart.')).toEqual([])
    expect(flagged('The role of first lady, started in 1789, carries no official powers.')).toEqual([])
  })

  it('should read metres in athletics as measures, and millions elsewhere', () => {
    expect(flagged('Olympic 10,000m champion Kenenisa Bekele is determined to win.')).toEqual([])
    expect(flagged('She was second in the high jump with a clearance of 1.87m on Sunday.')).toEqual([])
    expect(flagged('Approximately 1.1m of the UK’s 1.6m Muslims are of voting age.')).toEqual([[1, false]])
  })

  it('should take a source named before its bracketed short form', () => {
    expect(flagged('The Office for National Statistics (ONS) said retail sales rose 0.6% on the month.')).toEqual([])
  })

  it('should take the conversion of a price as a price', () => {
    expect(flagged('The bundle is expected to cost about $250 (£129) in the US.')).toEqual([])
    expect(flagged('Net profit was $186m (£98m) in the quarter.')).toEqual([[1, false]])
  })
})
