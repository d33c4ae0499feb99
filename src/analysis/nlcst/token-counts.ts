/**
 * How often each capitalised word, and each pair of capitalised words, occurs
 * in an article as whole tokens (`Noem` in “Noem said” and in “Noem’s”;
 * `South Dakota`): evidence that a word or name is one the article uses, or
 * that a mixed-case spelling (`WeWork`) is the article's own.
 */
import type {Root, RootContent, Sentence, Word} from 'nlcst'

// A token with a capital letter: `Noem`, `NoemSouth`, `iPhone`; not `caption`.
const hasCapital = /\p{Lu}/u

/** Counts of the text tokens of `tree` that hold a capital letter. */
export function capitalisedCounts(tree: Root): Map<string, number> {
  const counts = new Map<string, number>()
  const walk = (node: Root | RootContent) => {
    if (node.type === 'TextNode') {
      if (hasCapital.test(node.value)) counts.set(node.value, (counts.get(node.value) ?? 0) + 1)
    } else if ('children' in node) {
      for (const child of node.children) walk(child)
    }
  }
  walk(tree)
  return counts
}

/** Counts of two one-token capitalised words with one space between (`South Dakota`, `Jim Mattis`), keyed `A B`. */
export function capitalisedPairs(tree: Root): Map<string, number> {
  const counts = new Map<string, number>()
  const walk = (node: Root | RootContent) => {
    if (node.type === 'SentenceNode') countPairs(node, counts)
    else if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return counts
}

function countPairs(sentence: Sentence, counts: Map<string, number>): void {
  const children = sentence.children
  for (let index = 2; index < children.length; index++) {
    const first = capitalisedWord(children[index - 2])
    const second = capitalisedWord(children[index])
    if (first && second && children[index - 1].type === 'WhiteSpaceNode') {
      const key = first + ' ' + second
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
}

/** The text of a word that is one capitalised text token (`Dakota`), else nothing (`Noem’s`, `the`). */
function capitalisedWord(node: Sentence['children'][number]): string | undefined {
  if (node.type !== 'WordNode') return undefined
  const [only, ...rest] = (node as Word).children
  return rest.length === 0 && only?.type === 'TextNode' && hasCapital.test(only.value) ? only.value : undefined
}
