/**
 * Run parse-latin's sentence plugins on a long sentence in pieces. The nlcst
 * converters hand a whole HTML paragraph to the parser as one sentence —
 * including an implicit one: a `<div>` of text and `<br><br>` holds a whole
 * article (measured here: 1 MB took 28 s against 7 s as `<p>` elements) —
 * and the plugins (`F-16`, `U.S.`, `rock 'n' roll`) splice that one array,
 * which is quadratic. Each plugin decides from at most two tokens either side
 * of a punctuation mark or symbol and never acts on a word or on white space,
 * so a cut inside "word␠|␠word␠" changes nothing: the plugins see the same
 * neighbours in a piece as in the whole, and the joined tokens are those of
 * one run.
 */
import type {Sentence, SentenceContent} from 'nlcst'

type SentencePlugin = (sentence: Sentence) => void

interface SentenceParser {
  tokenizeSentencePlugins: SentencePlugin[]
}

/** Pieces hold at least this many tokens before a cut is sought. */
export const pieceTokens = 1024

/** Make `parser` run its sentence plugins on long sentences a piece at a time. */
export function withSentencesInPieces<Parser extends SentenceParser>(parser: Parser, size = pieceTokens): Parser {
  const plugins = [...parser.tokenizeSentencePlugins]
  parser.tokenizeSentencePlugins = [(sentence) => runInPieces(sentence, plugins, size)]
  return parser
}

/** Run `plugins` on `sentence`, piece by piece when it is long. */
export function runInPieces(sentence: Sentence, plugins: readonly SentencePlugin[], size = pieceTokens): void {
  const cuts = pieceCuts(sentence.children, size)
  if (cuts.length === 0) {
    for (const plugin of plugins) plugin(sentence)
    return
  }

  const children: SentenceContent[] = []
  let start = 0
  for (const end of [...cuts, sentence.children.length]) {
    const piece: Sentence = {type: 'SentenceNode', children: sentence.children.slice(start, end)}
    for (const plugin of plugins) plugin(piece)
    children.push(...piece.children)
    start = end
  }
  sentence.children = children
  // parse-latin's last sentence plugin fills a missing position from the first and last child.
  const first = children[0]?.position
  const last = children[children.length - 1]?.position
  if (!sentence.position && first && last) sentence.position = {start: first.start, end: last.end}
}

/** Token indices to cut before: white space between two words, another white space after the second. */
export function pieceCuts(tokens: readonly SentenceContent[], size = pieceTokens): number[] {
  const cuts: number[] = []
  for (let index = size; index + 2 < tokens.length; index++) {
    if (
      tokens[index - 1].type === 'WordNode' &&
      tokens[index].type === 'WhiteSpaceNode' &&
      tokens[index + 1].type === 'WordNode' &&
      tokens[index + 2].type === 'WhiteSpaceNode'
    ) {
      cuts.push(index)
      index += size - 1
    }
  }
  return cuts
}
