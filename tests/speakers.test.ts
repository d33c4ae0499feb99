/**
 * The speaker model on real sentences (the seed articles): for each cue form,
 * the cue, the speaker span and the person it resolves to.
 */
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {analyse} from '../src/analysis/analysis.js'
import {createProcessor} from '../src/run/processor.js'
import {only, root} from './helpers.js'

function model(value: string, people: Record<string, string[]> = {}) {
  const file = new VFile({path: 'a.txt', value})
  file.data.people = people
  const tree = createProcessor('text', only('none')).lint(file)
  return analyse(tree, file)
}

/** `form | speaker | kind | person` for every attribution. */
function attributions(value: string, people?: Record<string, string[]>) {
  return model(value, people).attributions.map((a) => [a.cue.form, a.speakerText, a.kind, a.person?.name ?? '-', value.slice(a.start, a.end)])
}

const seed000 = fs.readFileSync(path.join(root, 'articles/000_3f8e3d0fb9951cbf.txt'), 'utf8').split('\n')
const seed004 = fs.readFileSync(path.join(root, 'articles/004_dd9860ece21027d1.txt'), 'utf8').split('\n')
const lines = (source: string[], ...numbers: number[]) => numbers.map((number) => source[number - 1]).join('\n\n')

describe('speaker model: cues and speakers', () => {
  it('should take a named speaker left of the verb, skipping `had also`, and a pronoun after it', () => {
    expect(attributions(lines(seed000, 25)).filter(([form]) => form !== 'passive')).toEqual([
      ['plain', 'Mattis', 'person', 'Mattis', 'Mattis had also said'],
      ['plain', 'He', 'pronoun', 'Mattis', 'He said'],
      ['quoted-as-saying', 'Pompeo', 'person', 'Pompeo', 'the Dawn quoted Pompeo as saying']
    ])
  })

  it('should read `stated` and a weak cue such as `added` before a colon', () => {
    expect(attributions(lines(seed000, 11)).map((row) => row.slice(0, 4))).toEqual([['plain', 'General Mattis', 'person', 'Mattis']])
    expect(attributions('Mattis said the talks went well. He added: “We will work together.”').map((row) => row.slice(0, 4))).toEqual([
      ['plain', 'Mattis', 'other', '-'],
      ['plain', 'He', 'pronoun', '-']
    ])
  })

  it('should take the appositive between commas as the speaker', () => {
    expect(attributions(lines(seed000, 27))).toEqual([['plain', 'Gen. John Nicholson', 'person', 'John Nicholson', 'Gen. John Nicholson, said']])
  })

  it('should resolve `he told reporters` to the last speaker, not to a caption-like line between', () => {
    expect(attributions(lines(seed000, 27, 29, 31)).map((row) => row.slice(0, 4))).toEqual([
      ['plain', 'Gen. John Nicholson', 'person', 'John Nicholson'],
      ['plain', 'he', 'pronoun', 'John Nicholson']
    ])
  })

  it('should read `according to` and a statement as speakers that are not people', () => {
    expect(attributions(lines(seed000, 33))).toEqual([
      ['according-to', 'a press release by the U.S. Department of Defense', 'other', '-', 'according to a press release by the U.S. Department of Defense']
    ])
    expect(attributions(lines(seed000, 7)).map((row) => row.slice(0, 4))).toEqual([['plain', 'A Pentagon statement', 'other', '-']])
  })

  it('should mark a claim credited to no one: `critics claim` and `is said to`', () => {
    expect(attributions(lines(seed004, 21)).map((row) => [row[0], row[1], row[2]])).toEqual([
      ['passive', '', 'vague'],
      ['plain', 'critics', 'vague']
    ])
  })

  it('should credit `…, claiming that` to the subject of the sentence', () => {
    expect(attributions(lines(seed004, 23)).map((row) => row.slice(0, 3))).toEqual([['participle', 'Trump', 'other']])
  })

  it('should take a speaker after the verb in the inverted form', () => {
    expect(attributions('“We have not seen those changes implemented yet,” said Gen. John Nicholson.').map((row) => row.slice(0, 4))).toEqual([
      ['inverted', 'Gen. John Nicholson', 'person', 'John Nicholson']
    ])
  })

  it('should resolve `he said` to the last speaker of the paragraph before when none speaks here', () => {
    // Line 9 names “US Defence Secretary Jim Mattis”; the `I believe` inside the quote is no cue.
    expect(attributions(lines(seed004, 9, 27, 29)).map((row) => row.slice(0, 4))).toEqual([
      ['plain', 'US General John Nicholson', 'person', 'John Nicholson'],
      ['plain', 'Mattis', 'person', 'Jim Mattis'],
      ['plain', 'he', 'pronoun', 'Jim Mattis']
    ])
  })

  it('should not read a cue inside a quotation as the article crediting someone', () => {
    const value = '“Mattis said he would listen,” Nicholson’s aide, Gen. John Smith, said.'
    expect(attributions(value).map((row) => row.slice(0, 2))).toEqual([['plain', 'Gen. John Smith']])
  })
})

describe('speaker model: people', () => {
  it('should not take a possessor or a modifier inside a credited subject for a person', () => {
    // BBC business copy: the country and the adjective sit inside the speaker phrase, the person heads it.
    const text =
      '"I do not think we need to cut unless the prices are falling below $35 a barrel," Fathi Bin Shatwan, Libya\'s oil minister, told Reuters. ' +
      '"It looks pretty grim," said Swedish trades union official Ulf Carlsson.\n'
    expect(model(text).people.map((person) => person.name)).toEqual(['Fathi Bin Shatwan', 'Ulf Carlsson'])
  })

  it('should strip titles, keep name particles and link surnames into one person', () => {
    const people = model(lines(seed004, 11, 17, 19, 31, 35)).people.map((person) => [person.name, [...person.titles].sort().join(' '), person.mentions.length])
    expect(people).toEqual([
      ['Jim Mattis', 'defence secretary us', 3],
      ['Shahid Khaqan Abbasi', 'minister', 1],
      ['Qamar Javed Bajwa', 'chief general', 1],
      ['Hafiz Saeed', 'cleric', 2],
      ['Mohammad al-Khodhr', 'general lieutenant staff', 1],
      ['Sabah al-Khaled al-Sabah', 'foreign kuwaiti minister sheikh', 1]
    ])
  })

  it('should accept a lone surname as a person when a pronoun in its sentence points back to it', () => {
    expect(model(lines(seed000, 19)).people.map((person) => person.name)).toEqual(['Saeed'])
  })

  it('should use the config’s people and their title aliases', () => {
    const found = model('He spoke with the defence secretary. The defence secretary said the talks went well.', {'Jim Mattis': ['Mattis', 'the defence secretary']})
    expect(found.attributions.map((a) => [a.speakerText, a.person?.key])).toEqual([['The defence secretary', 'mattis']])
  })
})
