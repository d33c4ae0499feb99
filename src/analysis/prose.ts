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

/**
 * Whether outer quotations cover more than two thirds of the sentence's
 * characters: “That’s not the way I deal with issues,” he said (73%); not a
 * sentence of the writer's that ends on a quoted phrase, `A Pentagon statement
 * said that … and "reiterated that Pakistan must redouble its efforts …"` (52%).
 */
function isMostlyQuoted(sentence: SentenceInfo): boolean {
  const length = sentence.end - sentence.start
  if (length <= 0) return false
  let quoted = 0
  for (const quote of sentence.block.quotes) {
    if (quote.depth !== 0) continue
    quoted += Math.max(0, Math.min(quote.end, sentence.end) - Math.max(quote.start, sentence.start))
  }
  return quoted * 3 > length * 2
}
