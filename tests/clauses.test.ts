/**
 * The finite-verb test on real sentences (seeds, dev articles): main clauses
 * found by the word list or by wink-nlp's tags, verbs in relative and
 * subordinate clauses set aside, and the tagger loaded only when the word
 * list leaves a sentence open.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {analyse} from '../src/analysis/analysis.js'
import {hasMainFiniteVerb} from '../src/analysis/clauses/finite.js'
import {isTaggerLoaded} from '../src/analysis/clauses/tagger.js'
import {createProcessor} from '../src/run/processor.js'
import {only} from './helpers.js'

function finite(value: string): boolean {
  const file = new VFile({path: 'a.txt', value})
  const tree = createProcessor('text', only('none')).lint(file)
  const analysis = analyse(tree, file)
  return analysis.sentences.every((sentence) => hasMainFiniteVerb(analysis.speakers.tokensOf(sentence)))
}

describe('hasMainFiniteVerb', () => {
  it('should settle sentences with an auxiliary, a modal or `said` without the tagger', () => {
    expect(finite('Mattis is set to hold talks with prime minister Shahid Khaqan Abbasi.')).toBe(true)
    expect(finite('He said he would like to see Pakistan’s denouncement of terrorism reflected in policy.')).toBe(true)
    expect(finite('Triple-doubles also don’t mean much to LeBron without wins attached to them.')).toBe(true)
    expect(isTaggerLoaded()).toBe(false)
  })

  it('should find no main verb in caption residue and photo captions', () => {
    expect(finite('Jim Mattis in Islamabad on Monday.')).toBe(false)
    expect(finite('Kuwaiti Army Chief of Staff General Lieutenant Mohammad al-Khodhr (C-R) receiving US Defence Secretary Jim Mattis')).toBe(false)
    expect(finite('A stock image of a woman holding a joint.')).toBe(false)
    expect(isTaggerLoaded()).toBe(true)
  })

  it('should set aside the verb of a relative clause', () => {
    expect(finite('U.S. states where marijuana has been legalized for recreational and/or medical use.')).toBe(false)
    expect(finite('The fine, which is the maximum allowed under the old rules, was imposed on Facebook.')).toBe(true)
  })

  it('should take verbs the tagger reads as nouns when they follow a subject', () => {
    expect(finite('Relations suffered a further blow when a Pakistani court released the firebrand cleric Hafiz Saeed.')).toBe(true)
    expect(finite('Rescue: Morecambe RNLI crew members battle against the incoming tide to rescue the bull .')).toBe(true)
    expect(finite('Symptoms of hepatitis A include fever, tiredness, loss of appetite, nausea and abdominal discomfort.')).toBe(true)
  })

  it('should read imperatives as complete', () => {
    expect(finite('Be sure to visit Arrowhead on Facebook, Twitter, and Instagram.')).toBe(true)
    expect(finite('Thunder: Host the Lakers on Friday.')).toBe(true)
  })

  it('should read a headline verb as finite', () => {
    expect(finite('US defence secy hails Pakistan armed forces’ operations against terrorists')).toBe(true)
  })
})
