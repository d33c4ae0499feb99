/**
 * `node dist/scripts/readability-parity.js [FOLDER]`: check that our
 * `readability` rule gives the messages retext-readability gives (issue 7).
 * Every plain-text article under FOLDER (default ../shared/bench/corpus) is
 * parsed once as the CLI parses it; then our rule (through its plugin, as the
 * CLI runs it) and retext-readability (directly) run on that same nlcst tree,
 * under several option sets, and their messages are compared one for one:
 * reason, ruleId, place, actual, expected and ancestors. It prints the files
 * and messages compared and every difference; it exits 1 on a difference.
 * tests/readability-parity.test.ts runs the same comparison on the seeds and
 * fixtures.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Node as NlcstNode} from 'nlcst'
import retextReadability from 'retext-readability'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../rules/index.js'
import readability from '../rules/readability.js'
import type {RuleSetting} from '../src/rule-api/define-rule.js'
import {createProcessor, type ArticleProcessor} from '../src/run/processor.js'
import type {RuleSettings} from '../src/rule-api/define-rule.js'
import {listArticles} from './bench-worker.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const defaultFolder = path.resolve(here, '../../../shared/bench/corpus')

/** Options of retext-readability, as both sides read them (a type: settings take an index signature). */
export type ParityOptions = {
  readonly age?: number
  readonly minWords?: number
  readonly threshold?: number
}

/**
 * retext-readability's defaults where ours differ, and every sentence judged:
 * our rule's defaults are chosen for news body prose, so each option set below
 * is laid over these on our side (retext-readability gets the set as it is).
 * This is the documented way back to retext-readability's behaviour.
 */
export const referenceOptions = {age: 16, threshold: 4 / 7, bodyOnly: false} as const

/** The option sets compared: retext-readability's defaults, then one change at a time. */
export const paritySettings: readonly ParityOptions[] = [
  {},
  {age: 10},
  {age: 18},
  {age: 22},
  {minWords: 0},
  {minWords: 10},
  {threshold: 0.3},
  {threshold: 0.9},
  // All seven agree only for young readers (SMOG’s ages are low): “according to all 7 algorithms”.
  {age: 5, threshold: 0.9},
  // retext-readability reads `threshold || 4 / 7`: 0 means the default.
  {threshold: 0},
  {age: 12, minWords: 3, threshold: 0.8}
]

/** What a message says, as plain data both sides can be compared on. */
export interface MessageView {
  readonly reason: string
  readonly ruleId: string | undefined
  /** `line:column-line:column (offset-offset)`. */
  readonly place: string
  readonly actual: string | undefined
  readonly expected: readonly string[] | undefined
  /** Type and offsets of each ancestor node. */
  readonly ancestors: readonly string[]
}

export interface ParityPair {
  readonly ours: readonly MessageView[]
  readonly theirs: readonly MessageView[]
}

/** Parse plain text once, as the CLI does, with every rule off. */
const parser: ArticleProcessor = createProcessor('text', allRulesOff())

/** Our rule and retext-readability on the same tree of `value`, for each option set. */
export function readabilityPairs(value: string, settings: readonly ParityOptions[] = paritySettings): ParityPair[] {
  const tree = parser.lint(new VFile({value}))
  return settings.map((options) => {
    const ourFile = new VFile({value})
    const setting: RuleSetting = ['info', {...referenceOptions, ...options}]
    unified().use(readability.plugin, setting).runSync(tree, ourFile)

    const theirFile = new VFile({value})
    retextReadability(options)(tree, theirFile)

    return {ours: ourFile.messages.map(viewOf), theirs: theirFile.messages.map(viewOf)}
  })
}

function allRulesOff(): RuleSettings {
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) settings[rule.meta.id] = ['off', {}]
  return settings
}

function viewOf(message: VFileMessage): MessageView {
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    place: placeKey(message.place),
    actual: message.actual,
    expected: message.expected,
    ancestors: (message.ancestors ?? []).map((node) => node.type + ' ' + placeKey((node as NlcstNode).position))
  }
}

function placeKey(place: VFileMessage['place'] | NlcstNode['position']): string {
  if (!place) return 'none'
  if (!('start' in place)) return `${place.line}:${place.column} (${place.offset})`
  const {start, end} = place
  return `${start.line}:${start.column}-${end.line}:${end.column} (${start.offset}-${end.offset})`
}

function main(): void {
  const args = process.argv.slice(2)
  if (args.length > 1) throw new Error('usage: node dist/scripts/readability-parity.js [FOLDER]')
  const folder = args[0] === undefined ? defaultFolder : path.resolve(args[0])
  const files = listArticles(folder).filter((file) => path.extname(file).toLowerCase() === '.txt')

  const messagesPerSet = paritySettings.map(() => 0)
  let differences = 0
  for (const file of files) {
    const pairs = readabilityPairs(fs.readFileSync(file, 'utf8'))
    pairs.forEach(({ours, theirs}, index) => {
      messagesPerSet[index] += theirs.length
      const count = Math.max(ours.length, theirs.length)
      for (let at = 0; at < count; at++) {
        const our = JSON.stringify(ours[at])
        const their = JSON.stringify(theirs[at])
        if (our === their) continue
        differences++
        console.log(`${path.relative(folder, file)} options ${JSON.stringify(paritySettings[index])} message ${at}:`)
        console.log(`  ours:   ${our}\n  theirs: ${their}`)
      }
    })
  }

  const messages = messagesPerSet.reduce((sum, count) => sum + count, 0)
  paritySettings.forEach((options, index) => console.log(`options ${JSON.stringify(options)}: ${messagesPerSet[index]} messages`))
  console.log(
    `readability parity: ${files.length} files, ${paritySettings.length} option sets, ` +
      `${messages} retext-readability messages compared, ${differences} differences`
  )
  if (differences > 0) process.exitCode = 1
}

// Run only as a script: the parity test imports `readabilityPairs` from here.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
}
