/**
 * Flag two texts joined without a space by scraping or pasting: a sentence
 * run into the next (“paying subscribers.The report”, “it.Credit…”, a tweet
 * and its hashtag “day.#TodayInSenatePlenary”), and two words run into one
 * (“Media captionJulian Assange”, “Kristi Lynn NoemSouth Dakota”).
 * Why: the reader sees a typo, and search, speech and word counts see one
 * unknown word; it is always a production slip, never style.
 * How: over the paragraph's leaf tokens (no re-tokenising), with evidence on
 * both sides: a sentence mark between a known word or name and a capitalised
 * known word, name or hashtag, not a domain, abbreviation or initialism; or a
 * word whose two halves are known words or names, with a name around a
 * capitalised join, while the whole is not a known spelling (PlayStation,
 * McDonald) and the article does not repeat it.
 * Limits: joins without a sentence mark or a case change (“PakistanUS”,
 * “the reportsaid”), across inline markup, and capitalised joins with no name
 * around them (“NewsJim” at a line end) are missed.
 */
import type {Paragraph, Parent, Sentence, Word} from 'nlcst'
import {analyse} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {isMarkLeaf, leavesOf, placeOf, textBetween, touches, type Leaf} from '../src/analysis/nlcst/leaves.js'
import {isEnglishWord, isKnownSpelling, isProperNoun} from '../src/analysis/nlcst/lexicon.js'
import {capitalisedCounts, capitalisedPairs} from '../src/analysis/nlcst/token-counts.js'
import lists from './data/glued-words.json' with {type: 'json'}

export interface Options {
  /** Extra joined or mixed-case words to accept, as written (default: `[]`). */
  readonly allow: readonly string[]
}

interface WordCounter {
  /** How often a capitalised word is a whole token in the article. */
  count(word: string): number
  /** How often two capitalised words stand together (`South Dakota`). */
  pairs(words: string): number
}

/** A found join: the glued span and where the space goes. */
interface Glue {
  readonly start: number
  readonly end: number
  readonly space: number
  readonly evidence: string
}

// A sentence mark that can end a sentence glued to the next: `.`, `?`, `!`; not `...` or `…`.
const sentenceMark = /^[.?!]$/
// A mark that may stand between two glued sentences: `said.”The`, `long?)They`, `said.“We`, `day.#Today`; not `,`.
const joiningMark = /^[”’»›)\]“‘«‹(["'#@]$/
// An opening mark that goes with the next sentence: `said.“We`, `(The`; not `”`.
const openingMark = /^[“‘«‹([]$/
// Straight quotes, opening or closing by context: `carpet."It's`, `challenge."Earlier`.
const straightQuote = /^["']$/
// A hashtag or handle sign: `#TodayInSenatePlenary`, `@SenBobCorker`; not `$`.
const tagMark = /^[#@]$/
// Marks that make a token a domain, path, e-mail or initialism: `bbc.co.uk`, `e.g`, `a@b`, `http:`.
const addressMark = /^[.@/:\\]$/
// The end of a word glued on its left: `subscribers`, `didn’t`, `2019`; not `U.S`, `CEO`.
const leftEnd = /[\p{Ll}\d]$/u
// The start of a word glued on its right: `The`, `It`, `Credit`; not `co`, `D` (Ph.D), `USA`.
const rightStart = /^\p{Lu}\p{Ll}/u
// A lower-case word run into a capitalised one: `captionJulian`, `ofTexas`; not `iPhone`, `macOS`.
const lowerJoin = /^(\p{Ll}{2,})(\p{Lu}\p{Ll}+)$/u
// A capitalised word or a number, glued on the left: `Division`, `2019`; not `subscribers`.
const nameOrNumber = /^(?:\p{Lu}|\d+$)/u
// Two capitalised words run into one: `NoemSouth`, `NewsJim`; not `McDonald`, `WeWork`, `GlaxoSmithKline`.
const upperJoin = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}+)$/u
// A mixed-case name run into a capitalised word: `DiCaprioActor`; not `McDonald` or `iPhone`.
const nameJoin = /^(\p{Lu}\p{Ll}+\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})$/u
// A mark that ends a headline glued to the text after it: `24%Marks`, `risk'The`.
const headlineEnd = /^[%'’"”]$/
// A quote mark that opens a quotation: `'key`, `‘key`, `"key`.
const openingQuote = /^['‘"“]$/

const accepted = new Set(lists.accepted)
const nameParticles = new Set(lists.nameParticles)
const abbreviations = new Set(lists.abbreviations)
const domains = new Set(lists.domains)

export default defineRule<Options>(
  {
    id: 'glued-words',
    severity: 'error',
    summary: 'two texts joined without a space by scraping or pasting ("subscribers.The", "captionJulian")',
    fixable: true,
    options: {
      allow: {kind: 'string[]', default: [], description: 'Extra joined or mixed-case words to accept, as written'}
    }
  },
  (tree, file, options) => {
    const allowed = options.allow.length > 0 ? new Set([...accepted, ...options.allow]) : accepted
    // Counted on the first candidate only.
    let counts: ReadonlyMap<string, number> | undefined
    let pairs: ReadonlyMap<string, number> | undefined
    const words: WordCounter = {
      count: (word) => (counts ??= capitalisedCounts(tree)).get(word) ?? 0,
      pairs: (key) => (pairs ??= capitalisedPairs(tree)).get(key) ?? 0
    }
    let openers: Set<number> | undefined
    const opensQuote = (leaf: Leaf) => {
      openers ??= new Set(analyse(tree, file).quotes.filter((quote) => quote.opened).map((quote) => quote.start))
      return openers.has(leaf.start)
    }

    forEachParagraph(tree, (paragraph) => {
      if (!mayHoldJoin(paragraph)) return
      const leaves = leavesOf(paragraph)
      for (let index = 0; index < leaves.length; index++) {
        const glue = sentenceJoin(leaves, index, opensQuote, words) ?? headlineJoin(leaves, index, words) ?? wordJoin(leaves, index, words)
        if (!glue) continue
        const actual = textBetween(leaves, glue.start, glue.end)
        if (allowed.has(actual)) continue
        const place = placeOf(file, glue.start, glue.end)
        if (!place) continue
        const sentence = leaves[index].sentence
        const message = file.message(`Unexpected \`${actual}\`: ${glue.evidence}, add one`, {
          ancestors: sentence ? [tree, paragraph, sentence] : [tree, paragraph],
          place
        })
        message.actual = actual
        message.expected = [textBetween(leaves, glue.start, glue.space) + ' ' + textBetween(leaves, glue.space, glue.end)]
      }
    })
  }
)

/** Every paragraph in document order, not looking inside one: `visit(tree, 'ParagraphNode', …)` returning `SKIP`, without the visitor's cost. */
function forEachParagraph(node: Parent, callback: (paragraph: Paragraph) => void): void {
  for (const child of node.children) {
    if (child.type === 'ParagraphNode') callback(child)
    else if ('children' in child) forEachParagraph(child, callback)
  }
}

/**
 * Whether a paragraph can hold a join, read without building its leaves (most
 * cannot), by the first tests of `sentenceJoin` and `wordJoin`: a sentence
 * mark after a word end (`subscribers.`), touching marks (`”`, `#`), then a
 * touching capitalised text (`The`); or a word's text of two words that is
 * not a known spelling (`captionJulian`, not `PlayStation`).
 */
function mayHoldJoin(paragraph: Paragraph): boolean {
  scan.text = ''
  scan.textEnd = -1
  scan.joinEnd = -1
  scan.tagged = false
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      if (glues(child, false)) return true
      continue
    }
    for (const token of child.children) {
      if (token.type !== 'WordNode') {
        if (glues(token, false)) return true
        continue
      }
      for (const part of token.children) if (glues(part, true)) return true
    }
  }
  return false
}

/** What `mayHoldJoin` knows of the leaves read so far (one object, reused: this runs for every leaf). */
const scan = {
  /** The previous leaf, when it is a text: its value and end. */
  text: '',
  textEnd: -1,
  /** The end of a sentence mark (`subscribers.`) and the joining marks touching it (`.”`), else -1. */
  joinEnd: -1,
  /** The last of those is `#` or `@`: a tag, which may start in lower case. */
  tagged: false
}

/** Read one more leaf into `scan`: whether it completes a possible join. */
function glues(node: Paragraph['children'][number] | Sentence['children'][number] | Word['children'][number], inWord: boolean): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  // leavesOf leaves out what has no offsets: the next leaf is then the one after.
  if (start === undefined || end === undefined) return false
  if (start === scan.joinEnd && node.type === 'TextNode' && (scan.tagged || rightStart.test(node.value))) return true
  if (inWord && node.type === 'TextNode' && node.value.length === end - start && mayJoinWords(node.value)) return true
  const isMark = node.type === 'PunctuationNode' || node.type === 'SymbolNode'
  if (isMark && start === scan.joinEnd && joiningMark.test(node.value)) {
    scan.joinEnd = end
    scan.tagged = tagMark.test(node.value)
  } else if (isMark && start === scan.textEnd && (sentenceMark.test(node.value) || headlineEnd.test(node.value)) && leftEnd.test(scan.text)) {
    scan.joinEnd = end
    scan.tagged = false
  } else {
    scan.joinEnd = -1
  }
  scan.text = node.type === 'TextNode' ? node.value : ''
  scan.textEnd = node.type === 'TextNode' ? end : -1
  return false
}

/** Whether a word's text may be two words joined (`captionJulian`, `NoemSouth`): the cheap test, the regexes, then the dictionary. */
function mayJoinWords(text: string): boolean {
  return hasInnerCapital(text) && (lowerJoin.test(text) || upperJoin.test(text) || nameJoin.test(text)) && !isKnownSpelling(text)
}

/**
 * Whether a text may match `lowerJoin` or `upperJoin`: both need a capital
 * between two lower-case letters past the first two letters (`captionJulian`,
 * `NoemSouth`); not `BBC` or `Mattis`. Non-ASCII text is left to the regexes.
 */
function hasInnerCapital(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 128) return true
  for (let index = 2; index + 1 < text.length; index++) {
    if (isUpper(text.charCodeAt(index)) && isLower(text.charCodeAt(index - 1)) && isLower(text.charCodeAt(index + 1))) return true
  }
  return false
}

const isUpper = (code: number) => code >= 65 && code <= 90
const isLower = (code: number) => code >= 97 && code <= 122

/** `subscribers.The`, `it.Credit`, `day.#Today…`, `carpet."It's`: a sentence mark with a sentence glued on. */
function sentenceJoin(leaves: readonly Leaf[], index: number, opensQuote: (leaf: Leaf) => boolean, words: WordCounter): Glue | undefined {
  const mark = leaves[index]
  if (mark.node.type !== 'PunctuationNode' || !sentenceMark.test(mark.node.value)) return undefined
  const left = leaves[index - 1]
  if (!touches(left, mark) || left.node.type !== 'TextNode' || !leftEnd.test(left.node.value)) return undefined

  // Marks between the two sentences (`”`, `)`, `"`, `“`, `#`), then the first word of the next one.
  let right = index + 1
  while (touches(leaves[right - 1], leaves[right]) && isMarkLeaf(leaves[right], joiningMark)) right++
  const first = leaves[right]
  if (!touches(leaves[right - 1], first) || first.node.type !== 'TextNode') return undefined
  const tag = isMarkLeaf(leaves[right - 1], tagMark) ? leaves[right - 1] : undefined
  if (!tag && !rightStart.test(first.node.value)) return undefined

  const [from, leftWord] = wordBefore(leaves, index)
  const [to, rightWord] = wordAfter(leaves, right)
  if (from === undefined || to === undefined || !isKnownLeft(leftWord)) return undefined
  if (!tag && (!isKnownRight(rightWord, words) || domains.has(rightWord.toLowerCase()))) return undefined

  // The space goes after closing marks and before opening ones: `said.” The`, `carpet. "It's`.
  let space = index + 1
  while (space < right && !isOpening(leaves[space], opensQuote)) space++
  const evidence = tag ? `a sentence runs into a ${tag.node.value === '#' ? 'hashtag' : 'handle'} without a space` : 'a sentence runs into the next without a space'
  return {start: from, end: to, space: leaves[space].start, evidence}
}

/**
 * A headline that ends in a figure or a quotation, glued to the text after it:
 * `M&S cuts prices by average of 24%Marks & Spencer …`, `Nuclear strike 'key
 * terror risk'The UK and US …`. The quote mark must close a quotation that
 * opened earlier in the paragraph (not `O'Neill`), and the word after it be a
 * capitalised known word or name.
 */
function headlineJoin(leaves: readonly Leaf[], index: number, words: WordCounter): Glue | undefined {
  const mark = leaves[index]
  if (!isMarkLeaf(mark, headlineEnd)) return undefined
  const left = leaves[index - 1]
  const first = leaves[index + 1]
  if (!touches(left, mark) || !touches(mark, first) || left.node.type !== 'TextNode' || first.node.type !== 'TextNode') return undefined
  if (!rightStart.test(first.node.value)) return undefined
  const percent = mark.node.value === '%'
  if (percent ? !/\d$/.test(left.node.value) : !/\p{Ll}$/u.test(left.node.value) || !closesQuotation(leaves, index)) return undefined
  const [from] = wordBefore(leaves, index)
  const [to, rightWord] = wordAfter(leaves, index + 1)
  if (from === undefined || to === undefined || !isKnownRight(rightWord, words) || domains.has(rightWord.toLowerCase())) return undefined
  const evidence = percent ? 'a figure runs into the next sentence without a space' : 'a quotation runs into the next sentence without a space'
  return {start: from, end: to, space: mark.end, evidence}
}

/** Whether the quote mark at `leaves[index]` closes one that opened before it (after a space) in the paragraph. */
function closesQuotation(leaves: readonly Leaf[], index: number): boolean {
  const closing = leaves[index].node.value
  for (let before = index - 1; before >= 0; before--) {
    const leaf = leaves[before]
    if (!isMarkLeaf(leaf, openingQuote)) continue
    const opens = before === 0 || leaves[before - 1].node.type === 'WhiteSpaceNode'
    if (!opens) continue
    return (closing === "'" || closing === '’') === (leaf.node.value === "'" || leaf.node.value === '‘')
  }
  return false
}

/** `captionJulian`, `NoemSouth Dakota`: one word token that holds two words. */
function wordJoin(leaves: readonly Leaf[], index: number, words: WordCounter): Glue | undefined {
  const leaf = leaves[index]
  if (leaf.node.type !== 'TextNode' || !leaf.word || leaf.node.value.length !== leaf.end - leaf.start) return undefined
  const value = leaf.node.value
  // The test mayHoldJoin runs first, so the two cannot drift apart.
  if (!mayJoinWords(value)) return undefined
  const lower = lowerJoin.exec(value)
  const upper = lower ? undefined : upperJoin.exec(value)
  const named = lower || upper ? undefined : nameJoin.exec(value)
  const match = lower ?? upper ?? named
  if (!match) return undefined
  const [, left, right] = match

  // `#CollectiveBias`, `@MattBevin`, `DailyMail.co.uk`: hashtags, handles and addresses are written joined.
  if (isMarkLeaf(leaves[index - 1], tagMark) && touches(leaves[index - 1], leaf)) return undefined
  if (leaf.word.children.some((part) => part.type !== 'TextNode' && addressMark.test(part.value))) return undefined
  if (nameParticles.has(left.toLowerCase())) return undefined

  if (lower) {
    if (!isEnglishWord(left)) return undefined
  } else if (named) {
    // “Career honour for actor DiCaprioActor Leonardo DiCaprio's …”: the name stands on its own elsewhere, the word is English.
    if (words.count(left) === 0 || !isEnglishWord(right)) return undefined
  } else {
    // “Kristi Lynn NoemSouth Dakota”: a name on both sides of the join, and both halves known words or names.
    const known = (word: string) => isProperNoun(word) || words.count(word) > 0
    const next = nameAfter(leaves, index)
    if (!next || !known(right)) return undefined
    const endsName = isName(wordTextBefore(leaves, index))
    if (!endsName && words.pairs(right + ' ' + next) === 0) return undefined
    if (!endsName && !isEnglishWord(left) && !known(left)) return undefined
  }
  // `WeWork … WeWork`: a join the article repeats is a name.
  if (words.count(value) > 1) return undefined

  const space = leaf.start + left.length
  return {start: leaf.start, end: leaf.end, space, evidence: `\`${left}\` and \`${right}\` are two words joined without a space`}
}

/** `Dakota` after `NoemSouth `: the next word, when it is capitalised, as a name running on is. */
function nameAfter(leaves: readonly Leaf[], index: number): string | undefined {
  let next = index + 1
  while (leaves[next] && leaves[next].word === leaves[index].word) next++
  const gap = leaves[next]
  const word = leaves[next + 1]
  const isWord = gap?.node.type === 'WhiteSpaceNode' && word?.node.type === 'TextNode' && rightStart.test(word.node.value)
  return isWord ? word.node.value : undefined
}

/** `Lynn`, `Noem`: a name in the dictionary, or a capitalised word that is no English word; not `The`. */
function isName(word: string): boolean {
  return isProperNoun(word) || (rightStart.test(word) && !isEnglishWord(word))
}

/** The text of the word before the word at `leaves[index]`, across one space (`Lynn` before `NoemSouth`). */
function wordTextBefore(leaves: readonly Leaf[], index: number): string {
  const gap = leaves[index - 1]
  const word = leaves[index - 2]
  return gap?.node.type === 'WhiteSpaceNode' && word?.node.type === 'TextNode' ? word.node.value : ''
}

/** A known word (`subscribers`, `didn’t`), a capitalised name (`Division`) or a number (`2019`); not `Mr`, `e.g`. */
function isKnownLeft(word: string): boolean {
  if (abbreviations.has(word)) return false
  return nameOrNumber.test(word) || isEnglishWord(word)
}

/** A known word (`The`, `Credit`), a name (`Steve`) or a word the article uses elsewhere (`Mattis`). */
function isKnownRight(word: string, words: WordCounter): boolean {
  return isEnglishWord(word) || isProperNoun(word) || words.count(word) > 0
}

/**
 * The start offset and text of the word that ends at `leaves[index - 1]`
 * (`didn’t` in `didn’t.The`); none when the word is an address or
 * initialism (`e.g.The`, `bbc.co.uk`).
 */
function wordBefore(leaves: readonly Leaf[], index: number): [number | undefined, string] {
  let first = index - 1
  while (first > 0 && leaves[first - 1].word && leaves[first - 1].word === leaves[first].word && isWordPart(leaves[first - 1])) first--
  const before = leaves[first - 1]
  if (before && before.word && before.word === leaves[first].word && addressMark.test(before.node.value)) return [undefined, '']
  return [leaves[first].start, textBetween(leaves, leaves[first].start, leaves[index - 1].end)]
}

/** The end offset and text of the word that starts at `leaves[index]`; none when it runs on as an address (`Bungie.Org`). */
function wordAfter(leaves: readonly Leaf[], index: number): [number | undefined, string] {
  let last = index
  while (leaves[last + 1] && leaves[last + 1].word && leaves[last + 1].word === leaves[last].word && isWordPart(leaves[last + 1])) last++
  const after = leaves[last + 1]
  if (after && after.word && after.word === leaves[last].word && addressMark.test(after.node.value) && leaves[last + 2]?.word === after.word) {
    return [undefined, '']
  }
  return [leaves[last].end, leaves[index].node.value]
}

// Parts of one word: text, and the apostrophes and hyphens inside it (`didn’t`, `al-Khaled`).
const innerMark = /^['’-]$/

function isWordPart(leaf: Leaf): boolean {
  return leaf.node.type === 'TextNode' || (leaf.node.type === 'PunctuationNode' && innerMark.test(leaf.node.value))
}

/** A mark that goes with the next sentence: `“`, `(`, `#`, or a straight quote that opens (`carpet."It's`). */
function isOpening(leaf: Leaf, opensQuote: (leaf: Leaf) => boolean): boolean {
  return isMarkLeaf(leaf, openingMark) || isMarkLeaf(leaf, tagMark) || (isMarkLeaf(leaf, straightQuote) && opensQuote(leaf))
}
