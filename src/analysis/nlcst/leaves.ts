/**
 * A paragraph as one row of leaf tokens (text, punctuation, symbols, white
 * space), across word and sentence boundaries, each with its source offsets
 * and the word and sentence it sits in. Rules that look at what touches what
 * (“subscribers.The”: one WordNode; “day.#Today…”: two sentences with no
 * space between) read this row instead of tokenising the text again. Places
 * for a part of a leaf come from `placeOf`, on vfile-location.
 */
import type {Paragraph, Punctuation, Sentence, Source, Symbol as SymbolNode, Text, WhiteSpace, Word} from 'nlcst'

export type LeafNode = Text | Punctuation | SymbolNode | WhiteSpace | Source

export interface Leaf {
  readonly node: LeafNode
  /** The word the leaf belongs to, if any (`The` in `subscribers.The`). */
  readonly word: Word | undefined
  readonly sentence: Sentence | undefined
  readonly start: number
  readonly end: number
}

/** The leaves of `paragraph` in order; leaves without offsets are left out. */
export function leavesOf(paragraph: Paragraph): Leaf[] {
  const leaves: Leaf[] = []
  const add = (node: LeafNode, word: Word | undefined, sentence: Sentence | undefined) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) leaves.push({node, word, sentence, start, end})
  }

  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      add(child, undefined, undefined)
      continue
    }
    for (const token of child.children) {
      if (token.type === 'WordNode') for (const part of token.children) add(part, token, child)
      else add(token, undefined, child)
    }
  }

  return leaves
}

/** Whether `next` starts exactly where `previous` ends: no space, no markup between. */
export function touches(previous: Leaf | undefined, next: Leaf | undefined): boolean {
  return previous !== undefined && next !== undefined && previous.end === next.start
}

/** Whether `leaf` is punctuation or a symbol whose value matches `pattern`. */
export function isMarkLeaf(leaf: Leaf | undefined, pattern: RegExp): boolean {
  return leaf !== undefined && (leaf.node.type === 'PunctuationNode' || leaf.node.type === 'SymbolNode') && pattern.test(leaf.node.value)
}

/** The text of the leaves between two source offsets; a leaf may be cut (`Noem` of `NoemSouth`). */
export function textBetween(leaves: readonly Leaf[], start: number, end: number): string {
  let text = ''
  for (const leaf of leaves) {
    if (leaf.end <= start || leaf.start >= end) continue
    text += leaf.node.value.slice(Math.max(0, start - leaf.start), end - leaf.start)
  }
  return text
}

export {placeOf} from './offset-place.js'
