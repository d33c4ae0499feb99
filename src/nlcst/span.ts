/**
 * Places built from nodes: the span of a block's content without the white
 * space parse-latin sometimes leaves at its edges.
 */
import type {Paragraph} from 'nlcst'
import type {Position} from 'unist'

/** The span of a paragraph from its first to its last non-white-space token. */
export function contentSpan(paragraph: Paragraph): Position | undefined {
  const children = paragraph.children.flatMap((child) => (child.type === 'SentenceNode' ? child.children : [child]))
  const content = children.filter((child) => child.type !== 'WhiteSpaceNode')
  const first = content[0]?.position
  const last = content[content.length - 1]?.position
  return first && last ? {start: first.start, end: last.end} : paragraph.position
}
