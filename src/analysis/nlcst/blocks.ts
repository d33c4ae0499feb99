/**
 * Block-level facts read from nlcst: how many words a block has, whether it
 * ends like a sentence, whether it opens with a bullet. Plain text has no
 * markup, so these decide a line's kind there.
 */
import type {BlockToken} from './phrase-match.js'
import {nodeText} from '../../parse/node-text.js'
import type {BlockKind} from '../../parse/block-hints.js'

// Sentence-final marks, also when a closing quote or bracket follows: `said.`, `said.”`, `over?)`.
const terminalMark = /^[.!?…‽]+$/
const trailingCloser = /^["”’'»)\]]+$/
// "•", "·", "▪", "-", "*" as a block's first token; not "-5" (a word) or "“".
const bulletMark = /^[•·▪◦‣∙*+–—-]$/

/** Words in a block: nlcst WordNodes (of its tokens, as `blockTokens` gives them). */
export function wordCount(tokens: readonly BlockToken[]): number {
  let count = 0
  for (const token of tokens) if (token.type === 'WordNode') count++
  return count
}

/** Whether the block's last token (before closing quotes and brackets) ends a sentence. */
export function endsLikeSentence(tokens: readonly BlockToken[]): boolean {
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]
    if (token.type === 'WhiteSpaceNode') continue
    const text = nodeText(token)
    if (token.type === 'PunctuationNode' && trailingCloser.test(text)) continue
    return (token.type === 'PunctuationNode' || token.type === 'SymbolNode') && terminalMark.test(text)
  }
  return false
}

/** Whether the block opens with a list bullet (`• Donald Trump’s …`). */
export function startsWithBullet(tokens: readonly BlockToken[]): boolean {
  const first = tokens.find((token) => token.type !== 'WhiteSpaceNode')
  if (!first) return false
  return (first.type === 'PunctuationNode' || first.type === 'SymbolNode') && bulletMark.test(first.value)
}

/** Kind of a plain-text block, judged from its tokens. */
export function textBlockKind(tokens: readonly BlockToken[], isFirst: boolean): BlockKind {
  if (startsWithBullet(tokens)) return 'list-item'
  if (endsLikeSentence(tokens)) return 'body'
  if (isFirst) return 'title'
  // Unterminated lines: short ones are subheads or labels, long ones read like captions.
  return wordCount(tokens) <= 12 ? 'heading' : 'caption'
}
