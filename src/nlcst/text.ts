/**
 * The text of an nlcst node, as `toString` of nlcst-to-string gives it, without
 * its array per parent: most words are one text node, so most calls return a
 * `value` that is already there. Hot: rules and the analysis ask it of every token.
 */
import type {Nodes} from 'nlcst'

export function nodeText(node: Nodes): string {
  if ('value' in node) return node.value
  const children = node.children
  if (children.length === 1) return nodeText(children[0])
  let text = ''
  for (const child of children) text += nodeText(child)
  return text
}

/** The text of a list of nodes, joined. */
export function nodesText(nodes: readonly Nodes[]): string {
  let text = ''
  for (const node of nodes) text += nodeText(node)
  return text
}
