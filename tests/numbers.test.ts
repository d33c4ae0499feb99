/**
 * The number layer on real sentences (the seeds and the dev articles), class
 * by class: what `analysis.numbers` finds, how split tokens are joined again,
 * the values it reads, and the classes that are not figures.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {analyse} from '../src/analysis/analysis.js'
import {figureKinds} from '../src/analysis/numbers/find.js'
import {digitValue, spelledValue} from '../src/analysis/numbers/lexicon.js'
import {createProcessor} from '../src/run/processor.js'
import {only} from './helpers.js'

function numbers(value: string) {
  const file = new VFile({path: 'a.txt', value})
  const tree = createProcessor('text', only('none')).lint(file)
  return analyse(tree, file).numbers
}

/** `text kind` for every number of `value`. */
function classes(value: string): string[] {
  return numbers(value).map((mention) => `${mention.text} ${mention.kind}`)
}

describe('numbers: money', () => {
  it('should join a currency symbol, digits and a scale word', () => {
    const [bounty] = numbers('Saeed heads the UN-listed terrorist group Jamaat-ud-Dawa and has a $10 million United States bounty on his head.')
    expect([bounty.text, bounty.kind, bounty.value, bounty.unit]).toEqual(['$10 million', 'money', 10_000_000, 'USD'])
  })

  it('should join digit groups split at their commas, and read suffixed scales', () => {
    expect(classes("Facebook has been fined £500,000 by the UK's data protection watchdog.")).toEqual(['£500,000 money'])
    const [dollars, pounds] = numbers('Facebook has said it will set aside $3bn (£2.3bn) to cover the potential costs.')
    expect([dollars.value, dollars.unit, pounds.value, pounds.unit]).toEqual([3e9, 'USD', 2.3e9, 'GBP'])
  })

  it('should read decimals and currency words after the number', () => {
    expect(classes('In late trading in New York, the dollar reached $1.2871 against the euro, from $1.2974 on Thursday.')).toEqual([
      '$1.2871 money',
      '$1.2974 money'
    ])
    const euros = numbers('Despite starring in five films in 2004, Depardieu made 3.35m Euros.')[2]
    expect([euros.text, euros.kind, euros.value, euros.unit]).toEqual(['3.35m Euros', 'money', 3_350_000, 'EUR'])
  })
})

describe('numbers: percentages', () => {
  it('should read %, percent, per cent and spelled numbers', () => {
    expect(classes('WeWork’s 2025 bond has weakened sharply in the past week, hitting 16.057% on Monday.')).toEqual(['2025 year', '16.057% percent'])
    expect(classes('Fifty-one percent say that the president should be impeached.')).toEqual(['Fifty-one percent percent'])
    expect(classes('Problematic cannabis use rose by 37 percent, from 0.90 percent to 1.23 percent.')).toEqual([
      '37 percent percent',
      '0.90 percent percent',
      '1.23 percent percent'
    ])
  })
})

describe('numbers: counts and casualties', () => {
  it('should read counts in digits and words, with their scale', () => {
    expect(classes('More than 600,000 Israelis live in settlements in east Jerusalem and the West Bank, alongside more than three million Palestinians.')).toEqual([
      '600,000 count',
      'three million count'
    ])
    const [users] = numbers('That rise takes the number of users to 2.38 billion.')
    expect([users.kind, users.value]).toEqual(['count', 2.38e9])
  })

  it('should mark hedged figures', () => {
    const [figure] = numbers('Facebook also suffered a data breach that exposed the personal information of nearly 50 million users.')
    expect([figure.text, figure.approximate]).toEqual(['50 million', true])
  })

  it('should read casualty counts from the verb before or the word after, and the counts joined to them', () => {
    expect(classes('Hafiz Saeed is alleged to have been one of the masterminds of the Mumbai attack which killed 164 people and six US citizens.')).toEqual([
      'one count',
      '164 casualty',
      'six casualty'
    ])
    expect(classes('Facebook hosted a livestream of the Christchurch attacks that left 50 dead.')).toEqual(['50 casualty'])
  })

  it('should read a spelled margin as a count', () => {
    const [margin] = numbers('Their nominee for governor, Jim Hood, lost by five-and-a-half points.')
    expect([margin.kind, margin.value]).toEqual(['count', 5.5])
  })

  it('should read vague quantities and spelled fractions apart from counts', () => {
    expect(classes('It had mistakenly stored the passwords of hundreds of millions of users without encryption.')).toEqual(['hundreds of millions approximate'])
    expect(classes('At least a third of campers were believed to be homeless.')).toEqual(['a third fraction'])
  })
})

describe('numbers: what is not a figure', () => {
  it('should read dates, years and clock times', () => {
    expect(classes('Published November 20th, 2019 - 07:29 GMT')).toEqual(['20th ordinal', '2019 year', '07:29 time'])
    expect(classes('Ms Denham is due to give evidence to the committee on 6 November.')).toEqual(['6 date'])
    expect(classes('They first gave a 4 a.m. deadline, then pushed the time to 4:30 a.m.')).toEqual(['4 time', '4:30 time'])
    expect(classes('Cambridge Analytica helped Donald Trump\'s 2016 presidential campaign in the 1990s.')).toEqual(['2016 year', '1990s date'])
  })

  it('should read ages', () => {
    expect(classes('It is the 67-year-old’s first visit to the country as defence secretary.')).toEqual(['67-year-old’s age'])
    expect(classes('In adults aged 26 or older, the number rose.')).toEqual(['26 age'])
    expect(classes('Among participants aged between 18 to 25-years-old, the rates did not change.')).toEqual(['18 age', '25-years-old age'])
  })

  it('should read ordinals and designations', () => {
    expect(classes('It is only the 13th time the power has been used.')).toEqual(['13th ordinal'])
    expect(classes('Pakistan was hindered by non-provision of F-16 fighter jets by the United States.')).toEqual(['F-16 designation'])
    expect(classes('Rusedski will take on former world number 30 Harel Levy.')).toEqual(['30 designation'])
  })

  it('should read durations, measures and scores', () => {
    expect(classes('Occupy L.A. protesters have camped out for two months.')).toEqual(['two duration'])
    expect(classes('He has been playing for 17 NBA seasons.')).toEqual(['17 duration'])
    expect(classes('The report claims the display size will remain 13.3 inches.')).toEqual(['13.3 measure'])
    expect(classes('We would love to purchase a water cooler for the BPA-free 5-gallon bottles.')).toEqual(['5-gallon measure'])
    expect(classes('The settlement was approved by the FTC in a 3-2 vote.')).toEqual(['3-2 score'])
    expect(classes('James finished with 25 points, 11 rebounds and 10 assists.')).toEqual(['25 score', '11 score', '10 score'])
  })

  it('should keep these classes out of the figure kinds', () => {
    for (const kind of ['date', 'year', 'time', 'age', 'ordinal', 'designation', 'duration', 'measure', 'score', 'fraction', 'approximate'] as const) {
      expect(figureKinds.has(kind), kind).toBe(false)
    }
  })
})

describe('number words', () => {
  it('should read digit words with suffixes', () => {
    expect([digitValue('10'), digitValue('16.057'), digitValue('5bn'), digitValue('1.1m'), digitValue('F-16')]).toEqual([10, 16.057, 5e9, 1_100_000, undefined])
  })

  it('should read spelled numbers and refuse other words', () => {
    expect([spelledValue('five'), spelledValue('Fifty-one'), spelledValue('five-and-a-half'), spelledValue('fifth'), spelledValue('one-two')]).toEqual([
      5,
      51,
      5.5,
      undefined,
      undefined
    ])
  })

  it('should not take the names every object has for number words', () => {
    for (const word of ['constructor', 'valueOf', 'toString', '__proto__', 'hasOwnProperty', 'forty-constructor']) expect(spelledValue(word), word).toBeUndefined()
    expect(classes('The constructor built 40 homes.')).toEqual(['40 count'])
  })
})
