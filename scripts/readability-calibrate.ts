/**
 * `node dist/scripts/readability-calibrate.js [FOLDER] [--age N --threshold K/7 --min-words N]`:
 * how often `readability` would flag body prose on a corpus of clean copy,
 * for a grid of options (issue 19 chose the defaults with it on the 2,225
 * BBC texts, ../shared/bench/corpus). Every plain-text article is parsed as
 * the CLI parses it; each sentence that `isBodyProse` accepts is read once
 * (its words and the age each formula gives). It prints, for each option
 * set, the share of body sentences flagged; then, for the chosen set, five
 * flagged and five unflagged sentences at the boundary (one formula from the
 * other side), picked evenly through the corpus. Deterministic.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import readability, {sentenceReading} from '../rules/readability.js'
import {analyse} from '../src/analysis/analysis.js'
import {isBodyProse} from '../src/analysis/prose.js'
import type {RuleSetting, RuleSettings} from '../src/rule-api/define-rule.js'
import {createProcessor} from '../src/run/processor.js'
import {listArticles} from './bench-worker.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const defaultFolder = path.resolve(here, '../../../shared/bench/corpus')

interface Reading {
  readonly file: string
  readonly text: string
  readonly words: number
  readonly ages: readonly number[]
}

/** The formulas above `age` for one reading. */
function above(reading: Reading, age: number): number {
  return reading.ages.filter((value) => value > age).length
}

function flagged(reading: Reading, age: number, agree: number, minWords: number): boolean {
  return reading.words >= minWords && above(reading, age) >= agree
}

function main(): void {
  const args = process.argv.slice(2)
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name)
    if (at === -1) return fallback
    const [value] = args.splice(at, 2).slice(1)
    return Number(value)
  }
  const defaults = readability.meta.options ?? {}
  const chosenAge = option('--age', Number(defaults.age?.default))
  const chosenAgree = option('--threshold', Math.round(Number(defaults.threshold?.default) * 7))
  const chosenMinWords = option('--min-words', Number(defaults.minWords?.default))
  const folder = args[0] === undefined ? defaultFolder : path.resolve(args[0])

  const off: Record<string, RuleSetting> = {}
  for (const rule of rules) off[rule.meta.id] = ['off', {}]
  const parser = createProcessor('text', off as RuleSettings)

  const readings: Reading[] = []
  let sentences = 0
  const files = listArticles(folder).filter((file) => path.extname(file).toLowerCase() === '.txt')
  for (const file of files) {
    const value = fs.readFileSync(file, 'utf8')
    const vfile = new VFile({value})
    const tree = parser.lint(vfile)
    for (const sentence of analyse(tree, vfile).sentences) {
      sentences++
      if (!isBodyProse(sentence)) continue
      const {words, ages} = sentenceReading(sentence.node)
      if (words === 0) continue
      readings.push({file: path.relative(folder, file), text: value.slice(sentence.start, sentence.end), words, ages})
    }
  }

  console.log(`${files.length} files, ${sentences} sentences, ${readings.length} of body prose (with a word)`)
  console.log('age  agree  minWords  flagged  share of body prose')
  for (const age of [16, 17, 18, 19, 20, 21, 22]) {
    for (const agree of [4, 5, 6, 7]) {
      for (const minWords of [5, 10]) {
        const count = readings.filter((reading) => flagged(reading, age, agree, minWords)).length
        console.log(`${age}   ${agree}/7    ${String(minWords).padEnd(8)}  ${String(count).padEnd(7)}  ${percent(count, readings.length)}`)
      }
    }
  }

  const count = readings.filter((reading) => flagged(reading, chosenAge, chosenAgree, chosenMinWords)).length
  console.log(
    `\nchosen: age ${chosenAge}, threshold ${chosenAgree}/7, minWords ${chosenMinWords}: ` +
      `${count} of ${readings.length} body sentences flagged (${percent(count, readings.length)}, 1 in ${(readings.length / count).toFixed(1)})`
  )
  const long = readings.filter((reading) => reading.words >= chosenMinWords)
  show('flagged, exactly at the threshold', long.filter((reading) => above(reading, chosenAge) === chosenAgree), chosenAge)
  show('not flagged, one formula short', long.filter((reading) => above(reading, chosenAge) === chosenAgree - 1), chosenAge)
}

/** Five readings spread evenly through `list`. */
function show(title: string, list: readonly Reading[], age: number): void {
  console.log(`\n${title} (${list.length}):`)
  for (let index = 0; index < 5 && index < list.length; index++) {
    const reading = list[Math.floor(((index + 0.5) * list.length) / 5)]
    console.log(`- ${reading.file} (${reading.words} words; ages ${reading.ages.join(', ')}; ${above(reading, age)} above ${age}): ${reading.text}`)
  }
}

function percent(part: number, whole: number): string {
  return ((100 * part) / whole).toFixed(1) + '%'
}

main()
