/**
 * Flag a body sentence with no finite verb in a main clause: caption residue
 * (`Jim Mattis in Islamabad on Monday.`), photo captions left in the text as
 * lines of their own (`Kuwaiti Army Chief … receiving US Defence Secretary Jim
 * Mattis`), stranded clauses (`U.S. states where marijuana has been legalized
 * …`).
 * Why: a verbless line in the body reads as broken prose, and is most often
 * a caption or label that scraping or pasting left behind.
 * Headlines, subheads, list items and bylines are judged as such: they may be
 * verbless. Captions that markup marks (`<figcaption>`, image alt text) are
 * captions; a plain-text line that reads like a caption (long, no end
 * punctuation) is judged as a whole: it is flagged when none of its sentences
 * has a finite verb. Quoted speech, questions and exclamations are left
 * alone, as are Daily Mail byline stamps and slideshow counters.
 * Limits: a verbless sentence shorter than `minWords` words is skipped
 * (`1 of 6.`, `Not so.`); a past participle reads as finite (`Jim Mattis
 * pictured in 2016.`); see src/clauses/finite.ts.
 */
import type {VFile} from 'vfile'
import {analyse, type Analysis, type Block, type SentenceInfo} from '../src/analysis/analysis.js'
import {hasMainFiniteVerb} from '../src/analysis/clauses/finite.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {bylineEnd} from '../src/analysis/nlcst/furniture.js'
import {placeOf} from '../src/analysis/nlcst/leaves.js'
import {countWords, PhraseTable, skipSpace} from '../src/analysis/nlcst/phrase-match.js'
import {blockHintsOf} from '../src/parse/block-hints.js'
import {nameParticles} from '../src/analysis/speakers/lexicon.js'
import type {Token} from '../src/analysis/speakers/tokens.js'
import boilerplate from './data/boilerplate.json' with {type: 'json'}
import lists from './data/fragment.json' with {type: 'json'}

export interface Options {
  /** Fewest words (with a letter) a sentence needs to be judged (default: `3`). */
  readonly minWords: number
}

const bylineOpeners: readonly string[] = lists.bylineOpeners
/** The boilerplate rule's furniture phrases: whole lines, and openers of labels, stamps and notices. */
const furnitureTables = {
  lines: new PhraseTable(Object.keys(boilerplate.lines).map((phrase) => [phrase, true] as const)),
  openers: [boilerplate.labels, boilerplate.datedLabels, boilerplate.notices].map(
    (table) => new PhraseTable(Object.keys(table).map((phrase) => [phrase, true] as const))
  )
}
/** Most words a byline sentence has: `By Jamelle Bouie.`, `Analysis by Dave Lee, BBC North America technology reporter.` */
const maxBylineWords = 14
/** Positions a caption gives in brackets: `(pictured)`, `(left)`, `(C-R)`. */
const positionWords: ReadonlySet<string> = new Set(lists.positionWords)
/** Words that join names in a list: `Cyprus v Israel`. */
const listWords: ReadonlySet<string> = new Set(lists.listWords)
/** Marks that separate the items of a list: `,` `;` `:` and brackets. */
const listMarks: ReadonlySet<string> = new Set([',', ';', ':', '('])
/** Marks a sentence cannot start with: the rest of a line split mid-sentence. */
const continuationMarks: ReadonlySet<string> = new Set([',', ';', ':', '.', ')', '-', '–', '—'])
/** Words a Title Case headline keeps in lower case: `at`, `for`, `of`, `the`. */
const titleCaseSmallWords: ReadonlySet<string> = new Set(lists.titleCaseSmallWords)
// A word with a letter in it: "Mattis", "F-16"; not "6" or "2019".
const hasLetter = /\p{L}/u
// Marks that end a question or an exclamation: "?", "!", "?!"; not ".".
const askOrExclaim = /^[?!‽]+$/
// Closing quotes and brackets after a sentence's end mark: "?”", "!)".
const closer = /^["”’')\]»]+$/

export default defineRule<Options>(
  {
    id: 'fragment',
    severity: 'warn',
    summary: 'a body sentence with no finite verb: caption residue, photo captions, stray labels',
    fixable: false,
    options: {
      minWords: {kind: 'integer', default: 3, min: 1, description: 'Fewest words (with a letter) a sentence needs to be judged'}
    }
  },
  (tree, file, options) => {
    const analysis = analyse(tree, file)
    // Markup says what a caption is; in plain text a caption-like line is residue.
    const markedUp = blockHintsOf(file) !== undefined
    for (const block of analysis.blocks) {
      const reading = analysis.lineOf(block)
      // Furniture is the boilerplate rule's; a plain line the line classifier reads as a caption is judged as one.
      if (reading.class === 'furniture') continue
      const caption = !markedUp && reading.class === 'caption'
      if (block.kind === 'body' && !caption) {
        // Inside a paragraph of prose a verbless sentence is mostly style (“Not a chance.”); a caption pasted
        // into it shows itself (`… to rescue the bull .`, `Bishop John Folda (pictured) …`).
        const prose = block.sentences.length > 1
        const signed = prose ? block.sentences.filter((sentence) => hasCaptionSign(sentence, analysis)) : block.sentences
        for (const sentence of judged(block, signed, analysis, options)) {
          if (!hasMainFiniteVerb(analysis.speakers.tokensOf(sentence))) report(file, sentence, 'fragment', analysis)
        }
      } else if (caption || (block.kind === 'caption' && !markedUp && !isTitleCase(block, analysis))) {
        const sentences = judged(block, block.sentences, analysis, options)
        const all = block.sentences.filter((sentence) => wordsOf(analysis.speakers.tokensOf(sentence)).length > 0)
        // “A stock image of a woman holding a joint. Researchers have looked at …”: a caption with prose in it is prose.
        if (sentences.length === 0 || all.some((sentence) => hasMainFiniteVerb(analysis.speakers.tokensOf(sentence)))) continue
        report(file, sentences[0], 'caption', analysis)
      }
    }
  }
)

/** The `sentences` of a block that are judged: not quoted, not questions, not furniture, not too short. */
function judged(block: Block, sentences: readonly SentenceInfo[], analysis: Analysis, options: Options): SentenceInfo[] {
  if (sentences.length === 0) return []
  const furnitureEnd = bylineEndOffset(block)
  // Read the phrase tables only for a block with a sentence that passes the cheap tests.
  let furniture: Set<SentenceInfo> | undefined
  return sentences.filter((sentence) => {
    const tokens = analysis.speakers.tokensOf(sentence)
    const words = wordsOf(tokens)
    if (words.length < options.minWords || sentence.start < furnitureEnd) return false
    if (isQuestionOrExclamation(tokens) || isByline(words) || isBracketed(tokens) || isNameList(tokens) || isContinuation(tokens)) return false
    if ((furniture ??= furnitureSentences(block)).has(sentence)) return false
    // “"It is not our intent to clear the park at this time," an officer said.”: quoted speech is not judged as prose.
    return !words.every((word) => analysis.quoteAt(word.start) !== undefined)
  })
}

/**
 * Sentences that open with site furniture (`Copyright @ 2019 The New Arab.`,
 * `Photo: …`, `This article was originally published …`): the boilerplate
 * rule's phrase lists say so, and it reports them.
 */
function furnitureSentences(block: Block): Set<SentenceInfo> {
  const {tokens, sentenceStarts: starts} = block
  const found = new Set<SentenceInfo>()
  block.sentences.forEach((sentence, index) => {
    const from = skipSpace(tokens, starts[index] ?? tokens.length)
    const end = starts[index + 1] ?? tokens.length
    const whole = furnitureTables.lines.at(tokens, from)
    if (furnitureTables.openers.some((table) => table.at(tokens, from)) || (whole && countWords(tokens, whole.end, end) === 0)) found.add(sentence)
  })
  return found
}

/**
 * A long line in Title Case is a headline, not a caption: `World Community
 * Lashes Out at US for No Longer Considering Israeli Settlements Illegal`;
 * a caption has lower-case words (`… al-Khodhr (C-R) receiving US Defence …`).
 */
function isTitleCase(block: Block, analysis: Analysis): boolean {
  const words = block.sentences.flatMap((sentence) => wordsOf(analysis.speakers.tokensOf(sentence)))
  return words.every((word) => word.capitalized || titleCaseSmallWords.has(word.lower))
}

function wordsOf(tokens: readonly Token[]): Token[] {
  return tokens.filter((token) => token.kind === 'word' && hasLetterIn(token.text))
}

/** `hasLetter.test(text)`, with ASCII settled without the Unicode regex. */
function hasLetterIn(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 128) return hasLetter.test(text)
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
  }
  return false
}

/** The end offset of a Daily Mail byline stamp opening the block (`By . Ray Massey … 15:36 EST, 1 July 2013 .`). */
function bylineEndOffset(block: Block): number {
  const end = bylineEnd(block.tokens, block.sentenceStarts)
  const tokens = block.tokens
  return end === undefined ? -1 : (tokens[end - 1]?.position?.end.offset ?? -1)
}

function isQuestionOrExclamation(tokens: readonly Token[]): boolean {
  let index = tokens.length - 1
  while (index > 0 && closer.test(tokens[index].text)) index--
  return askOrExclaim.test(tokens[index]?.text ?? '')
}

/**
 * Signs of a photo caption inside a paragraph: the Daily Mail's space before
 * the full stop (`… against the incoming tide to rescue the bull .`), or a
 * position in brackets (`(pictured)`, `(left)`, `(C-R)`).
 */
function hasCaptionSign(sentence: SentenceInfo, analysis: Analysis): boolean {
  const tokens = analysis.speakers.tokensOf(sentence)
  const last = tokens.at(-1)
  if (last?.text === '.' && last.spaceBefore) return true
  return tokens.some((token, index) => token.text === '(' && positionWords.has(tokens[index + 1]?.lower ?? '') && tokens[index + 2]?.text === ')')
}

/**
 * A line-up, fixture list or referee line, not prose: only names and small
 * words outside brackets, with list punctuation, brackets or `v` between
 * them (`J Robinson (capt); M Cueto, J Noon.`, `S Bennett (Kent).`, `Cyprus v
 * Israel.`); not `Jim Mattis in Islamabad on Monday.`
 */
function isNameList(tokens: readonly Token[]): boolean {
  let depth = 0
  let structured = false
  for (const token of tokens) {
    if (token.text === '(') depth++
    else if (token.text === ')') depth = Math.max(0, depth - 1)
    if (listMarks.has(token.text) || listWords.has(token.lower)) structured = true
    if (depth > 0 || token.kind !== 'word' || !hasLetterIn(token.text)) continue
    if (!token.capitalized && !/^\d/.test(token.text) && !titleCaseSmallWords.has(token.lower) && !listWords.has(token.lower) && !nameParticles.has(token.lower)) return false
  }
  return structured
}

/** `, who had to fight off a closing pack …`, `against Olympiakos on Wednesday evening.`: the rest of a broken line. */
function isContinuation(tokens: readonly Token[]): boolean {
  const first = tokens[0]
  if (!first) return false
  return first.kind === 'word' ? !first.capitalized && !/^\d/.test(first.text) : continuationMarks.has(first.text)
}

/** `(Writing by Steve Gorman …)`: a sentence in brackets is an aside or a credit. */
function isBracketed(tokens: readonly Token[]): boolean {
  const last = tokens.at(-1)?.text === '.' ? tokens.at(-2) : tokens.at(-1)
  return tokens[0]?.text === '(' && last?.text === ')'
}

/** `By Jamelle Bouie.`, `Analysis by Dave Lee, BBC North America technology reporter.` */
function isByline(words: readonly Token[]): boolean {
  if (words.length > maxBylineWords) return false
  return bylineOpeners.some((opener) => {
    const parts = opener.split(' ')
    return parts.every((part, index) => words[index]?.lower === part) && words[parts.length]?.capitalized === true
  })
}

function report(file: VFile, sentence: SentenceInfo, what: 'fragment' | 'caption', analysis: Analysis): void {
  const tokens = analysis.speakers.tokensOf(sentence)
  const first = tokens[0]
  const last = tokens[tokens.length - 1]
  /* v8 ignore next -- @preserve judged sentences have words, so tokens */
  if (!first || !last) return
  const text = String(file.value).slice(first.start, last.end).replace(/\s+/g, ' ')
  const shown = text.length > 48 ? text.slice(0, 45) + '…' : text
  const reason =
    what === 'fragment'
      ? `Unexpected fragment \`${shown}\` with no finite verb in a main clause, complete or remove it`
      : `Unexpected caption \`${shown}\` in the body with no finite verb, remove it or make it a sentence`
  const message = file.message(reason, {ancestors: [sentence.block.node, sentence.node], place: placeOf(file, first.start, last.end)})
  message.note =
    what === 'fragment'
      ? 'A sentence without a main verb reads as broken prose; in scraped copy it is often a caption or label left behind.'
      : 'A photo caption left in the text as a line of its own reads as broken prose.'
}
