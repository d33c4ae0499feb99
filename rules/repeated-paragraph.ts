/**
 * Flag a paragraph (or a line that stands alone) that repeats an earlier one
 * of the same article, exactly or nearly: after case, spacing, punctuation and
 * quote style are set aside, the same words, or nearly all of them; also a
 * caption whose words come back inside a later, longer paragraph.
 * Why: a caption or headline pasted twice is the first thing a reader of a
 * scraped or syndicated article notices.
 * Limits: a copy under `minWords` words is not judged; a sentence repeated
 * inside two otherwise different paragraphs is not a repeated paragraph.
 */
import type {Paragraph} from 'nlcst'
import {nodeText} from '../src/parse/node-text.js'
import {visit} from 'unist-util-visit'
import {VFileMessage} from 'vfile-message'
import {analyse, type Block} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {grown} from '../src/analysis/nlcst/grown.js'
import {sharedWords} from '../src/analysis/nlcst/similarity.js'
import {contentSpan} from '../src/analysis/nlcst/span.js'
import {Postings} from '../src/analysis/nlcst/postings.js'
import {TripleIds} from '../src/analysis/nlcst/triple-ids.js'
import {WordIds} from '../src/analysis/nlcst/word-ids.js'

export interface Options {
  /** Shortest paragraph judged, in words (default: `5`). */
  readonly minWords: number
  /** Share of words a near copy has in common with the first copy (default: `0.9`). */
  readonly similarity: number
}

/** Words per shingle: three-word runs find candidates without comparing every pair. */
const shingleSize = 3
/** A shingle found in more paragraphs than this says nothing about which one is copied. */
const maxPostings = 32
/**
 * Paragraphs shorter than this are labels: one repeated far apart is
 * structure (a schedule's “Winners meet in final match”), so only a copy right
 * after it is flagged; and only a longer caption counts as copied inside a
 * later paragraph.
 */
const labelWords = 8

interface Entry {
  readonly block: Block
  readonly words: readonly string[]
  /** The words joined by spaces: equal for exact copies. */
  readonly key: string
  /** Its distinct shingles, as numbers (`TripleIds`), in order of first occurrence. */
  readonly shingles: Int32Array
}

/** Word → a small number, shingle → a small number, and the posting lists of the shingles: one article's, reused by the next. */
const wordIds = new WordIds()
const shingleIds = new TripleIds()
const postings = new Postings(maxPostings)
/** By shingle number: the last `shinglesOf` call that saw it (`shingleCalls`), to keep each shingle once. */
let seenIn = new Int32Array(1024)
let shingleCalls = 0

type Match = {readonly kind: 'exact' | 'near' | 'contained'; readonly first: Entry; readonly shared: number}

export default defineRule<Options>(
  {
    id: 'repeated-paragraph',
    severity: 'error',
    summary: 'a paragraph repeating an earlier one of the article exactly or nearly (a caption pasted twice)',
    fixable: true,
    options: {
      minWords: {kind: 'integer', default: 5, min: 1, description: 'Shortest paragraph judged, in words'},
      similarity: {kind: 'number', default: 0.9, min: 0.5, description: 'Share of words a near copy shares with the first'}
    }
  },
  (tree, file, options) => {
    const index = new CopyIndex(options)
    const analysis = analyse(tree, file)
    for (const block of analysis.blocks) {
      const words = analysis.wordsOf(block)
      if (words.length < options.minWords) continue
      const entry: Entry = {block, words, key: analysis.wordsKeyOf(block), shingles: index.shinglesOf(words)}
      const match = index.find(entry)
      // A near copy can be copied word for word later: keep it findable, and point there.
      if (match?.kind !== 'exact') index.add(entry)
      if (!match || (words.length < labelWords && match.first.block.index !== block.index - 1)) continue

      const first = match.first.block
      const line = first.node.position?.start.line
      const message = file.message(reasonFor(match, words.length, line, opening(first.node)), {
        ancestors: [tree, block.node],
        place: contentSpan(block.node)
      })
      message.cause = new VFileMessage(`First copy, at line ${line}`, {place: contentSpan(first.node)})
      // Only a word-for-word copy is safe to delete; a near copy may hold words the first lacks.
      message.expected = match.kind === 'exact' ? [''] : []
      if (match.kind !== 'exact') message.note = 'The copies differ in a few words: keep the better one and delete the other.'
    }
  }
)

/**
 * The paragraphs judged so far, found by exact key and by shared shingles.
 * One article at a time: it clears the shared tables it works in.
 */
class CopyIndex {
  private readonly exact = new Map<string, Entry>()
  /** Entries added, by their number in `postings`. */
  private readonly added: Entry[] = []
  /** By entry number: shingles shared with the paragraph `find` looks at (0 between calls). */
  private hits = new Int32Array(64)

  constructor(private readonly options: Options) {
    wordIds.clear()
    shingleIds.clear()
    postings.clear()
  }

  /** The distinct shingles of `words`, in order of first occurrence; a shorter paragraph is one shingle. */
  shinglesOf(words: readonly string[]): Int32Array {
    if (words.length < shingleSize) {
      if (words.length === 0) return new Int32Array(0)
      return Int32Array.of(shingleIds.idOf(wordIds.idOf(words[0]), words.length > 1 ? wordIds.idOf(words[1]) : -1, -1))
    }
    // A server may run for ever: past what an Int32Array holds, start the count again.
    if (shingleCalls === 2 ** 31 - 1) {
      seenIn.fill(0)
      shingleCalls = 0
    }
    const call = ++shingleCalls
    const shingles = new Int32Array(words.length - shingleSize + 1)
    let count = 0
    let a = wordIds.idOf(words[0])
    let b = wordIds.idOf(words[1])
    for (let index = shingleSize - 1; index < words.length; index++) {
      const c = wordIds.idOf(words[index])
      const id = shingleIds.idOf(a, b, c)
      if (id >= seenIn.length) seenIn = grown(seenIn, id)
      if (seenIn[id] !== call) {
        seenIn[id] = call
        shingles[count++] = id
      }
      a = b
      b = c
    }
    return count === shingles.length ? shingles : shingles.slice(0, count)
  }

  add(entry: Entry): void {
    this.exact.set(entry.key, entry)
    const number = this.added.length
    this.added.push(entry)
    for (const shingle of entry.shingles) postings.add(shingle, number)
  }

  find(paragraph: Entry): Match | undefined {
    const {words} = paragraph
    const same = this.exact.get(paragraph.key)
    if (same) return {kind: 'exact', first: same, shared: words.length}

    let best: Match | undefined
    const candidates = this.candidates(paragraph.shingles)
    for (const number of candidates) {
      const entry = this.added[number]
      const hits = this.hits[number]
      // A changed word spoils up to three shingles: a near copy still shares half of them.
      if (hits < (Math.min(entry.words.length, words.length) - shingleSize + 1) / 2) continue
      const shared = sharedWords(entry.words, words)
      const kind = this.kindOf(entry, words, shared, hits)
      if (kind && (!best || shared > best.shared)) best = {kind, first: entry, shared}
    }
    for (const number of candidates) this.hits[number] = 0
    return best
  }

  /** The entries sharing a shingle that is not too common, in order of first hit, counting hits in `hits`. */
  private candidates(shingles: Int32Array): number[] {
    if (this.hits.length < this.added.length) this.hits = grown(this.hits, this.added.length)
    const found: number[] = []
    for (const shingle of shingles) {
      if (postings.count(shingle) > maxPostings) continue
      for (let posting = postings.first(shingle); posting !== -1; posting = postings.next(posting)) {
        const number = postings.entryAt(posting)
        if (this.hits[number]++ === 0) found.push(number)
      }
    }
    return found
  }

  private kindOf(entry: Entry, words: readonly string[], shared: number, hits: number): Match['kind'] | undefined {
    const {similarity} = this.options
    if (shared >= similarity * Math.max(entry.words.length, words.length)) return 'near'
    // “Caption.” … later “Caption. Photo: AP”: a caption whose runs of words come back, in
    // order, as most of a longer paragraph (shingles, so scattered shared words do not count).
    // One sentence repeated inside an otherwise different paragraph is not a copy.
    const isCaption = entry.block.kind === 'caption' || entry.block.kind === 'body'
    const entryShingles = entry.words.length - shingleSize + 1
    const isMostOf = entry.words.length >= 0.5 * words.length && entry.words.length < words.length
    if (isCaption && entry.words.length >= labelWords && isMostOf && hits >= similarity * entryShingles) return 'contained'
    return undefined
  }
}


function reasonFor(match: Match, length: number, line: number | undefined, quote: string): string {
  if (match.kind === 'exact') return `Unexpected copy of the paragraph at line ${line} (\`${quote}\`), remove it`
  if (match.kind === 'contained') return `Unexpected repeat of the paragraph at line ${line} (\`${quote}\`) inside this paragraph, remove the repeated text`
  const share = Math.round((100 * match.shared) / Math.max(length, match.first.words.length))
  return `Unexpected near copy (${share}% of words) of the paragraph at line ${line} (\`${quote}\`), remove one`
}

/** The first words of a paragraph as written, to name it in a message. */
function opening(paragraph: Paragraph, count = 6): string {
  const words: string[] = []
  let more = false
  visit(paragraph, 'WordNode', (word) => {
    if (words.length === count) {
      more = true
      return false
    }
    words.push(nodeText(word))
  })
  return words.join(' ') + (more ? '…' : '')
}
