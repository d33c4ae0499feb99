/**
 * What a block looks like, as numbers for the line classifier (classify.ts):
 * the shallow text features that boilerpipe and jusText judge page blocks by,
 * read from the analysis's tokens (no re-tokenising). A block's own features
 * (length, function-word density, capitals, end mark, digits and date
 * shapes, address shapes, cue words of each kind of furniture, a main-clause
 * verb) are joined by its context's (position, its neighbours, the run of
 * short lines it stands in, repetition, likeness to the headline).
 */
import type {Block} from '../types.js'
import {isMark, isWord, type BlockToken} from '../nlcst/phrase-match.js'
import {lowerCase, nodeText} from '../../parse/node-text.js'
import cues from './data/cues.json' with {type: 'json'}

/** Cue-word groups, each a feature: the share of a block's words in the group. */
const cueGroups = ['credit', 'share', 'nav', 'related', 'comment', 'notice', 'stamp', 'author'] as const
type CueGroup = (typeof cueGroups)[number]

const stopwords: ReadonlySet<string> = new Set(cues.stopwords)
const dateWords: ReadonlySet<string> = new Set(cues.months)
/** Each cue word and the bits of the groups it is in. */
const cueBits: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>()
  cueGroups.forEach((group, index) => {
    for (const word of cues[group]) bits.set(word, (bits.get(word) ?? 0) | (1 << index))
  })
  return bits
})()

/** The features of one block, by name, in the order a model reads them. */
export const featureNames = [
  'words', 'chars', 'endsSentence', 'endsColon', 'endsAskOrExclaim', 'stopwords', 'capitalised', 'allCaps', 'digits',
  'dateWords', 'year', 'clock', 'address', 'separators', 'bracketed', 'copyright', 'startsBy', 'startsLower', 'startsDigit',
  'startsBullet', 'quoted', 'verb', 'wordLength', 'sentences',
  ...cueGroups.map((group) => `cue:${group}`),
  'repeated', 'titleShare', 'isTitle',
  'position', 'fromTop', 'fromBottom', 'blankBefore', 'blankAfter',
  'prevWords', 'prevEndsSentence', 'prevStopwords', 'prevVerb', 'nextWords', 'nextEndsSentence', 'nextStopwords', 'nextVerb',
  'shortRun', 'shortNear', 'shortShare', 'blocks', 'longestBlock',
  'proseBefore', 'proseAfter', 'proseBeforeShare', 'proseAfterShare', 'toProseBefore', 'toProseAfter', 'bodyShare', 'proseLike'
] as const

export type FeatureName = (typeof featureNames)[number]

/** What one block says of itself, before its context is known. */
export interface OwnFeatures {
  readonly words: number
  readonly short: boolean
  readonly endsSentence: boolean
  readonly stopwords: number
  readonly verb: boolean
  /** Reads as a paragraph of the story (jusText's good block): long enough, ends a sentence, many function words. */
  readonly proseLike: boolean
  readonly values: readonly number[]
}

// Sentence end marks, and closers that may follow them: `said.”`.
const terminal = /^[.!?…‽]+$/
const closer = /^["”’'»)\]]+$/
const bullet = /^[•·▪◦‣∙*+–—-]$/
const separator = /^(?:\||›|»|>|•|·|\/|—|–)$/
const clock = /\d{1,2}[:.]\d\d/
const year = /^(?:19|20)\d\d$/
const address = /https?:|www\.|\.(?:com|org|net|co\.uk|gov|edu)\b|\S@\S|(?:^|\s)@\w/i
const digit = /\d/
const letter = /\p{L}/u
const upperFirst = /^\p{Lu}/u
const lowerFirst = /^\p{Ll}/u
const quoteMark = /["“”]/

/** Most words a block may have for its verb test to run (labels, captions); longer ones count as having one. */
const maxVerbWords = 16
/** A paragraph of the story has at least this many words, and this share of function words. */
const minProseWords = 12
const minProseStopwords = 0.25
/** A paragraph of the story this long is settled as prose: its other features are not read (`full` false). */
export const minSettledWords = 30
/** Distances to the nearest paragraph of the story are counted up to this many blocks. */
const maxDistance = 20
/** A short line: few words, no end mark (a label, a menu item, a headline). */
const maxShortWords = 12

/**
 * A block's own features. `hasVerb` tells whether a sentence of it has a
 * main-clause finite verb; `text` is its source text.
 */
export function ownFeatures(tokens: readonly BlockToken[], text: string, sentences: number, hasVerb: () => boolean, full = true): OwnFeatures {
  if (!full) {
    // A long paragraph of prose is settled by its words, function words and end mark: the rest is not read.
    let words = 0
    let stop = 0
    for (const token of tokens) {
      if (!isWord(token)) continue
      words++
      if (stopwords.has(lowerCase(nodeText(token)))) stop++
    }
    const endsSentence = terminal.test(lastMarkOf(tokens))
    if (words >= minSettledWords && endsSentence && stop / words >= minProseStopwords) {
      return {words, short: false, endsSentence, stopwords: stop / words, verb: true, proseLike: true, values: []}
    }
  }
  let words = 0
  let stop = 0
  let capitalised = 0
  let allCaps = 0
  let digits = 0
  let dates = 0
  let years = 0
  let separators = 0
  let lettered = 0
  let letters = 0
  const groups = new Array<number>(cueGroups.length).fill(0)
  let first: BlockToken | undefined
  let last: BlockToken | undefined
  for (const token of tokens) {
    if (token.type === 'WhiteSpaceNode') continue
    first ??= token
    last = token
    const value = nodeText(token)
    if (isWord(token)) {
      words++
      const lower = lowerCase(value)
      if (stopwords.has(lower)) stop++
      if (dateWords.has(lower)) dates++
      if (year.test(value)) years++
      if (digit.test(value)) digits++
      letters += value.length
      const shape = caseOf(value, lower)
      if (shape !== 'none') {
        lettered++
        if (shape !== 'lower') capitalised++
        if (shape === 'caps') allCaps++
      }
      const bits = cueBits.get(lower)
      if (bits) {
        cueGroups.forEach((_, index) => {
          if (bits & (1 << index)) groups[index]++
        })
      }
    } else if (isMark(token)) {
      if (separator.test(value)) separators++
      if (value === '©') groups[cueGroups.indexOf('notice')]++
    }
  }
  const lastMark = lastMarkOf(tokens)
  const trimmed = text.trim()
  const endsSentence = terminal.test(lastMark)
  const short = words <= maxShortWords && !endsSentence
  const verb = words === 0 ? false : words > maxVerbWords ? true : hasVerb()
  const share = (count: number) => (words === 0 ? 0 : count / words)
  const firstText = first ? nodeText(first) : ''
  const values = [
    Math.log1p(words),
    Math.log1p(trimmed.length),
    endsSentence ? 1 : 0,
    lastMark === ':' ? 1 : 0,
    /^[?!‽]+$/.test(lastMark) ? 1 : 0,
    share(stop),
    lettered === 0 ? 0 : capitalised / lettered,
    lettered === 0 ? 0 : allCaps / lettered,
    share(digits),
    share(dates),
    years > 0 ? 1 : 0,
    clock.test(text) ? 1 : 0,
    address.test(text) ? 1 : 0,
    Math.min(separators, 5),
    trimmed.startsWith('(') && (trimmed.endsWith(')') || trimmed.endsWith(').')) ? 1 : 0,
    text.includes('©') || /\bcopyright\b/i.test(text) ? 1 : 0,
    lowerCase(firstText) === 'by' ? 1 : 0,
    first && isWord(first) && lowerFirst.test(firstText) ? 1 : 0,
    digit.test(firstText.charAt(0)) ? 1 : 0,
    first && isMark(first) && bullet.test(firstText) ? 1 : 0,
    quoteMark.test(text) ? 1 : 0,
    verb ? 1 : 0,
    words === 0 ? 0 : letters / words,
    Math.log1p(sentences),
    ...groups.map(share)
  ]
  const proseLike = words >= minProseWords && endsSentence && share(stop) >= minProseStopwords
  return {words, short, endsSentence, stopwords: share(stop), verb, proseLike, values}
}

/** The last mark of a block, past closing quotes and brackets (`said.”` ends in `.`); empty when a word ends it. */
function lastMarkOf(tokens: readonly BlockToken[]): string {
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]
    if (token.type === 'WhiteSpaceNode') continue
    const value = nodeText(token)
    if (isMark(token) && closer.test(value)) continue
    return isMark(token) ? value : ''
  }
  return ''
}

/**
 * A word's case: `caps` (`BBC`, two letters or more), `capitalised`
 * (`Mattis`), `lower`, or `none` without a letter (`2019`). ASCII is read by
 * character codes; other text by the Unicode regexes.
 */
function caseOf(value: string, lower: string): 'caps' | 'capitalised' | 'lower' | 'none' {
  let ascii = true
  let letters = 0
  let upper = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code >= 128) {
      ascii = false
      break
    }
    if (code >= 65 && code <= 90) {
      letters++
      upper++
    } else if (code >= 97 && code <= 122) {
      letters++
    }
  }
  if (!ascii) {
    if (!letter.test(value)) return 'none'
    if (value.length > 1 && value === value.toUpperCase() && value !== lower) return 'caps'
    return upperFirst.test(value) ? 'capitalised' : 'lower'
  }
  if (letters === 0) return 'none'
  if (upper === letters && letters > 1) return 'caps'
  const first = value.charCodeAt(0)
  return first >= 65 && first <= 90 ? 'capitalised' : 'lower'
}

/** Features of each block, own and of its context, in `featureNames` order. */
export function blockFeatures(
  blocks: readonly Block[],
  own: readonly OwnFeatures[],
  wordsOf: (block: Block) => readonly string[],
  keyOf: (block: Block) => string,
  gapBefore: (block: Block) => string
): number[][] {
  const count = blocks.length
  const keys = new Map<string, number>()
  for (const block of blocks) {
    const key = keyOf(block)
    if (key) keys.set(key, (keys.get(key) ?? 0) + 1)
  }
  const title = count > 0 ? new Set(wordsOf(blocks[0])) : new Set<string>()
  const shortShare = count === 0 ? 0 : own.filter((line) => line.short).length / count
  const longest = Math.log1p(Math.max(0, ...own.map((line) => line.words)))
  // Runs of consecutive short lines: each line's run length.
  const runs = new Array<number>(count).fill(0)
  for (let index = 0; index < count; ) {
    let end = index
    while (end < count && own[end].short) end++
    for (let inside = index; inside < end; inside++) runs[inside] = end - index
    index = end === index ? index + 1 : end
  }
  // The story's paragraphs: how many stand before and after each block, how far the nearest is, and their words.
  const proseBefore = new Array<number>(count).fill(0)
  const toProseBefore = new Array<number>(count).fill(maxDistance)
  for (let index = 1, seen = 0, last = -1; index < count; index++) {
    if (own[index - 1].proseLike) [seen, last] = [seen + 1, index - 1]
    proseBefore[index] = seen
    if (last !== -1) toProseBefore[index] = Math.min(maxDistance, index - last)
  }
  const proseAfter = new Array<number>(count).fill(0)
  const toProseAfter = new Array<number>(count).fill(maxDistance)
  for (let index = count - 2, seen = 0, last = -1; index >= 0; index--) {
    if (own[index + 1].proseLike) [seen, last] = [seen + 1, index + 1]
    proseAfter[index] = seen
    if (last !== -1) toProseAfter[index] = Math.min(maxDistance, last - index)
  }
  const totalProse = own.filter((line) => line.proseLike).length
  const body = new Map<string, number>()
  blocks.forEach((block, index) => {
    if (!own[index].proseLike) return
    for (const word of new Set(wordsOf(block))) body.set(word, (body.get(word) ?? 0) + 1)
  })
  return blocks.map((block, index) => {
    const line = own[index]
    if (line.values.length === 0) return []
    const content = [...new Set(wordsOf(block))].filter((word) => !stopwords.has(word))
    const inBody = content.filter((word) => (body.get(word) ?? 0) > (line.proseLike ? 1 : 0)).length
    const previous = own[index - 1]
    const next = own[index + 1]
    const words = wordsOf(block)
    const inTitle = index === 0 || words.length === 0 ? 0 : words.filter((word) => title.has(word)).length / words.length
    let near = 0
    let nearCount = 0
    for (let other = Math.max(0, index - 3); other <= Math.min(count - 1, index + 3); other++) {
      if (other === index) continue
      nearCount++
      if (own[other].short) near++
    }
    const after = blocks[index + 1]
    return [
      ...line.values,
      (keys.get(keyOf(block)) ?? 0) > 1 ? 1 : 0,
      inTitle,
      index === 0 ? 1 : 0,
      count <= 1 ? 0 : index / (count - 1),
      Math.log1p(index),
      Math.log1p(count - 1 - index),
      /\n[^\S\n]*\n/.test(gapBefore(block)) ? 1 : 0,
      after && /\n[^\S\n]*\n/.test(gapBefore(after)) ? 1 : 0,
      previous ? Math.log1p(previous.words) : -1,
      previous ? (previous.endsSentence ? 1 : 0) : -1,
      previous ? previous.stopwords : -1,
      previous ? (previous.verb ? 1 : 0) : -1,
      next ? Math.log1p(next.words) : -1,
      next ? (next.endsSentence ? 1 : 0) : -1,
      next ? next.stopwords : -1,
      next ? (next.verb ? 1 : 0) : -1,
      Math.log1p(runs[index]),
      nearCount === 0 ? 0 : near / nearCount,
      shortShare,
      Math.log1p(count),
      longest,
      Math.log1p(proseBefore[index]),
      Math.log1p(proseAfter[index]),
      totalProse === 0 ? 0 : proseBefore[index] / totalProse,
      totalProse === 0 ? 0 : proseAfter[index] / totalProse,
      Math.log1p(toProseBefore[index]),
      Math.log1p(toProseAfter[index]),
      content.length === 0 ? 0 : inBody / content.length,
      line.proseLike ? 1 : 0
    ]
  })
}
