/**
 * `npm run plant-eval [-- FOLDER] [--files N] [--seed S]`: a planted-defect
 * evaluation of the scraping rules. It takes real articles (default
 * ../shared/bench/corpus), plants one defect in each — an exact or near copy
 * of a paragraph, a lost space between sentences or paragraphs, a line of
 * site furniture — and reports, per rule, recall (planted defects found at
 * their line) and precision (messages on planted files that are at a planted
 * line). Not a test: the figures go in notes and the README.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import type {RuleSetting} from '../src/rule-api/define-rule.js'
import {createProcessor} from '../src/run/processor.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const defaultFolder = path.resolve(here, '../../../shared/bench/corpus')

/** Furniture as scrapers leave it, written for this evaluation (not the rule's own list). */
const furniture = [
  'Advertisement',
  'ADVERTISEMENT',
  'Read more at DailyMail.co.uk',
  'Share this article',
  'Share this: Twitter Facebook',
  'Sign up for our newsletter',
  'Image copyright Getty Images',
  'Latest News',
  'Related Articles',
  'Click here to subscribe',
  'Follow us on Twitter',
  'Continue reading the main story',
  'Skip Twitter post by @BBCNews',
  'Photo: Reuters',
  'Back to Gallery',
  'Story continues below advertisement'
]

type Kind = 'copy' | 'near-copy' | 'glue-sentence' | 'glue-paragraph' | 'furniture'
const kinds: readonly Kind[] = ['copy', 'near-copy', 'glue-sentence', 'glue-paragraph', 'furniture']
const ruleOf: Readonly<Record<Kind, string>> = {
  copy: 'repeated-paragraph',
  'near-copy': 'repeated-paragraph',
  'glue-sentence': 'glued-words',
  'glue-paragraph': 'glued-words',
  furniture: 'boilerplate'
}

interface Planted {
  readonly value: string
  readonly rule: string
  readonly line: number
}

/** A small seeded generator (mulberry32), so runs are repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d_2b_79_f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const pick = <T>(list: readonly T[], next: () => number): T => list[Math.floor(next() * list.length)]

/** Paragraphs of an article as its blank lines separate them. */
function paragraphsOf(value: string): string[] {
  return value.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean)
}

function lineOf(paragraphs: readonly string[], index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) line += paragraphs[i].split('\n').length + 1
  return line
}

function plant(value: string, kind: Kind, next: () => number): Planted | undefined {
  const paragraphs = paragraphsOf(value)
  const body = paragraphs.map((p, i) => [p, i] as const).filter(([p, i]) => i > 0 && p.split(/\s+/).length >= 8)
  if (body.length < 2) return undefined
  const rule = ruleOf[kind]

  if (kind === 'copy' || kind === 'near-copy') {
    const [source, index] = pick(body, next)
    let copy = source
    if (kind === 'near-copy') {
      const words = source.split(' ')
      const at = 1 + Math.floor(next() * (words.length - 2))
      words.splice(at, 1)
      copy = next() < 0.5 ? words.join(' ').toUpperCase() : words.join(' ').replace(/[.,]/g, '')
    }
    const at = index + 1 + Math.floor(next() * (paragraphs.length - index))
    const result = [...paragraphs.slice(0, at), copy, ...paragraphs.slice(at)]
    return {value: result.join('\n\n') + '\n', rule, line: lineOf(result, at)}
  }

  if (kind === 'furniture') {
    const at = next() < 0.5 ? paragraphs.length : 1 + Math.floor(next() * (paragraphs.length - 1))
    const result = [...paragraphs.slice(0, at), pick(furniture, next), ...paragraphs.slice(at)]
    return {value: result.join('\n\n') + '\n', rule, line: lineOf(result, at)}
  }

  if (kind === 'glue-paragraph') {
    const candidates = body.filter(([p, i]) => /[a-z][.!?]$/.test(p) && i + 1 < paragraphs.length && /^[A-Z]/.test(paragraphs[i + 1]))
    if (candidates.length === 0) return undefined
    const [, index] = pick(candidates, next)
    const result = [...paragraphs.slice(0, index), paragraphs[index] + paragraphs[index + 1], ...paragraphs.slice(index + 2)]
    return {value: result.join('\n\n') + '\n', rule, line: lineOf(result, index)}
  }

  const candidates = body.filter(([p]) => /[a-z]\. [A-Z][a-z]/.test(p))
  if (candidates.length === 0) return undefined
  const [source, index] = pick(candidates, next)
  const glued = source.replace(/([a-z]\.) ([A-Z][a-z])/, '$1$2')
  const result = [...paragraphs.slice(0, index), glued, ...paragraphs.slice(index + 1)]
  return {value: result.join('\n\n') + '\n', rule, line: lineOf(result, index)}
}

function main(): void {
  const {values, positionals} = parseArgs({
    options: {files: {type: 'string', default: '500'}, seed: {type: 'string', default: '1'}},
    allowPositionals: true
  })
  const folder = path.resolve(positionals[0] ?? defaultFolder)
  if (!fs.existsSync(folder)) {
    console.error(`plant-eval: ${folder}: no such folder`)
    process.exitCode = 2
    return
  }
  const judged = ['repeated-paragraph', 'glued-words', 'boilerplate'].filter((id) => rules.some((rule) => rule.meta.id === id))
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) settings[rule.meta.id] = judged.includes(rule.meta.id) ? [rule.meta.severity, {}] : ['off', {}]
  const processor = createProcessor('text', settings)
  const next = random(Number(values.seed))
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()
  const limit = Math.min(Number(values.files), names.length)

  const tally = new Map<string, {planted: number; found: number; messages: number; correct: number}>()
  for (const id of judged) tally.set(id, {planted: 0, found: 0, messages: 0, correct: 0})
  const byKind = new Map<Kind, {planted: number; found: number}>()

  for (let index = 0; index < limit; index++) {
    const kind = kinds[index % kinds.length]
    const name = names[Math.floor(next() * names.length)]
    const planted = plant(fs.readFileSync(path.join(folder, name), 'utf8'), kind, next)
    if (!planted || !judged.includes(planted.rule)) continue
    const file = new VFile({path: name, value: planted.value})
    processor.lint(file)
    const row = tally.get(planted.rule)!
    row.planted++
    const kindRow = byKind.get(kind) ?? {planted: 0, found: 0}
    kindRow.planted++
    const hit = file.messages.some((m) => m.ruleId === planted.rule && m.line === planted.line)
    if (hit) {
      row.found++
      kindRow.found++
    }
    byKind.set(kind, kindRow)
    for (const message of file.messages) {
      const messageRow = tally.get(String(message.ruleId))
      if (!messageRow) continue
      messageRow.messages++
      if (message.ruleId === planted.rule && message.line === planted.line) messageRow.correct++
    }
  }

  console.log(`planted-defect evaluation: ${folder}, ${limit} files, seed ${values.seed}`)
  console.log('rule'.padEnd(20), 'planted', ' found', 'recall', 'messages', 'precision')
  for (const [id, row] of tally) {
    const recall = row.planted ? (row.found / row.planted).toFixed(2) : '  -'
    const precision = row.messages ? (row.correct / row.messages).toFixed(2) : '  -'
    console.log(id.padEnd(20), String(row.planted).padStart(7), String(row.found).padStart(6), recall.padStart(6), String(row.messages).padStart(8), precision.padStart(9))
  }
  for (const [kind, row] of byKind) console.log(`  ${kind}: ${row.found}/${row.planted}`)
}

main()
