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
import {nodeText} from '../src/nlcst/text.js'
import {visit} from 'unist-util-visit'
import {VFileMessage} from 'vfile-message'
import {analyse, type Block} from '../src/analysis.js'
import {defineRule} from '../src/define-rule.js'
import {sharedWords} from '../src/nlcst/similarity.js'
import {contentSpan} from '../src/nlcst/span.js'

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
  readonly shingles: ReadonlySet<ShingleKey>
}

/**
 * A shingle as a key: three word ids packed in one number (a string when an
 * id is too large to pack), or the ids of a shorter paragraph as a string.
 * Packing spares a string per shingle; equal shingles give equal keys.
 */
type ShingleKey = number | string
const idBits = 2 ** 17

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

class CopyIndex {
  private readonly exact = new Map<string, Entry>()
  private readonly postings = new Map<ShingleKey, Entry[]>()
  /** Word → a small number, for packed shingles. */
  private readonly ids = new Map<string, number>()

  constructor(private readonly options: Options) {}

  /** The distinct shingles of `words`, in order of first occurrence. */
  shinglesOf(words: readonly string[]): Set<ShingleKey> {
    const ids = words.map((word) => this.idOf(word))
    const keys = new Set<ShingleKey>()
    if (ids.length < shingleSize) {
      if (ids.length > 0) keys.add(ids.join(' '))
      return keys
    }
    for (let index = 0; index + shingleSize <= ids.length; index++) {
      const a = ids[index]
      const b = ids[index + 1]
      const c = ids[index + 2]
      keys.add(a < idBits && b < idBits && c < idBits ? (a * idBits + b) * idBits + c : `${a} ${b} ${c}`)
    }
    return keys
  }

  add(entry: Entry): void {
    this.exact.set(entry.key, entry)
    for (const shingle of entry.shingles) {
      const list = this.postings.get(shingle)
      if (!list) this.postings.set(shingle, [entry])
      else if (list.length <= maxPostings) list.push(entry)
    }
  }

  find(paragraph: Entry): Match | undefined {
    const {words} = paragraph
    const same = this.exact.get(paragraph.key)
    if (same) return {kind: 'exact', first: same, shared: words.length}

    let best: Match | undefined
    for (const [entry, hits] of this.candidates(paragraph.shingles)) {
      // A changed word spoils up to three shingles: a near copy still shares half of them.
      if (hits < (Math.min(entry.words.length, words.length) - shingleSize + 1) / 2) continue
      const shared = sharedWords(entry.words, words)
      const kind = this.kindOf(entry, words, shared, hits)
      if (kind && (!best || shared > best.shared)) best = {kind, first: entry, shared}
    }
    return best
  }

  private idOf(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(word, id)
    }
    return id
  }

  private candidates(shingles: ReadonlySet<ShingleKey>): Map<Entry, number> {
    const hits = new Map<Entry, number>()
    for (const shingle of shingles) {
      const list = this.postings.get(shingle)
      if (!list || list.length > maxPostings) continue
      for (const entry of list) hits.set(entry, (hits.get(entry) ?? 0) + 1)
    }
    return hits
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
