/**
 * Flag a claim credited to no one in particular: `critics claim`, `experts
 * believe`, `sources say`, `some say`, `it is said`, `it is believed`.
 * Why: an anonymous or collective source cannot be checked; style books ask
 * for a named source or a reason for anonymity (AP: “anonymous sources”).
 * Limits: `officials` and `analysts` are left alone (they are identifiable
 * in context in most copy); a passive is flagged only with `it` as subject.
 */
import {analyse} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {placeOf} from '../src/analysis/nlcst/offset-place.js'
import vagueSources from './data/vague-attribution.json' with {type: 'json'}

const determiners = new Set(['some', 'many', 'the', 'a', 'most', 'several', 'other'])

export interface Options {
  /** More words that name no one in particular, in lower case (default: `[]`). */
  readonly sources: readonly string[]
}

/** The default vague sources, as a set. */
const defaultVague: ReadonlySet<string> = new Set(vagueSources)

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
    // Without extra sources the default set serves: no Set per article.
    const vague = options.sources.length > 0 ? new Set([...vagueSources, ...options.sources.map((source) => source.toLowerCase())]) : defaultVague
    for (const attribution of analyse(tree, file).attributions) {
      const {tokens, cue} = attribution
      let evidence: string | undefined
      if (cue.form === 'passive') {
        // “it is said”, “It was believed”: no one at all.
        if (tokens[cue.phrase[0]]?.lower === 'it') evidence = String(file.value).slice(attribution.start, attribution.end)
      } else {
        // “critics”, “some critics”, “many people”, “sources close to the talks”: the first word that
        // is not a determiner names no one (a bare “some” or “many” names no one either).
        const words = tokens.slice(cue.speaker[0], cue.speaker[1]).filter((token) => token.kind === 'word')
        const head = words.find((token) => !determiners.has(token.lower)) ?? words[0]
        if (head && vague.has(head.lower) && words.length <= 6) evidence = attribution.speakerText
      }
      if (!evidence) continue
      const place = placeOf(file, attribution.start, attribution.end)
      const message = file.message(`Unexpected vague source \`${evidence}\`, name who says so`, {
        ancestors: [tree, attribution.sentence.block.node],
        place
      })
      message.note = 'A claim credited to “critics” or to no one cannot be checked: name the source, or say why it is anonymous.'
    }
  }
)
