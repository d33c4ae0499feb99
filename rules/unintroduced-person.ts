/**
 * Flag a person first mentioned by surname alone (“Saeed heads …”, “the Dawn
 * quoted Pompeo as saying”), never introduced with a full name or a title
 * before.
 * Why: news style gives a person's full name and role at first reference, so
 * readers know who is speaking (AP, Reuters handbook).
 * An honorific alone (`Mr Hughes`) is not an introduction.
 * Limits: a full name or title in a headline or caption counts as the
 * introduction; only people the speaker model is sure of are judged, so a
 * person known by pronoun alone is not (person recall is too low to say no
 * one was named).
 */
import {analyse} from '../src/analysis/analysis.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {placeOf} from '../src/analysis/nlcst/offset-place.js'

export type Options = Record<string, never>

/** Titles that say how to address a person, not who they are. */
const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'])

/** Headlines name people by surname by design; they are not judged (but introduce). */
const headlineKinds = new Set(['title', 'heading'])

export default defineRule<Options>(
  {
    id: 'unintroduced-person',
    severity: 'warn',
    summary: 'a person first mentioned by surname or pronoun alone, never introduced with full name or role',
    fixable: false,
    options: {}
  },
  (tree, file) => {
    const analysis = analyse(tree, file)
    for (const person of analysis.people) {
      if (person.declared) continue
      // Precision first: only people the article never introduces at all. (A surname before a
      // later introduction is often the model linking an organisation to a person.) A full name or a
      // role introduces; an honorific alone (`Mr Hughes`) does not.
      if (person.mentions.some((mention) => mention.names.length >= 2 || mention.titles.some((title) => !honorifics.has(title)))) continue
      // Quoted speech names people as the speaker does (“Coach (Frank) Vogel came in”); not judged.
      const first = person.mentions.find((mention) => !headlineKinds.has(mention.block.kind) && !analysis.quoteAt(mention.start))
      if (!first) continue
      const place = placeOf(file, first.start, first.end)
      const message = file.message(
        `Unexpected \`${first.names.join(' ')}\` by surname alone, never introduced: give the person's full name and role at first mention`,
        {ancestors: [tree, first.block.node], place}
      )
      message.note = 'First reference gives the full name and, where it matters, the role: “Hafiz Saeed, the founder of …”.'
    }

  }
)
