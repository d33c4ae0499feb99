/**
 * `npm run train [-- --data FOLDER] [--folds N] [--no-write]`: fit the line
 * classifier (src/analysis/lines/) on the hand-labelled scraped pages
 * (FOLDER, default ../shared/eval/scraped: articles/*.txt and gold.jsonl),
 * write its models to src/analysis/lines/data/line-model.json, and measure
 * it on pages it was not fitted on.
 *
 * Every block of every text gets three targets from the gold labels: sure
 * furniture (a sure `boilerplate` label covering the line), a sure caption (a
 * sure `fragment` label on an image caption), and for furniture its kind (from
 * the label's note). Uncertain labels, and lines whose label covers only part
 * of them, are left out of fitting. Three kinds of model are gradient-boosted
 * stumps (boosted-stumps.ts): furniture, caption, one per kind.
 *
 * Held out by page: the pages (all outputs of one URL; the 8-hex key in the
 * file name) are cut into N folds; each fold is judged by models fitted on
 * the others, with thresholds chosen on those others alone (an inner
 * cross-validation), and the `boilerplate` and `fragment` rules are run on
 * it with that model, exactly as the CLI runs them; the joined report is
 * scored with ../shared/eval/score.mjs. The shipped thresholds come from the
 * outer held-out probabilities. Deterministic: same data, same JSON.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {analyse, lineFeaturesOf} from '../src/analysis/analysis.js'
import {featureNames} from '../src/analysis/lines/features.js'
import {probability, type LineModel, type StumpModel} from '../src/analysis/lines/model.js'
import type {RuleSetting, RuleSettings} from '../src/rule-api/define-rule.js'
import {createProcessor} from '../src/run/processor.js'
import {defaultFit, fitStumps} from './boosted-stumps.js'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const modelPath = path.join(projectRoot, 'src/analysis/lines/data/line-model.json')
const scorer = path.resolve(projectRoot, '../shared/eval/score.mjs')

/** Precision the thresholds aim for on held-out pages (the goals are 0.95 and 0.85; the phrase lists add sure furniture on top). */
const furniturePrecision = 0.94
const captionPrecision = 0.88

interface Gold {
  readonly file: string
  readonly rule: string
  readonly line: number
  readonly quote: string
  readonly note: string
  readonly uncertain?: boolean
}

interface Row {
  readonly file: string
  readonly page: string
  readonly line: number
  readonly values: number[]
  /** 1, 0, or undefined when left out of fitting. */
  readonly furniture: number | undefined
  readonly caption: number | undefined
  readonly kind: string | undefined
}

/** Kinds named by label notes, tried in order on the note without its page default. */
const noteKinds: ReadonlyArray<readonly [string, RegExp]> = [
  ['comment', /comment|reply/],
  ['gallery', /gallery|counter/],
  ['credit', /credit|courtesy|source tag|logo image|photo(?! caption)|image(?! caption)|getty/],
  ['timestamp', /timestamp|date|published|updated/],
  ['author', /byline|author|contact|bio\b|staff/],
  ['notice', /copyright|notice|disclaimer|reprint|legal|syndicat|cookie|trademark|citation/],
  ['ad', /\bad\b|ad label|advert|sponsor/],
  ['related', /related|teaser|headline|read.more|story|timeline|video title|podcast/],
  ['prompt', /prompt|newsletter|subscri|share|follow|button|promot|promo|form|\bapp\b|sign|download|email|tools|save/],
  ['navigation', /./]
]

function kindOfNote(note: string): string {
  const own = note.replace(/\[page default:[^\]]*\]/, '').toLowerCase()
  const text = own.trim() === '' || /^navigation|^page furniture/.test(own) ? note.toLowerCase() : own
  if (/page furniture block/.test(text)) return 'related'
  if (/navigation \/ menu/.test(text)) return 'navigation'
  return noteKinds.find(([, pattern]) => pattern.test(text))![0]
}

const off: RuleSetting = ['off', {}]
const allOff: RuleSettings = Object.fromEntries(rules.map((rule) => [rule.meta.id, off]))
const judgedRules: RuleSettings = {...allOff, boilerplate: ['warn', {}], fragment: ['warn', {}]}

function main(): void {
  const {values: args} = parseArgs({
    options: {data: {type: 'string'}, folds: {type: 'string'}, 'no-write': {type: 'boolean'}, dump: {type: 'string'}}
  })
  const data = path.resolve(args.data ?? path.join(projectRoot, '../shared/eval/scraped'))
  const folds = Number(args.folds ?? 5)
  const gold: Gold[] = fs
    .readFileSync(path.join(data, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Gold)
  const names = fs.readdirSync(path.join(data, 'articles')).filter((name) => name.endsWith('.txt')).sort()
  const texts = new Map(names.map((name) => [name, fs.readFileSync(path.join(data, 'articles', name), 'utf8')]))

  const rows = names.flatMap((name) => rowsOf(name, texts.get(name)!, gold.filter((label) => label.file === name)))
  const pages = [...new Set(rows.map((row) => row.page))].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b))
  const foldOf = new Map(pages.map((page, index) => [page, index % folds]))
  console.log(`${names.length} texts, ${pages.length} pages, ${rows.length} blocks, ${folds} folds by page`)

  // Outer cross-validation: each fold's models, fitted on the other folds.
  const foldModels: LineModel[] = []
  const heldOut = {furniture: new Array<number>(rows.length), caption: new Array<number>(rows.length)}
  for (let fold = 0; fold < folds; fold++) {
    const train = rows.filter((row) => foldOf.get(row.page) !== fold)
    const model = fitAll(train, folds - 1)
    foldModels.push(model)
    rows.forEach((row, index) => {
      if (foldOf.get(row.page) !== fold) return
      heldOut.furniture[index] = probability(model.furniture, row.values)
      heldOut.caption[index] = probability(model.caption, row.values)
    })
    console.log(`fold ${fold + 1}: thresholds furniture ${model.furniture.threshold}, caption ${model.caption.threshold}`)
  }
  if (args.dump) {
    const texts2 = texts
    fs.writeFileSync(args.dump, JSON.stringify(rows.map((row, index) => ({...row, text: texts2.get(row.file)!.split('\n')[row.line - 1], pf: heldOut.furniture[index], pc: heldOut.caption[index]}))))
  }
  lineFigures('furniture (lines, held out)', rows, heldOut.furniture, (row) => row.furniture, foldModels, foldOf)
  lineFigures('caption (lines, held out)', rows, heldOut.caption, (row) => row.caption, foldModels, foldOf)

  // The rules on held-out pages, as the CLI runs them.
  const report = names.map((name) => {
    const page = pageOf(name)
    const file = new VFile({path: name, value: texts.get(name)!})
    ;(file.data as {lineModel?: LineModel}).lineModel = foldModels[foldOf.get(page) ?? 0]
    createProcessor('text', judgedRules).lint(file)
    return {path: name, messages: file.messages.map((message) => ({ruleId: message.ruleId, line: message.line, endLine: message.place && 'end' in message.place ? message.place.end.line : message.line, reason: message.reason}))}
  })
  const reportPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'train-lines-')), 'held-out.json')
  fs.writeFileSync(reportPath, JSON.stringify(report))
  console.log(`\nThe rules on held-out pages (${reportPath}):`)
  spawnSync(process.execPath, [scorer, '--gold', path.join(data, 'gold.jsonl'), '--report', reportPath, '--rules', 'boilerplate,fragment'], {stdio: 'inherit'})
  kindFigures(gold, report)

  const shipped = fitAll(rows, folds)
  // The shipped thresholds: from the outer held-out probabilities.
  const final: LineModel = {
    ...shipped,
    furniture: {...shipped.furniture, threshold: thresholdFor(heldOut.furniture, rows.map((row) => row.furniture), furniturePrecision)},
    caption: {...shipped.caption, threshold: thresholdFor(heldOut.caption, rows.map((row) => row.caption), captionPrecision)}
  }
  console.log(`\nshipped: ${final.furniture.stumps.length} + ${final.caption.stumps.length} stumps, thresholds ${final.furniture.threshold} / ${final.caption.threshold}`)
  if (!args['no-write']) {
    fs.writeFileSync(modelPath, formatModel(final))
    console.log(`wrote ${path.relative(projectRoot, modelPath)}`)
  }
}

/** The blocks of one text as rows, with their targets. */
function rowsOf(name: string, text: string, labels: readonly Gold[]): Row[] {
  const file = new VFile({path: name, value: text})
  const tree = createProcessor('text', allOff).lint(file) as Root
  const analysis = analyse(tree, file)
  const vectors = lineFeaturesOf(analysis)
  const lineStarts = [0]
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1)
  const lineAt = (offset: number) => {
    let line = 0
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++
    return line + 1
  }
  return analysis.blocks.map((block, index) => {
    const first = lineAt(block.start)
    const last = lineAt(Math.max(block.start, block.end - 1))
    const own = labels.filter((label) => label.line >= first && label.line <= last)
    const length = text.slice(block.start, block.end).trim().length
    const whole = (label: Gold) => label.quote.length >= 0.6 * length
    const target = (rule: string, sure: (label: Gold) => boolean = () => true): number | undefined => {
      const ofRule = own.filter((label) => label.rule === rule)
      if (ofRule.some((label) => !label.uncertain && whole(label) && sure(label))) return 1
      return ofRule.length > 0 ? undefined : 0
    }
    const furniture = own.find((label) => label.rule === 'boilerplate' && !label.uncertain && whole(label))
    return {
      file: name,
      page: pageOf(name),
      line: first,
      values: vectors[index],
      furniture: target('boilerplate'),
      caption: target('fragment', (label) => /caption|residue/.test(label.note)),
      kind: furniture ? kindOfNote(furniture.note) : undefined
    }
  })
}

/** The models fitted on `rows`, thresholds chosen by an inner cross-validation over their pages. */
function fitAll(rows: readonly Row[], folds: number): LineModel {
  const fit = (target: (row: Row) => number | undefined, only: (row: Row) => boolean = () => true): StumpModel => {
    const chosen = rows.filter(only)
    return fitStumps(
      chosen.map((row) => row.values),
      chosen.map((row) => target(row) ?? 0),
      chosen.map((row) => (target(row) === undefined ? 0 : 1)),
      defaultFit
    )
  }
  const furniture = fit((row) => row.furniture)
  const caption = fit((row) => row.caption)
  const kindNames = [...new Set(rows.map((row) => row.kind).filter((kind) => kind !== undefined))].sort()
  const kinds = Object.fromEntries(
    kindNames.map((kind) => [kind, {...fit((row) => (row.kind === kind ? 1 : 0), (row) => row.kind !== undefined), threshold: 0.5}])
  )
  // Inner folds: held-out probabilities on these rows alone, to choose the thresholds.
  const pages = [...new Set(rows.map((row) => row.page))].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b))
  const inner = new Map(pages.map((page, index) => [page, index % folds]))
  const scores = {furniture: new Array<number>(rows.length), caption: new Array<number>(rows.length)}
  for (let fold = 0; fold < folds; fold++) {
    const train = rows.filter((row) => inner.get(row.page) !== fold)
    const weights = (target: (row: Row) => number | undefined) => train.map((row) => (target(row) === undefined ? 0 : 1))
    const f = fitStumps(train.map((row) => row.values), train.map((row) => row.furniture ?? 0), weights((row) => row.furniture), defaultFit)
    const c = fitStumps(train.map((row) => row.values), train.map((row) => row.caption ?? 0), weights((row) => row.caption), defaultFit)
    rows.forEach((row, index) => {
      if (inner.get(row.page) !== fold) return
      scores.furniture[index] = probability(f, row.values)
      scores.caption[index] = probability(c, row.values)
    })
  }
  return {
    features: [...featureNames],
    furniture: {...furniture, threshold: thresholdFor(scores.furniture, rows.map((row) => row.furniture), furniturePrecision)},
    caption: {...caption, threshold: thresholdFor(scores.caption, rows.map((row) => row.caption), captionPrecision)},
    kinds
  }
}

/** The lowest threshold (in steps of 0.01) whose precision on these scores reaches `precision`. */
function thresholdFor(scores: readonly number[], targets: readonly (number | undefined)[], precision: number): number {
  for (let step = 5; step <= 99; step++) {
    const threshold = step / 100
    let tp = 0
    let fp = 0
    scores.forEach((score, index) => {
      if (score < threshold || targets[index] === undefined) return
      if (targets[index] === 1) tp++
      else fp++
    })
    if (tp + fp > 0 && tp / (tp + fp) >= precision) return threshold
  }
  return 0.99
}

/** Line-level precision and recall of held-out probabilities at each fold's own threshold. */
function lineFigures(
  title: string,
  rows: readonly Row[],
  scores: readonly number[],
  target: (row: Row) => number | undefined,
  models: readonly LineModel[],
  foldOf: ReadonlyMap<string, number>
): void {
  let tp = 0
  let fp = 0
  let fn = 0
  rows.forEach((row, index) => {
    const model = models[foldOf.get(row.page)!]
    const threshold = title.startsWith('furniture') ? model.furniture.threshold : model.caption.threshold
    const said = scores[index] >= threshold
    if (target(row) === undefined) return
    if (said && target(row) === 1) tp++
    else if (said) fp++
    else if (target(row) === 1) fn++
  })
  console.log(`${title}: tp ${tp} fp ${fp} fn ${fn}  precision ${(tp / Math.max(1, tp + fp)).toFixed(3)} recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`)
}

/** Held-out recall of `boilerplate` by the gold label's kind (a message on the label's line counts). */
function kindFigures(gold: readonly Gold[], report: ReadonlyArray<{path: string; messages: ReadonlyArray<{ruleId: string | undefined; line: number | undefined}>}>): void {
  const flagged = new Set(report.flatMap((file) => file.messages.filter((message) => message.ruleId === 'boilerplate').map((message) => `${file.path}:${message.line}`)))
  const byKind = new Map<string, [number, number]>()
  for (const label of gold) {
    if (label.rule !== 'boilerplate' || label.uncertain) continue
    const kind = kindOfNote(label.note)
    const [found, all] = byKind.get(kind) ?? [0, 0]
    byKind.set(kind, [found + (flagged.has(`${label.file}:${label.line}`) ? 1 : 0), all + 1])
  }
  console.log('\nboilerplate recall by kind (held out):')
  for (const [kind, [found, all]] of [...byKind.entries()].sort()) console.log(`  ${kind.padEnd(11)} ${found}/${all}  ${(found / all).toFixed(2)}`)
}

function pageOf(name: string): string {
  return /-([0-9a-f]{8})\.txt$/.exec(name)?.[1] ?? name
}

/** FNV-1a: a stable order of pages that does not follow their names. */
function hash(text: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0
  return value
}

/** The model as JSON: one stump a line, so a retrained model reads as a diff. */
function formatModel(model: LineModel): string {
  const stumps = (entry: StumpModel) =>
    `{"base": ${entry.base}, "threshold": ${entry.threshold}, "stumps": [\n${entry.stumps.map((stump) => `      ${JSON.stringify(stump)}`).join(',\n')}\n    ]}`
  const kinds = Object.entries(model.kinds).map(([kind, entry]) => `    ${JSON.stringify(kind)}: ${stumps(entry)}`)
  return `{
  "features": ${JSON.stringify(model.features)},
  "furniture": ${stumps(model.furniture)},
  "caption": ${stumps(model.caption)},
  "kinds": {
${kinds.join(',\n')}
  }
}
`
}

main()
