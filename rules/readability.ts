/**
 * Flag sentences that are hard to read for the target age, by the seven
 * formulas of retext-readability (Automated Readability, Coleman–Liau,
 * Dale–Chall, Flesch, Gunning fog, SMOG, Spache).
 * Why: a news sentence that needs a college reader loses most readers.
 * Limits: formulas count syllables and word lists, not meaning; names and
 * numbers make a sentence look harder than it is.
 *
 * This is retext-readability 8 rebuilt from the same formula packages with the
 * same algorithm, thresholds, options and messages, only faster (issue 7): it
 * looks words up in the Dale–Chall and Spache lists with a `Set` instead of a
 * linear `Array#includes`, and remembers each word's syllable count and list
 * membership across sentences and files. tests/readability-parity.test.ts and
 * scripts/readability-parity.ts check that its messages equal
 * retext-readability's, message for message.
 */
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import type {Parent, Sentence} from 'nlcst'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import type {VFile} from 'vfile'
import {analyse} from '../src/analysis/analysis.js'
import {isBodyProse} from '../src/analysis/prose.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {nodeText} from '../src/parse/node-text.js'

export interface Options {
  /** Target reader age (default: `18`; retext-readability's is `16`). */
  readonly age: number
  /** Sentences with fewer words are not judged (default: `5`). */
  readonly minWords: number
  /** Share of the formulas that must agree (default: `5 / 7`; retext-readability's is `4 / 7`). */
  readonly threshold: number
  /**
   * Judge body prose only (`isBodyProse`): not titles, subheads, captions,
   * list items or sentences that are mostly quotation (default: `true`).
   * `false` judges every sentence, as retext-readability does.
   */
  readonly bodyOnly: boolean
}

/** Familiar words (Revised Spache, 1974), lower case. */
const spacheWords: ReadonlySet<string> = new Set(spache)
/** Easy words (Dale–Chall, 1995), lower case. */
const daleChallWords: ReadonlySet<string> = new Set(daleChall)

/** What the formulas need of a word in lower case (“minister”), shared by all its spellings. */
interface CaselessWord {
  /** On the Spache list of familiar words. */
  readonly familiar: boolean
  /** On the Dale–Chall list of easy words. */
  readonly easy: boolean
  /** The last sentence that counted it: a word counts once per sentence for both lists. */
  countedIn: number
  /** `syllable(word)`, once an ASCII spelling asked: shared by `Minister` and `minister`. */
  syllables: number | undefined
}

/** What the formulas need of a word as written (“Minister”). */
interface WordFacts {
  /** `syllable(value)`, from the word as written. */
  readonly syllables: number
  /** Its first code unit is unchanged by lower-casing (“minister”, “2018”, not “Minister”). */
  readonly lowerFirst: boolean
  readonly caseless: CaselessWord
}

/**
 * Most distinct words remembered; both memos are emptied, between sentences,
 * when either is full (together, so a word's spellings keep sharing one
 * `CaselessWord`). The 2,225-file bench corpus has 39,493 spellings. Every
 * lint thread has its own memos, about 125 bytes a word: at 100,000, text
 * whose vocabulary keeps growing held 15 MB more of a thread's heap than the
 * bench corpus does, and took two workers to 307–323 MiB over 22,250 files;
 * at 50,000, 283–300 MiB.
 */
const memoLimit = 50_000
/** Word as written → its facts. Module-wide: the same words recur across files. */
const wordMemo = new Map<string, WordFacts>()
/** Lower-case word → its list membership. */
const caselessMemo = new Map<string, CaselessWord>()
/** Numbers the sentences judged, for `CaselessWord.countedIn`. */
let sentenceCount = 0

/** How many of the seven formulas put a sentence above the age. */
const formulaCount = 7

export default defineRule<Options>(
  {
    id: 'readability',
    severity: 'info',
    summary: 'hard-to-read sentences for the target reader age (retext-readability)',
    fixable: false,
    options: {
      // News defaults (issue 19, scripts/readability-calibrate.ts): on the 2,225 clean BBC texts,
      // 3.7% of body sentences (1 in 27); retext-readability's 16 and 4 / 7 flag 34.8% (1 in 3).
      // `minWords` stays retext-readability's, so `{age: 16, threshold: 4 / 7, bodyOnly: false}` is it exactly.
      age: {kind: 'number', default: 18, min: 1, description: 'Target reader age'},
      minWords: {kind: 'integer', default: 5, min: 0, description: 'Shortest sentence judged, in words'},
      threshold: {kind: 'number', default: 5 / 7, min: 0, description: 'Share of formulas that must agree'},
      bodyOnly: {kind: 'boolean', default: true, description: 'Judge body prose only, not headings, captions, list items or quotations'}
    }
  },
  (tree, file, options) => {
    // retext-readability reads its options with `||`: `age: 0` and `threshold: 0` mean its own defaults.
    const age = options.age || 16
    const threshold = options.threshold || 4 / 7
    const minWords = typeof options.minWords === 'number' ? options.minWords : 5
    const judge = (sentence: Sentence, parent: Parent) => {
      const counts = countSentence(sentence)
      if (counts.word < minWords) return

      const nok = formulasAbove(counts, age)
      if (nok / formulaCount < threshold) return
      report(file, sentence, parent, nok)
    }

    if (options.bodyOnly === false) forEachSentence(tree, judge)
    else for (const sentence of analyse(tree, file).sentences) if (isBodyProse(sentence)) judge(sentence.node, sentence.block.node)
  }
)

/** The counts the formula packages read, for one sentence (a type: they take an index signature). */
type Counts = {
  readonly character: number
  readonly complexPolysillabicWord: number
  readonly difficultWord: number
  readonly letter: number
  readonly polysillabicWord: number
  readonly sentence: number
  readonly syllable: number
  readonly unfamiliarWord: number
  readonly word: number
}

/**
 * Every sentence in document order with its parent, not looking inside a
 * sentence: `visit(tree, 'SentenceNode', …)` returning `SKIP`, as
 * retext-readability walks, without the generic visitor's cost.
 */
function forEachSentence(node: Parent, callback: (sentence: Sentence, parent: Parent) => void): void {
  for (const child of node.children) {
    if (child.type === 'SentenceNode') callback(child, node)
    else if ('children' in child) forEachSentence(child, callback)
  }
}

/** Running totals over the words of one sentence (one object, reused: this runs for every word). */
const tally = {
  sentence: 0,
  words: 0,
  syllables: 0,
  letters: 0,
  polysillabic: 0,
  complexPolysillabic: 0,
  familiar: 0,
  easy: 0
}

/**
 * The counts of retext-readability for one sentence, over every word under it
 * (`visit(sentence, 'WordNode', …)`): syllables, letters, words of three
 * syllables or more, and the unique words on the Spache and Dale–Chall lists.
 */
function countSentence(sentence: Sentence): Counts {
  if (wordMemo.size >= memoLimit || caselessMemo.size >= memoLimit) {
    wordMemo.clear()
    caselessMemo.clear()
  }
  tally.sentence = ++sentenceCount
  tally.words = 0
  tally.syllables = 0
  tally.letters = 0
  tally.polysillabic = 0
  tally.complexPolysillabic = 0
  tally.familiar = 0
  tally.easy = 0
  countWords(sentence)

  return {
    character: tally.letters,
    complexPolysillabicWord: tally.complexPolysillabic,
    difficultWord: tally.words - tally.easy,
    letter: tally.letters,
    polysillabicWord: tally.polysillabic,
    sentence: 1,
    syllable: tally.syllables,
    unfamiliarWord: tally.words - tally.familiar,
    word: tally.words
  }
}

/**
 * Add every word under `node` to `tally`, in order, nested words included
 * (`visit(sentence, 'WordNode', …)`); a word holds no words, so its own
 * children are not walked.
 */
function countWords(node: Parent): void {
  for (const child of node.children) {
    if (child.type === 'WordNode') countWord(nodeText(child))
    else if ('children' in child) countWords(child)
  }
}

function countWord(value: string): void {
  const facts = factsOf(value)
  tally.words++
  tally.syllables += facts.syllables
  tally.letters += value.length

  // Gunning fog’s complex words: three syllables or more and not capitalised
  // (“Minister” is taken for a proper noun; “ministerial” counts).
  if (facts.syllables >= 3) {
    tally.polysillabic++
    if (facts.lowerFirst) tally.complexPolysillabic++
  }

  // “The … the”: a listed word counts once per sentence, whatever its case.
  const {caseless} = facts
  if (caseless.countedIn !== tally.sentence) {
    caseless.countedIn = tally.sentence
    if (caseless.familiar) tally.familiar++
    if (caseless.easy) tally.easy++
  }
}

/** The facts of a word as written, remembered. */
function factsOf(value: string): WordFacts {
  let facts = wordMemo.get(value)
  if (facts === undefined) {
    const lower = value.toLowerCase()
    const caseless = caselessOf(lower)
    // `syllable` lower-cases the word after normalising accents, which leaves ASCII as it is: an
    // ASCII word has the count of its lower case, so its spellings share one (slow) count.
    const syllables = isAscii(value) ? (caseless.syllables ??= syllable(lower)) : syllable(value)
    facts = {syllables, lowerFirst: value.charCodeAt(0) === lower.charCodeAt(0), caseless}
    wordMemo.set(value, facts)
  }
  return facts
}

/** The list membership of a lower-case word, remembered. */
function caselessOf(lower: string): CaselessWord {
  let caseless = caselessMemo.get(lower)
  if (caseless === undefined) {
    caseless = {familiar: spacheWords.has(lower), easy: daleChallWords.has(lower), countedIn: 0, syllables: undefined}
    caselessMemo.set(lower, caseless)
  }
  return caseless
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 128) return false
  return true
}

/** How many of the seven formulas give a reader age above `age`. */
function formulasAbove(counts: Counts, age: number): number {
  let above = 0
  for (const reader of readerAges(counts)) if (reader > age) above++
  return above
}

/** The reader age each of the seven formulas gives (retext-readability’s order). */
function readerAges(counts: Counts): readonly number[] {
  return [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    fleschToAge(flesch(counts)),
    gradeToAge(gunningFog(counts)),
    smogToAge(smogFormula(counts)),
    gradeToAge(spacheFormula(counts))
  ]
}

/**
 * The words of `sentence` and the reader age each formula gives it, for
 * scripts/readability-calibrate.ts (which chooses the defaults on a corpus).
 */
export function sentenceReading(sentence: Sentence): {readonly words: number; readonly ages: readonly number[]} {
  const counts = countSentence(sentence)
  return {words: counts.word, ages: readerAges(counts)}
}

function report(file: VFile, sentence: Sentence, parent: Parent, nok: number): void {
  const message = file.message(
    'Unexpected hard to read sentence, according to ' +
      (nok < formulaCount ? nok + ' out of ' : 'all ') +
      formulaCount +
      ' algorithms',
    {ancestors: [parent, sentence], place: sentence.position}
  )
  // define-rule sets `actual` to the source at `place`: the sentence's own text is needed only without offsets.
  if (sentence.position?.start.offset === undefined || sentence.position.end.offset === undefined) message.actual = nodeText(sentence)
  message.expected = []
}

/** The typical (upper) age of a US school grade. */
function gradeToAge(grade: number): number {
  return Math.round(grade + 5)
}

/** The age of a Flesch reading-ease score. */
function fleschToAge(value: number): number {
  return 20 - Math.floor(value / 10)
}

/** The age of a SMOG grade (readabilityformulas.com). */
function smogToAge(value: number): number {
  return Math.ceil(Math.sqrt(value) + 2.5)
}
