/**
 * Flag a claim credited to no one in particular: an unnamed group with a cue
 * that credits a claim or a belief (`critics claim`, `experts believe`,
 * `sources close to the campaign say`, `…, said several observers`,
 * `according to people familiar with the talks`, `some say`, `was seen by
 * some`), and an impersonal passive (`it is said`, `it has been reported`,
 * `X is said to`). The message names the group and the cue.
 * Why: an anonymous or collective source cannot be checked; style books ask
 * for a named source or a reason for anonymity (AP: “anonymous sources”).
 * Limits: `officials`, `analysts`, `aides` and parties are left alone (they
 * are identifiable in context in most copy); a bare `people` needs a
 * quantifier or a qualifier (`many people`, `people close to`); quotations
 * are skipped (the reporter cannot rename a source someone else cites);
 * agentless opinion passives (`is expected to`, `is widely seen as`) are not
 * flagged.
 */
import {analyse} from '../src/analysis/analysis.js'
import {placeOf} from '../src/analysis/nlcst/offset-place.js'
import {findVagueCredits, type VagueCredit, type VagueLexicon} from '../src/analysis/speakers/vague.js'
import type {Token} from '../src/analysis/speakers/tokens.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import lists from './data/vague-attribution.json' with {type: 'json'}

export interface Options {
  /** More words that name no one in particular (plural heads such as `officials`), in lower case (default: `[]`). */
  readonly sources: readonly string[]
}

/** Blocks whose credits are judged: not captions (a photo credit is no claim). */
const judgedKinds: ReadonlySet<string> = new Set(['body', 'list-item', 'title', 'heading'])

const words = (list: readonly string[]): ReadonlyArray<readonly string[]> => list.map((phrase) => phrase.split(' '))

/** The default word lists, read once. */
const defaultLexicon: VagueLexicon = {
  groups: new Set(lists.groups),
  singulars: new Set(lists.singulars),
  people: new Set(lists.people),
  someone: new Set(lists.someone),
  quantifiers: new Set(lists.quantifiers),
  determiners: new Set(lists.determiners),
  groupDeterminers: new Set(lists.groupDeterminers),
  qualifiers: words(lists.qualifiers),
  cues: new Set(lists.cues),
  invertedCues: new Set(lists.invertedCues),
  between: new Set(lists.between),
  progressive: new Set(lists.progressive),
  particles: lists.particles,
  requiredParticles: new Set(lists.requiredParticles),
  agentVerbs: new Set(lists.agentVerbs),
  causes: words(lists.causes),
  nounCues: new Set(lists.nounCues),
  nounLinks: new Set(lists.nounLinks),
  itPassiveCues: new Set(lists.itPassiveCues),
  toPassiveCues: new Set(lists.toPassiveCues),
  passiveBe: new Set(lists.passiveBe),
  passiveBetween: new Set(lists.passiveBetween),
  namedExamples: words(lists.namedExamples),
  namedLinks: new Set(lists.namedLinks)
}

export default defineRule<Options>(
  {
    id: 'vague-attribution',
    severity: 'warn',
    summary: 'a claim credited to no one in particular ("critics claim", "it is said", "sources say")',
    fixable: false,
    options: {
      sources: {kind: 'string[]', default: [], description: 'More words that name no one in particular'}
    }
  },
  (tree, file, options) => {
    // Without extra sources the default lists serve: no sets per article.
    const lexicon =
      options.sources.length > 0 ? {...defaultLexicon, groups: new Set([...lists.groups, ...options.sources.map((source) => source.toLowerCase())])} : defaultLexicon
    const analysis = analyse(tree, file)
    const value = String(file.value)
    for (const sentence of analysis.sentences) {
      if (!judgedKinds.has(sentence.block.kind)) continue
      const tokens = analysis.speakers.tokensOf(sentence)
      for (const credit of findVagueCredits(tokens, lexicon)) {
        const start = Math.min(tokens[credit.source[0]].start, tokens[credit.cue[0]].start)
        const end = Math.max(tokens[credit.source[1] - 1].end, tokens[credit.cue[1] - 1].end)
        // “"Some say, you know Trump is our man"”: a source inside a quotation is the speaker's own.
        if (analysis.quoteAt(start) !== undefined) continue
        const message = file.message(reasonOf(credit, tokens, value), {ancestors: [tree, sentence.block.node, sentence.node], place: placeOf(file, start, end)})
        message.note = 'A claim credited to “critics” or to no one cannot be checked: name the source, or say why it is anonymous.'
      }
    }
  }
)

function reasonOf(credit: VagueCredit, tokens: readonly Token[], value: string): string {
  const text = ([from, to]: readonly [number, number]) => value.slice(tokens[from].start, tokens[to - 1].end)
  if (credit.form === 'passive') return `Unexpected impersonal \`${text(credit.cue)}\`, name who says so`
  return `Unexpected vague source \`${text(credit.source)}\` (\`${text(credit.cue)}\`), name who says so`
}
