/**
 * `npm run plant-misattribution [-- FOLDER] [--files N]`: a planted
 * misattribution evaluation of `attribution-mismatch` over real paragraphs
 * (default ../shared/bench/corpus). For each article with a body paragraph
 * whose speaker is a named person, three texts are linted:
 *   planted — the paragraph gets a sentence crediting its speaker's words to
 *             someone never introduced, in one of three forms (a continuing
 *             quote “quoted X as saying”, a quote credited to a bare
 *             surname, a pronoun that the sentence then rules out);
 *   control — the same sentence credited to the paragraph's own speaker;
 *   clean   — the article as it is.
 * Recall: planted sentences flagged. Precision: flags on planted sentences
 * over all flags in the three texts. Not a test; the figures go in notes.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {analyse, type Attribution} from '../src/analysis/analysis.js'
import type {RuleSetting} from '../src/rule-api/define-rule.js'
import {createProcessor} from '../src/run/processor.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const defaultFolder = path.resolve(here, '../../../shared/bench/corpus')
/** Surnames no BBC article of the corpus uses, for the wrongly credited person. */
const strangers = ['Pompeo', 'Okonjo', 'Lindqvist', 'Haddadi', 'Moravec', 'Szabados', 'Quesnel', 'Takemura']
const outlets = ['the Dawn', 'the Herald', 'the agency', 'the paper']

type Form = 'continuing-quote' | 'bare-surname' | 'pronoun'
const forms: readonly Form[] = ['continuing-quote', 'bare-surname', 'pronoun']

function sentenceFor(form: Form, credited: string, speaker: Attribution, index: number): string | undefined {
  const outlet = outlets[index % outlets.length]
  if (form === 'continuing-quote') return ` "And that we will keep working on it", ${outlet} quoted ${credited} as saying.`
  if (form === 'bare-surname') return ` "We will keep working on it," ${credited} said.`
  // “He said <the speaker, named again> was told …”: only when crediting a stranger is not the test.
  const surname = speaker.person?.name.split(' ').at(-1)
  return surname ? ` He said ${surname} had been told about the plan.` : undefined
}

function main(): void {
  const {values, positionals} = parseArgs({options: {files: {type: 'string', default: '2225'}}, allowPositionals: true})
  const folder = path.resolve(positionals[0] ?? defaultFolder)
  if (!fs.existsSync(folder)) {
    console.error(`plant-misattribution: ${folder}: no such folder`)
    process.exitCode = 2
    return
  }
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) settings[rule.meta.id] = rule.meta.id === 'attribution-mismatch' ? ['error', {}] : ['off', {}]
  const processor = createProcessor('text', settings)
  const lint = (value: string) => {
    const file = new VFile({path: 'a.txt', value})
    const tree = processor.lint(file)
    return {file, tree}
  }

  const counts = {planted: 0, found: 0, flags: 0, correct: 0}
  const byForm = new Map<Form, {planted: number; found: number}>()
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().slice(0, Number(values.files))

  for (const [index, name] of names.entries()) {
    const value = fs.readFileSync(path.join(folder, name), 'utf8')
    const clean = lint(value)
    counts.flags += clean.file.messages.length
    // A body paragraph whose last cue credits a named person, the paragraph's only person speaker.
    const attributions = analyse(clean.tree, clean.file).attributions
    const speaker = [...attributions].reverse().find((attribution) => {
      if (attribution.kind !== 'person' || !attribution.person || attribution.sentence.block.kind !== 'body') return false
      const here = attributions.filter((other) => other.sentence.block === attribution.sentence.block && other.person)
      return here.every((other) => other.person === attribution.person)
    })
    if (!speaker) continue
    const block = speaker.sentence.block
    // Append only to a paragraph whose quotes are all closed, so the planted sentence stands alone.
    if (block.quotes.some((quote) => !quote.closed)) continue
    const form = forms[index % forms.length]
    const stranger = strangers.find((surname) => !value.includes(surname)) ?? strangers[0]
    const planted = sentenceFor(form, stranger, speaker, index)
    const control = sentenceFor(form === 'pronoun' ? 'bare-surname' : form, speaker.person!.name.split(' ').at(-1)!, speaker, index)
    if (!planted || !control) continue

    const insert = (sentence: string) => value.slice(0, block.end) + sentence + value.slice(block.end)
    const plantedRun = lint(insert(planted))
    const controlRun = lint(insert(control))
    const row = byForm.get(form) ?? {planted: 0, found: 0}
    row.planted++
    counts.planted++
    const inPlanted = (offset: number | undefined) => offset !== undefined && offset >= block.end && offset <= block.end + planted.length
    const hits = plantedRun.file.messages.filter((message) => message.place && 'start' in message.place && inPlanted(message.place.start.offset))
    if (hits.length > 0) {
      row.found++
      counts.found++
    }
    byForm.set(form, row)
    counts.flags += plantedRun.file.messages.length + controlRun.file.messages.length
    counts.correct += hits.length
  }

  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '-')
  console.log(`planted misattribution: ${folder}, ${names.length} articles, ${counts.planted} planted`)
  console.log(`recall ${ratio(counts.found, counts.planted)} (${counts.found}/${counts.planted}), precision ${ratio(counts.correct, counts.flags)} (${counts.correct}/${counts.flags})`)
  for (const [form, row] of byForm) console.log(`  ${form}: ${row.found}/${row.planted}`)
}

main()
