/**
 * Part-of-speech tags for the tokens of one sentence, from wink-nlp with its
 * English “lite web” model. Why wink: of the taggers measured for this
 * project (research/nlp-libs.md) it was the most precise on fragments, fast
 * (about 380k words/s), small (4.6 MB), MIT and typed; both packages come from
 * the npm registry with no install script and no download at run time.
 * Loaded on first use only: the model takes about half a second to load,
 * which a run that never needs it (an editor, a hook on a short article)
 * should not pay. The sentence goes to wink as the text of our own
 * tokens joined by their spaces, and each wink token is mapped back to the
 * token it falls in by offset; wink splits `al-Khodhr`, `don’t` and `$10`
 * into several tokens, so one of ours may get several tags.
 */
import {createRequire} from 'node:module'
import type {ItemToken, ItsFunction, Model, PartOfSpeech, WinkMethods} from 'wink-nlp'
import type {Token} from '../speakers/tokens.js'

/** One wink token inside one of ours. */
export interface Tag {
  readonly pos: PartOfSpeech
  readonly value: string
  readonly lemma: string
}

let nlp: WinkMethods | undefined

function tagger(): WinkMethods {
  if (!nlp) {
    // wink-nlp and its model are CommonJS packages; require keeps the load lazy and synchronous.
    const require = createRequire(import.meta.url)
    const winkNlp = require('wink-nlp') as (model: Model, pipe?: string[]) => WinkMethods
    const model = require('wink-eng-lite-web-model') as Model
    nlp = winkNlp(model, ['pos'])
  }
  return nlp
}

/** Whether the tagger has been loaded in this process (for tests of the lazy load). */
export function isTaggerLoaded(): boolean {
  return nlp !== undefined
}

/** The tags of each token: `tags[index]` for `tokens[index]` (empty for none). */
export function tagTokens(tokens: readonly Token[]): Tag[][] {
  const starts: number[] = []
  let text = ''
  for (const token of tokens) {
    if (token.spaceBefore && text !== '') text += ' '
    starts.push(text.length)
    text += token.text
  }
  const tags: Tag[][] = tokens.map(() => [])
  const {its} = tagger()
  // wink's typings give `its.lemma` a third parameter that `out` does not declare; it is called with it.
  const lemma = its.lemma as unknown as ItsFunction<string>
  const doc = tagger().readDoc(text)
  let offset = 0
  let owner = 0
  doc.tokens().each((item: ItemToken) => {
    offset += String(item.out(its.precedingSpaces)).length
    const value = String(item.out(its.value))
    while (owner + 1 < starts.length && starts[owner + 1] <= offset) owner++
    tags[owner]?.push({pos: item.out(its.pos) as PartOfSpeech, value, lemma: String(item.out(lemma))})
    offset += value.length
  })
  return tags
}
