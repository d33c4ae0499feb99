/**
 * Shapes of site furniture read from a block's tokens (see phrase-match.ts),
 * for furniture whose words vary and so cannot be listed: photo credits that
 * close a caption, slideshow counters, Daily Mail byline stamps, a credit
 * printed twice, tweet-embed links. Each returns token indexes.
 */
import {nodeText} from '../../parse/node-text.js'
import {countWords, isMark, isWord, matchAt, skipSpace, wordKey, type BlockToken, type PhraseItem} from './phrase-match.js'

/** Where a credit starts: a token index, and characters into that token when scraping glued it on. */
export interface CreditStart {
  readonly from: number
  readonly cut: number
}

// A credit label word: "Photo", "Credit", "Photograph"; not "Photographer" or "Credits-based".
const creditLabel = /^(?:photo|photograph|picture|image|credit)s?$/i
/** The letters `creditLabel` words open with, in either case. */
const labelInitials: ReadonlySet<string> = new Set(['p', 'P', 'i', 'I', 'c', 'C'])
// "it.Credit": a credit label glued to the caption's last word; not "Discredit".
const gluedCreditLabel = /[.!?”’")]Credit$/
// What follows a credit label: "Photo:", "Credit...", "Credit…".
const creditLabelMark = /^(?::|\.\.\.|…)$/
// Name-like credit words: "Ringo", "H.W.", "AP", "2019"; not "with" or "behind".
const nameWord = /^[\p{Lu}\d]/u
// Small words inside credited names: "Los Angeles Times", "Agence France-Presse via Getty".
const nameJoiner = /^(?:of|the|for|via|and|de|del|da|van|von|al|bin|le|la|file|pool)$/i
// Marks inside credited names: "Chiu, AP", "Cole/AP", "H. W."; not "(" or ":".
const nameMark = /^[,./&'’-]$/
// Marks that end a sentence: "it." / "morning?" ; not "," or ":".
const terminal = /^[.!?…]+$/

/** Most words in a credit's name part: "Rick Loomis / Los Angeles Times" has five. */
const maxCreditWords = 8

/**
 * A labelled credit that runs to `to`: “Credit: Rick Loomis / Los Angeles Times”,
 * “… in Los Angeles. Photo: Ringo H.W. Chiu, AP”, “He didn’t get it.Credit...Doug Mills/The New York Times”.
 * The label opens the block or a sentence; the rest is a short name.
 */
export function labelledCredit(tokens: readonly BlockToken[], from: number, to: number): CreditStart | undefined {
  for (let index = from; index < to; index++) {
    const token = tokens[index]
    if (!isWord(token)) continue
    const text = nodeText(token)
    // Most words can be neither label: they open with another letter and do not end in `Credit`.
    if (!labelInitials.has(text.charAt(0)) && !text.endsWith('Credit')) continue
    let cut = -1
    if (creditLabel.test(text) && opensSentence(tokens, from, index)) cut = 0
    else if (gluedCreditLabel.test(text)) cut = text.length - 'Credit'.length
    if (cut === -1) continue
    const next = skipSpace(tokens, index + 1)
    const mark = tokens[next]
    const labelled = (isMark(mark) && creditLabelMark.test(nodeText(mark))) || (isWord(mark) && wordKey(mark) === 'by')
    if (labelled && isName(tokens, next + 1, to)) return {from: index, cut}
  }
  return undefined
}

/**
 * Whether `tokens[from, to)` is an agency credit, alone or joined to a name by
 * a slash: “Getty”, “Statista”, “Jaafar ASHTIYEH / AFP”, “Jim Cole/AP”,
 * “REUTERS/Dado Ruvic/File Photo”.
 */
export function isAgencyCredit(tokens: readonly BlockToken[], from: number, to: number, agencies: readonly PhraseItem[][]): boolean {
  const starts = firstItemsOf(agencies)
  // A phrase's first item must match at `index` itself: where none can, no agency ends anywhere.
  const agencyEnds = (index: number) => (mayStart(tokens[index], starts) ? agencies.map((items) => matchAt(tokens, index, items) ?? -1) : noEnds)
  // “REUTERS/Dado Ruvic”: the agency first.
  const first = agencyEnds(from)
  if (first.includes(to)) return true
  const slash = Math.max(...first)
  if (slash !== -1 && tokens[slash] !== undefined && nodeText(tokens[slash]) === '/' && isName(tokens, slash + 1, to)) return true
  // “Jaafar ASHTIYEH / AFP”: the agency last.
  for (let index = from + 1; index < to; index++) {
    if (!isWord(tokens[index]) || !agencyEnds(index).includes(to)) continue
    let before = index - 1
    while (before > from && tokens[before].type === 'WhiteSpaceNode') before--
    return nodeText(tokens[before]) === '/' && isName(tokens, from, before)
  }
  return false
}

const noEnds: readonly number[] = [-1]
const firstItems = new WeakMap<readonly PhraseItem[][], ReadonlySet<string>>()

/** The texts the phrases of a list open with, remembered per list; none when an empty phrase matches anywhere. */
function firstItemsOf(phrases: readonly PhraseItem[][]): ReadonlySet<string> | undefined {
  if (!firstItems.has(phrases) && phrases.every((items) => items.length > 0)) {
    firstItems.set(phrases, new Set(phrases.map((items) => items[0].text)))
  }
  return firstItems.get(phrases)
}

/** Whether a phrase opening with one of `starts` can match at `token` (a word by its key, a mark by its text). */
function mayStart(token: BlockToken | undefined, starts: ReadonlySet<string> | undefined): boolean {
  if (starts === undefined) return true
  if (token === undefined) return false
  if (isWord(token)) return starts.has(wordKey(token))
  return isMark(token) && starts.has(nodeText(token))
}

/** A parenthesised photo credit: “(AP Photo/Natalia Kolesnikova, Pool, file)”, “(Photo by Jane Doe)”. */
export function photoCreditGroup(tokens: readonly BlockToken[]): {from: number; to: number} | undefined {
  for (let index = 0; index < tokens.length; index++) {
    if (nodeText(tokens[index]) !== '(') continue
    let photo = skipSpace(tokens, index + 1)
    if (isWord(tokens[photo]) && !/^photo/i.test(nodeText(tokens[photo]))) photo = skipSpace(tokens, photo + 1)
    if (!isWord(tokens[photo]) || !/^photo(?:s|graph)?$/i.test(nodeText(tokens[photo]))) continue
    const after = tokens[skipSpace(tokens, photo + 1)]
    if (!after || !['/', ':', 'by', 'courtesy'].includes(isWord(after) ? wordKey(after) : nodeText(after))) continue
    for (let close = photo + 1; close < tokens.length && close < index + 40; close++) {
      if (nodeText(tokens[close]) === ')') return {from: index, to: close + 1}
    }
  }
  return undefined
}

// Slideshow counters: "Image 1 of 4", "1 of 6.", "Image 1 of / 23"; not "2 of the men".
const counterLead = /^(?:image|photo|picture|slide)$/i
const counterFirst = /^\d{1,3}$/
const counterLast = /^\d{1,3}\.?$/

/** The end of a slideshow counter at `from` (past a closing `.`), and whether a full stop closes it. */
export function counterEnd(tokens: readonly BlockToken[], from: number): {end: number; dotted: boolean} | undefined {
  let index = from
  if (isWord(tokens[index]) && counterLead.test(nodeText(tokens[index]))) index = skipSpace(tokens, index + 1)
  if (!isWord(tokens[index]) || !counterFirst.test(nodeText(tokens[index]))) return undefined
  index = skipSpace(tokens, index + 1)
  if (!isWord(tokens[index]) || wordKey(tokens[index]) !== 'of') return undefined
  index = skipSpace(tokens, index + 1)
  if (tokens[index] !== undefined && nodeText(tokens[index]) === '/') index = skipSpace(tokens, index + 1)
  if (!isWord(tokens[index]) || !counterLast.test(nodeText(tokens[index]))) return undefined
  const glued = nodeText(tokens[index]).endsWith('.')
  const dot = tokens[index + 1] !== undefined && nodeText(tokens[index + 1]) === '.'
  return {end: index + 1 + (dot ? 1 : 0), dotted: glued || dot}
}

// Daily Mail stamps: "PUBLISHED:", "UPDATED:"; not "Publishing".
const stampWord = /^(?:published|updated)$/i
/** Sentences longer than this end a byline: the story has begun. */
const maxBylineSentenceWords = 10

/**
 * The end of a Daily Mail byline that opens the block:
 * “By . Ray Massey, Transport Editor . PUBLISHED: . 14:11 EST, 1 July 2013 . | . UPDATED: . 15:36 EST, 1 July 2013 .”
 * — through the last date that follows a stamp.
 */
export function bylineEnd(tokens: readonly BlockToken[], sentences: readonly number[]): number | undefined {
  const first = skipSpace(tokens, 0)
  const dot = tokens[skipSpace(tokens, first + 1)]
  if (!isWord(tokens[first]) || wordKey(tokens[first]) !== 'by' || !dot || nodeText(dot) !== '.') return undefined
  let end: number | undefined
  let stamped = false
  for (let index = 0; index < sentences.length; index++) {
    const start = sentences[index]
    const stop = sentences[index + 1] ?? tokens.length
    if (countWords(tokens, start, stop) > maxBylineSentenceWords) break
    const range = tokens.slice(start, stop)
    const stamp = range.some((token) => isWord(token) && stampWord.test(nodeText(token)))
    const dated = range.some((token) => isWord(token) && /\d/.test(nodeText(token)))
    if (stamp) stamped = true
    if (stamped && dated) {
      let last = stop - 1
      while (last > start && tokens[last].type === 'WhiteSpaceNode') last--
      end = last + 1
      stamped = false
    }
  }
  return end
}

/** A credit printed twice at `from`: “Jim Cole/AP Jim Cole/AP”; `middle` is where the copy starts. */
export function doubledRun(tokens: readonly BlockToken[], from: number): {middle: number; end: number} | undefined {
  const solid: number[] = []
  for (let index = from; index < tokens.length && solid.length < 24; index++) {
    if (tokens[index].type !== 'WhiteSpaceNode') solid.push(index)
  }
  for (let size = 1; size * 2 <= solid.length && size <= 12; size++) {
    const same = solid.slice(0, size).every((index, offset) => nodeText(tokens[index]) === nodeText(tokens[solid[size + offset]]))
    if (same && isWord(tokens[solid[size - 1]]) && isWord(tokens[solid[size * 2 - 1]])) return {middle: solid[size], end: solid[size * 2 - 1] + 1}
  }
  return undefined
}

/** The `Report` link after an embedded tweet's date: “— Bob Corker (@SenBobCorker) October 8, 2017 Report”. */
export function tweetReportWord(tokens: readonly BlockToken[], last: number): number | undefined {
  const word = tokens[last]
  if (!isWord(word) || nodeText(word) !== 'Report') return undefined
  let before = last - 1
  while (before > 0 && tokens[before].type === 'WhiteSpaceNode') before--
  if (!isWord(tokens[before]) || !/^(?:19|20)\d\d$/.test(nodeText(tokens[before]))) return undefined
  return tokens.some((token) => nodeText(token) === '@') ? last : undefined
}

/** Whether `tokens[index]` opens the block (from `from`) or follows a sentence-ending mark. */
function opensSentence(tokens: readonly BlockToken[], from: number, index: number): boolean {
  let before = index - 1
  while (before >= from && tokens[before].type === 'WhiteSpaceNode') before--
  return before < from || (isMark(tokens[before]) && terminal.test(nodeText(tokens[before])))
}

/** Whether `tokens[from, to)` reads as a short name: capitalised words, initials, commas, slashes. */
function isName(tokens: readonly BlockToken[], from: number, to: number): boolean {
  let words = 0
  let lastSolid: BlockToken | undefined
  for (let index = from; index < to; index++) {
    const token = tokens[index]
    if (token.type === 'WhiteSpaceNode') continue
    lastSolid = token
    if (isWord(token)) {
      words++
      const text = nodeText(token)
      if (!nameWord.test(text) && !nameJoiner.test(text)) return false
    } else if (!nameMark.test(nodeText(token))) {
      return false
    }
  }
  return words >= 1 && words <= maxCreditWords && isWord(lastSolid)
}

// A share count: "0 shares", "12 Shares"; not "shares" alone.
const shareCount = /^\d[\d,]*$/
const shareWord = /^shares?$/i

/** The end of a share counter at `from`: “0 shares” (of “0 shares Pinterest”). */
export function shareCountEnd(tokens: readonly BlockToken[], from: number): number | undefined {
  if (!isWord(tokens[from]) || !shareCount.test(nodeText(tokens[from]))) return undefined
  const word = skipSpace(tokens, from + 1)
  return isWord(tokens[word]) && shareWord.test(nodeText(tokens[word])) ? word + 1 : undefined
}

// Date and time words: "2019", "07:29", "20th", "November"; not "10" or "shares".
const dateWord = /^(?:(?:19|20)\d\d|\d{1,2}:\d\d|\d{1,2}(?:st|nd|rd|th)|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i

/** Whether `tokens[index]` is a year: “2019”; not “2,019” or “19”. */
export function isYearAt(tokens: readonly BlockToken[], index: number): boolean {
  return isWord(tokens[index]) && /^(?:19|20)\d\d$/.test(nodeText(tokens[index]))
}

/** Whether `tokens[from…]` hold a date or time word (“Published November 20th, 2019 - 07:29 GMT”). */
export function hasDateWord(tokens: readonly BlockToken[], from: number): boolean {
  return tokens.slice(from).some((token) => isWord(token) && dateWord.test(nodeText(token)))
}

/**
 * Whether the sentence at `from` is a social follow prompt: “Follow The New
 * York Times Opinion section on Facebook”, `follow` … `on` + a network that
 * `isNetworkAt` knows; not “Be sure to visit Arrowhead on Facebook”.
 */
export function isFollowPrompt(
  tokens: readonly BlockToken[],
  from: number,
  isNetworkAt: (tokens: readonly BlockToken[], index: number) => boolean
): boolean {
  if (!isWord(tokens[from]) || wordKey(tokens[from]) !== 'follow') return false
  for (let index = from + 1; index < tokens.length && !(isMark(tokens[index]) && terminal.test(nodeText(tokens[index]))); index++) {
    if (isWord(tokens[index]) && wordKey(tokens[index]) === 'on' && isNetworkAt(tokens, skipSpace(tokens, index + 1))) return true
  }
  return false
}

/** Most words of a section tag after a page title's pipe: “| Health”, “| World News”. */
const maxSectionWords = 3

/**
 * The index of the pipe before a page title's section tag: “Cannabis Use
 * Disorder is Rising in U.S. States Where Weed is Legal | Health”.
 */
export function sectionPipe(tokens: readonly BlockToken[], from: number, to: number): number | undefined {
  let pipe: number | undefined
  for (let index = from; index < to; index++) if (nodeText(tokens[index]) === '|') pipe = index
  if (pipe === undefined) return undefined
  const after = countWords(tokens, pipe, to)
  return after >= 1 && after <= maxSectionWords && countWords(tokens, from, pipe) >= 3 ? pipe : undefined
}
