/**
 * Flag a word repeated right after itself ("the the"), by retext-repeated-words,
 * which this rule wraps unchanged; it already accepts "had had", "that that" and
 * the like.
 * Why: a doubled word is a slip every reader sees.
 * The fix keeps the first occurrence, so a sentence keeps its capital (`The the
 * minister` → `The minister`), and a run of the same word is one message
 * with one fix (`the the the` → `the`), so `--fix` settles in one pass.
 * Limits: only adjacent words separated by white space are compared.
 */
import type {Parent, Sentence} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/rule-api/define-rule.js'
import {lowerCase, nodeText} from '../src/parse/node-text.js'

export type Options = Record<string, never>

export default defineRule<Options>(
  {
    id: 'repeated-word',
    severity: 'error',
    summary: 'a word repeated right after itself ("the the"; retext-repeated-words)',
    fixable: true,
    options: {}
  },
  (tree, file) => {
    // The plugin walks every sentence and allocates per word; only the few sentences where a
    // word follows itself can give a message, so it is given those alone, in document order.
    const candidates: Sentence[] = []
    collectDoubled(tree, candidates)
    if (candidates.length === 0) return
    const before = file.messages.length
    retextRepeatedWords()({type: 'RootNode', children: candidates}, file)
    joinRuns(file, before)
  }
)

// The first word of a repeat's `actual`: `The` of `The the`.
const firstWord = /^\S+/

/**
 * Keep the first occurrence, and make each run of one word (`the the the`:
 * the plugin gives one message per pair, each sharing a word with the next)
 * one message from the run's first word to its last.
 */
function joinRuns(file: VFile, from: number): void {
  const source = String(file.value)
  const joined: VFileMessage[] = []
  const runLengths = new Map<VFileMessage, number>()
  for (const message of file.messages.splice(from)) {
    const last = joined.at(-1)
    const lastPlace = last?.place && 'start' in last.place ? last.place : undefined
    const place = message.place && 'start' in message.place ? message.place : undefined
    const kept = firstWord.exec(message.actual ?? '')?.[0]
    if (kept) message.expected = [kept]
    if (!last || !lastPlace || !place || place.start.offset === undefined || lastPlace.end.offset === undefined || place.start.offset >= lastPlace.end.offset) {
      joined.push(message)
      continue
    }
    // `the the the`: this pair shares its first word with the last one's second.
    const runLength = (runLengths.get(last) ?? 2) + 1
    runLengths.set(last, runLength)
    // Each pair's `actual` is its source unless markup splits it (`the <b>the</b>`): then the run's fix goes too.
    const verbatim = isVerbatim(source, last) && isVerbatim(source, message)
    last.place = {start: lastPlace.start, end: place.end}
    last.actual = verbatim ? source.slice(lastPlace.start.offset, place.end.offset) : message.actual
    last.reason = `Unexpected \`${last.expected?.[0]}\` ${runLength} times in a row, keep one`
    last.message = last.reason
  }
  file.messages.push(...joined)
}

function isVerbatim(source: string, message: VFileMessage): boolean {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return place?.start.offset !== undefined && message.actual === source.slice(place.start.offset, place.end.offset)
}
/** The sentences under `node` with a doubled word, in order, as `visit(node, 'SentenceNode', …)` finds sentences. */
function collectDoubled(node: Parent, found: Sentence[]): void {
  for (const child of node.children) {
    if (child.type === 'SentenceNode') {
      if (hasDoubledWord(child)) found.push(child)
    } else if ('children' in child) {
      collectDoubled(child, found)
    }
  }
}

/** Whether a word follows the same word (in any case) across one white space: `the the`. */
function hasDoubledWord(sentence: Sentence): boolean {
  const children = sentence.children
  for (let index = 2; index < children.length; index++) {
    const first = children[index - 2]
    const second = children[index]
    if (second.type !== 'WordNode' || children[index - 1].type !== 'WhiteSpaceNode' || first.type !== 'WordNode') continue
    if (isSameCaseless(nodeText(first), nodeText(second))) return true
  }
  return false
}

/**
 * `a.toLowerCase() === b.toLowerCase()`, without lower-casing two ASCII words
 * of different lengths (most pairs: `The president`), which cannot match.
 */
function isSameCaseless(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length !== b.length && isAscii(a) && isAscii(b)) return false
  return lowerCase(a) === lowerCase(b)
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 128) return false
  return true
}
