/**
 * Body prose: the sentences an article's own voice writes in its running
 * text, as opposed to its furniture (title, subheads, captions, list items,
 * bylines) and to what it quotes. Rules that judge style (`readability`) ask
 * here, so that a better block classifier changes one function, not every rule.
 */
import type {SentenceInfo} from './types.js'

/**
 * Whether `sentence` is body prose: in a body block (a byline or a dateline
 * is an unterminated short line, a `heading` there), and not mostly inside a
 * quotation (“We will not back down,” she said: quoted words are the
 * speaker's, not the writer's to edit).
 */
export function isBodyProse(sentence: SentenceInfo): boolean {
  return sentence.block.kind === 'body' && !isMostlyQuoted(sentence)
}

/** Whether outer quotations cover more than half of the sentence's characters. */
function isMostlyQuoted(sentence: SentenceInfo): boolean {
  const length = sentence.end - sentence.start
  if (length <= 0) return false
  let quoted = 0
  for (const quote of sentence.block.quotes) {
    if (quote.depth !== 0) continue
    quoted += Math.max(0, Math.min(quote.end, sentence.end) - Math.max(quote.start, sentence.start))
  }
  return quoted * 2 > length
}
