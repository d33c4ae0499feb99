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

/**
 * `text.toLowerCase()`, without the copy V8 makes (and then drops) when the
 * text is lower case already, as most words are: ASCII without a capital is
 * returned as it is. Hot: tokens, word keys and lexicon lookups lower-case
 * every word.
 */
export function lowerCase(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 65 && code <= 90) || code >= 128) return text.toLowerCase()
  }
  return text
}
