/**
 * `npm run plant-misattribution [-- FOLDER...] [--files N]`: a planted
 * misattribution evaluation of `attribution-mismatch` over real paragraphs
 * (default: the annotated PolNeAR articles and the BBC texts). For each
 * article with a body paragraph whose one person speaker is named, a
 * misattribution is planted in one of five families (taken in turn), and a
 * control that credits the same words to the paragraph's own speaker:
 *   stranger — `"And that is what we will do," the Herald quoted Walker as
 *              saying.` after the paragraph (a surname never introduced);
 *   channel  — `"We will keep working on it," Walker told the Globe.`;
 *   other    — a new paragraph `"And that is why we will keep working on
 *              it," <Other> said.`, crediting another person the article
 *              introduces with the run's words;
 *   pronoun  — a new paragraph `"We will keep working on it," she said.`
 *              after a man's paragraph (or `he` after a woman's), where
 *              nobody of that gender is named in it or the one before;
 *   split    — `"We will keep working on it," <Speaker> said, "and we will
 *              finish it," <Other> said.`: a quote split by its cue, its rest
 *              credited to another person of the article.
 * Surnames for strangers come from a list of 60 (common English words among
 * them: Walker, Brown, Green), each unused in the article. Recall: planted
 * sentences flagged; precision: flags on them over all flags in planted and
 * control texts; and the messages on the articles as they are (false alarms),
 * per 200 articles. Not a test: the figures go in notes.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {analyse, type Analysis, type Attribution, type Person} from '../src/analysis/analysis.js'
import type {RuleSetting} from '../src/rule-api/define-rule.js'
import {createProcessor} from '../src/run/processor.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const defaultFolders = [path.resolve(here, '../../../shared/eval/attribution/articles'), path.resolve(here, '../../../shared/bench/corpus')]
const strangers = (
  'Walker Brown Green Hall Wood Taylor Patel Khan Jones Hughes Smith Okonjo Lindqvist Moravec Haddadi Szabados Quesnel Takemura Novak Kowalski ' +
  'Fischer Rossi Silva Nguyen Hassan Murphy Byrne Walsh Clarke Wright Baker Cooper Ward Morgan Bell Price Reed Gray Young Wells Hill Moore ' +
  'Turner Parker Evans Edwards Collins Stewart Morris Rogers Cook Bailey Rivera Howard Ramos Torres Peterson Sutherland Okafor Lindgren'
).split(' ')
const outlets = ['Herald', 'Globe', 'Echo', 'Dawn', 'Times', 'Telegraph', 'Chronicle', 'Star', 'Tribune', 'Post']

type Family = 'stranger' | 'channel' | 'other' | 'pronoun' | 'split'
const families: readonly Family[] = ['stranger', 'channel', 'other', 'pronoun', 'split']

interface Plant {
  readonly planted: string
  readonly control: string
  /** A new paragraph after the speaker's, rather than a sentence appended to it. */
  readonly paragraph: boolean
}

const surname = (person: Person) => person.name.split(' ').at(-1)!

function plantFor(family: Family, speaker: Attribution, analysis: Analysis, value: string, index: number): Plant | undefined {
  const person = speaker.person!
  const own = surname(person)
  const stranger = strangers.slice(index % strangers.length).concat(strangers).find((name) => !value.includes(name))!
  const outlet = outlets[index % outlets.length]
  const block = speaker.sentence.block
  // Another person the article introduces with a full name, not named in this paragraph, of another surname.
  const other = analysis.people.find(
    (candidate) =>
      candidate !== person &&
      candidate.name.includes(' ') &&
      surname(candidate) !== own &&
      candidate.mentions.some((mention) => mention.introduces) &&
      !candidate.mentions.some((mention) => mention.block === block)
  )
  if (family === 'stranger') {
    const line = (name: string) => ` "And that is what we will do," the ${outlet} quoted ${name} as saying.`
    return {planted: line(stranger), control: line(own), paragraph: false}
  }
  if (family === 'channel') {
    const line = (name: string) => ` "We will keep working on it," ${name} told the ${outlet}.`
    return {planted: line(stranger), control: line(own), paragraph: false}
  }
  if (family === 'other') {
    if (!other) return undefined
    const line = (name: string) => `"And that is why we will keep working on it," ${name} said.`
    return {planted: line(surname(other)), control: line(own), paragraph: true}
  }
  if (family === 'pronoun') {
    if (!person.gender || !person.mentions.some((mention) => mention.names.length >= 2 || mention.titles.length > 0)) return undefined
    const opposite = person.gender === 'male' ? 'female' : 'male'
    const named = analysis.people.some(
      (candidate) => candidate.gender !== person.gender && candidate.mentions.some((mention) => mention.block.index >= block.index - 1 && mention.block.index <= block.index)
    )
    if (named) return undefined
    const line = (gender: string) => `"We will keep working on it," ${gender === 'male' ? 'he' : 'she'} said.`
    return {planted: line(opposite), control: line(person.gender), paragraph: true}
  }
  if (!other) return undefined
  const line = (name: string) => ` "We will keep working on it," ${own} said, "and we will finish it," ${name} said.`
  return {planted: line(surname(other)), control: line(own), paragraph: false}
}

function main(): void {
  const {values, positionals} = parseArgs({options: {files: {type: 'string', default: '100000'}}, allowPositionals: true})
  const folders = (positionals.length > 0 ? positionals : defaultFolders).map((folder) => path.resolve(folder))
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) settings[rule.meta.id] = rule.meta.id === 'attribution-mismatch' ? ['error', {}] : ['off', {}]
  const processor = createProcessor('text', settings)
  const lint = (value: string) => {
    const file = new VFile({path: 'a.txt', value})
    const tree = processor.lint(file)
    return {file, tree}
  }

  for (const folder of folders) {
    if (!fs.existsSync(folder)) {
      console.error(`plant-misattribution: ${folder}: no such folder`)
      process.exitCode = 2
      return
    }
    const counts = {articles: 0, clean: 0, planted: 0, found: 0, flags: 0, correct: 0}
    const byFamily = new Map<Family, {planted: number; found: number}>()
    const names = fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().slice(0, Number(values.files))
    let turn = 0
    for (const [index, name] of names.entries()) {
      const value = fs.readFileSync(path.join(folder, name), 'utf8')
      const clean = lint(value)
      counts.articles++
      counts.clean += clean.file.messages.length
      for (const message of clean.file.messages) console.log(`clean ${name}:${message.line}:${message.column} ${message.reason}`)
      const analysis = analyse(clean.tree, clean.file)
      const attributions = analysis.attributions
      // A body paragraph whose last cue credits a named person, the paragraph's only person speaker.
      const speaker = [...attributions].reverse().find((attribution) => {
        if (attribution.kind !== 'person' || !attribution.person || attribution.sentence.block.kind !== 'body') return false
        const own = attributions.filter((other) => other.sentence.block === attribution.sentence.block && other.person)
        return own.every((other) => other.person === attribution.person)
      })
      if (!speaker) continue
      const block = speaker.sentence.block
      if (block.quotes.some((quote) => !quote.closed)) continue
      // Each article gets the next family that fits it, so every family is planted often.
      let plant: Plant | undefined
      let family: Family = families[0]
      for (let tries = 0; tries < families.length && !plant; tries++) {
        family = families[(turn + tries) % families.length]
        plant = plantFor(family, speaker, analysis, value, index)
      }
      if (!plant) continue
      turn = families.indexOf(family) + 1
      const insert = (text: string) => (plant!.paragraph ? value.slice(0, block.end) + '\n\n' + text + value.slice(block.end) : value.slice(0, block.end) + text + value.slice(block.end))
      const plantedRun = lint(insert(plant.planted))
      const controlRun = lint(insert(plant.control))
      const row = byFamily.get(family) ?? {planted: 0, found: 0}
      row.planted++
      counts.planted++
      const length = plant.planted.length + (plant.paragraph ? 2 : 0)
      const inPlanted = (offset: number | undefined) => offset !== undefined && offset >= block.end && offset <= block.end + length
      const hits = plantedRun.file.messages.filter((message) => message.place && 'start' in message.place && inPlanted(message.place.start.offset))
      if (hits.length > 0) {
        row.found++
        counts.found++
      } else console.log(`missed ${family} ${name}: ${plant.planted.trim()}`)
      for (const message of controlRun.file.messages) {
        if (message.place && 'start' in message.place && message.place.start.offset !== undefined && message.place.start.offset >= block.end && message.place.start.offset <= block.end + length)
          console.log(`control ${family} ${name}: ${message.reason}`)
      }
      byFamily.set(family, row)
      // Flags the plant caused: those of the planted and control texts beyond the article's own.
      counts.flags += plantedRun.file.messages.length + controlRun.file.messages.length - 2 * clean.file.messages.length
      counts.correct += hits.length
    }
    const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '-')
    console.log(`planted misattribution: ${folder}, ${counts.articles} articles, ${counts.planted} planted`)
    console.log(`recall ${ratio(counts.found, counts.planted)} (${counts.found}/${counts.planted}), precision ${ratio(counts.correct, counts.flags)} (${counts.correct}/${counts.flags})`)
    for (const [family, row] of byFamily) console.log(`  ${family}: ${row.found}/${row.planted}`)
    console.log(`unmutated articles: ${counts.clean} messages, ${((200 * counts.clean) / Math.max(1, counts.articles)).toFixed(2)} per 200 articles`)
  }
}

main()
