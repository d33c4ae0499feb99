/**
 * Places built from nodes: the span of a block's content without the white
 * space parse-latin sometimes leaves at its edges.
 */
import type {Paragraph, ParagraphContent, SentenceContent} from 'nlcst'
import type {Position} from 'unist'

type Token = ParagraphContent | SentenceContent

/** The span of a paragraph from its first to its last non-white-space token. */
export function contentSpan(paragraph: Paragraph): Position | undefined {
  // Scanned from each end, not flattened: rules ask this of every block.
  const first = edgeToken(paragraph.children, 1)?.position
  const last = edgeToken(paragraph.children, -1)?.position
  return first && last ? {start: first.start, end: last.end} : paragraph.position
}

/** The first (`step` 1) or last (`step` -1) token that is not white space, looking inside sentences. */
function edgeToken(children: readonly ParagraphContent[], step: 1 | -1): Token | undefined {
  for (let index = step === 1 ? 0 : children.length - 1; index >= 0 && index < children.length; index += step) {
    const child = children[index]
    if (child.type !== 'SentenceNode') {
      if (child.type !== 'WhiteSpaceNode') return child
      continue
    }
    const tokens = child.children
    for (let inner = step === 1 ? 0 : tokens.length - 1; inner >= 0 && inner < tokens.length; inner += step) {
      if (tokens[inner].type !== 'WhiteSpaceNode') return tokens[inner]
    }
  }
  return undefined
}
