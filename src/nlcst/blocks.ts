/**
 * Block-level facts read from nlcst: how many words a block has, whether it
 * ends like a sentence, whether it opens with a bullet. Plain text has no
 * markup, so these decide a line's kind there.
 */
import type {Paragraph, ParagraphContent, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'
import type {BlockKind} from '../parse/block-hints.js'

// Sentence-final marks, also when a closing quote or bracket follows: `said.`, `said.”`, `over?)`.
const terminalMark = /^[.!?…‽]+$/
const trailingCloser = /^["”’'»)\]]+$/
// "•", "·", "▪", "-", "*" as a block's first token; not "-5" (a word) or "“".
const bulletMark = /^[•·▪◦‣∙*+–—-]$/

/** Words in a block: nlcst WordNodes. */
export function wordCount(node: Paragraph): number {
  let count = 0
  visit(node, 'WordNode', () => {
    count++
  })
  return count
}

/** Whether the block's last token (before closing quotes and brackets) ends a sentence. */
export function endsLikeSentence(node: Paragraph): boolean {
  const tokens = flatTokens(node)
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]
    if (token.type === 'WhiteSpaceNode') continue
    const text = toString(token)
    if (token.type === 'PunctuationNode' && trailingCloser.test(text)) continue
    return (token.type === 'PunctuationNode' || token.type === 'SymbolNode') && terminalMark.test(text)
  }
  return false
}

/** Whether the block opens with a list bullet (`• Donald Trump’s …`). */
export function startsWithBullet(node: Paragraph): boolean {
  const first = flatTokens(node).find((token) => token.type !== 'WhiteSpaceNode')
  if (!first) return false
  return (first.type === 'PunctuationNode' || first.type === 'SymbolNode') && bulletMark.test(first.value)
}

/** Kind of a plain-text block, judged from its tokens. */
export function textBlockKind(node: Paragraph, isFirst: boolean): BlockKind {
  if (startsWithBullet(node)) return 'list-item'
  if (endsLikeSentence(node)) return 'body'
  if (isFirst) return 'title'
  // Unterminated lines: short ones are subheads or labels, long ones read like captions.
  return wordCount(node) <= 12 ? 'heading' : 'caption'
}

function flatTokens(node: Paragraph): Array<ParagraphContent | SentenceContent> {
  const tokens: Array<ParagraphContent | SentenceContent> = []
  for (const child of node.children) {
    if (child.type === 'SentenceNode') tokens.push(...child.children)
    else tokens.push(child)
  }
  return tokens
}
