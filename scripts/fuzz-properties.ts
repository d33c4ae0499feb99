/**
 * The properties `npm run fuzz` checks (and `tests/fuzz.test.ts`, with few
 * runs), over generated plain-text, Markdown and HTML articles built from the
 * pieces real articles and scraping leave: sentences, quotes, attributions,
 * figures, furniture, `&` and character references, CR and CRLF line ends,
 * lists, emphasis, links, repeated paragraphs and words, odd Unicode.
 *
 * For every article, with every rule at its default severity:
 * - linting never throws, and no rule fails (`internal-error`);
 * - every place is inside the text, starts before it ends, has the line and
 *   column of its offsets, and its `actual` is the text there; no reason
 *   quotes empty evidence (`` Unexpected figure `` ``);
 * - the sure fixes of one pass change only the flagged spans (and the white
 *   space a deletion takes with it);
 * - `--fix` settles: fixing what `--fix` left changes nothing (textlint's
 *   idempotence), and never makes the text longer than a space per fix.
 */
import fc from 'fast-check'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import type {Point} from 'unist'
import {resolveConfig} from '../src/config/resolve-config.js'
import {applyEdits, editsOf} from '../src/run/fix.js'
import {lintArticle} from '../src/run/lint.js'
import {loadParser} from '../src/run/processor.js'
import type {ArticleType} from '../src/parse/article-type.js'

export interface Article {
  readonly type: ArticleType
  readonly value: string
}

const defaults = resolveConfig({path: undefined, data: {rules: {}, people: {}, ignore: []}}, {})
const fileNames: Readonly<Record<ArticleType, string>> = {text: 'fuzz.txt', markdown: 'fuzz.md', html: 'fuzz.html'}

/** Load the Markdown and HTML parsers (once, before the first check). */
export async function loadParsers(): Promise<void> {
  await loadParser('markdown')
  await loadParser('html')
}

export function lintValue(type: ArticleType, value: string): readonly VFileMessage[] {
  const name = fileNames[type]
  return lintArticle(name, name, {kind: 'text', value, bom: false}, defaults).messages
}

const sentences = [
  'The minister said the plan would cut costs for thousands of families across the country.',
  'US Defence Secretary Jim Mattis arrived in Islamabad on Monday.',
  '“We will not back down,” Mattis said.',
  '"Pakistan must redouble its efforts," he said.',
  'He quoted Pompeo as saying the talks were over.',
  'Critics claim the scheme is unfair.',
  'The report found 164 people had died and $10 million was spent.',
  'Costs rose to 50 percent of the total budget this year.',
  'Sources say the deal is close.',
  'Read more at DailyMail.co.uk',
  'Advertisement',
  'Image copyright Reuters',
  'paying subscribers.The report was published on Tuesday.',
  'Media captionJulian Assange spoke from the embassy.',
  'The the minister said the the plan would work.',
  'Jim Mattis in Islamabad on Monday.',
  'It was, she said, a “very very” difficult year.',
  'Smith told reporters the figure was 3.5m.',
  'He said: ‘It’s over.’',
  'Mr. Jones’ car was found near the river.',
  'Share this with Email Facebook Twitter',
  'Trump’s team met Kim Jong-un’s aides in Hanoi.',
  'One two three.',
  'the the the the the the the the.',
  'Officials said 1,200 homes were damaged.'
]

/** Words and marks dropped into sentences: entities, a bare `&`, odd Unicode. */
const oddities = [
  '&', '& ', '&amp;', '&#8217;', '&#0;', '&#xD800;', '&#128;', '&#x1F600;', '&nbsp;', '&bogus;', '&amp', '&#38',
  '😀', '👩‍👩‍👧', 'e\u0301', '\u200B', '\u200D', '\u00A0', '\u2028', '\u202E', '\uFFFD', '\uFEFF', 'ﬁ', 'İ', 'ß', '\t',
  '“', '”', '‘', '’', '"', "'", '—', '…', '\\*', '*', '_', '`', '<', '>', '[', ']', '(', ')', '#', '|', '~'
]

const word = fc.constantFrom(...sentences.flatMap((sentence) => sentence.split(' ')))

/** A sentence: a real one, perhaps with a word repeated, an oddity dropped in, or cut short. */
const sentence: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...sentences)},
  fc.tuple(fc.constantFrom(...sentences), fc.nat(), fc.constantFrom(...oddities)).map(([text, at, odd]) => {
    const cut = at % (text.length + 1)
    return text.slice(0, cut) + odd + text.slice(cut)
  }),
  fc.tuple(fc.constantFrom(...sentences), fc.nat()).map(([text, at]) => {
    const words = text.split(' ')
    const index = at % words.length
    return [...words.slice(0, index + 1), ...words.slice(index)].join(' ')
  }),
  fc.array(fc.oneof(word, fc.constantFrom(...oddities)), {minLength: 1, maxLength: 12}).map((parts) => parts.join(' ')),
  fc.string({maxLength: 20})
)

const paragraph = fc.array(sentence, {minLength: 1, maxLength: 4}).map((parts) => parts.join(' '))

/** Paragraphs, some of them copies of earlier ones (the defect `repeated-paragraph` finds). */
const paragraphs = fc
  .tuple(fc.array(paragraph, {minLength: 1, maxLength: 8}), fc.array(fc.nat(), {maxLength: 4}))
  .map(([list, copies]) => {
    const result = [...list]
    for (const copy of copies) result.splice(copy % (result.length + 1), 0, list[copy % list.length])
    return result
  })

const lineEnd = fc.constantFrom('\n', '\n', '\r\n', '\r')

/** Markdown dress for one paragraph. */
const markdownBlock = fc.tuple(paragraph, fc.constantFrom('', '', '- ', '* ', '1. ', '# ', '## ', '> ', '    ', '![', '[')).map(([text, prefix]) => {
  if (prefix === '![') return `![${text}](photo.jpg)`
  if (prefix === '[') return `[${text}](https://example.com/story)`
  return prefix + text
})

const markdownInline = fc.constantFrom('*', '**', '_', '`', '<https://e.com>', 'www.example.com', '[http://e.', '![t]()', '  ')

const htmlTag = fc.constantFrom('p', 'p', 'li', 'h2', 'figcaption', 'blockquote', 'div', 'td', 'pre', 'script')

export const article: fc.Arbitrary<Article> = fc.oneof(
  fc.tuple(paragraphs, lineEnd, fc.boolean()).map(([list, end, blank]) => ({type: 'text' as const, value: list.join(blank ? end + end : end) + end})),
  fc
    .tuple(fc.array(markdownBlock, {minLength: 1, maxLength: 8}), fc.array(fc.tuple(fc.nat(), markdownInline), {maxLength: 4}), paragraphs, lineEnd)
    .map(([blocks, inlines, copies, end]) => {
      let value = [...blocks, ...copies.slice(0, 2)].join(end + end) + end
      for (const [at, mark] of inlines) {
        const cut = at % (value.length + 1)
        value = value.slice(0, cut) + mark + value.slice(cut)
      }
      return {type: 'markdown' as const, value}
    }),
  fc
    .tuple(fc.array(fc.tuple(htmlTag, paragraph), {minLength: 1, maxLength: 8}), paragraphs, lineEnd, fc.constantFrom('', '<em>', '<b>', '<br>', '<a href="x">'))
    .map(([blocks, copies, end, inline]) => {
      const body = [...blocks, ...copies.slice(0, 2).map((text) => ['p', text] as const)]
        .map(([tag, text]) => `<${tag}>${inline ? text.replace(' ', ' ' + inline) : text}</${tag}>`)
        .join(end)
      return {type: 'html' as const, value: body + end}
    }),
  fc.tuple(fc.constantFrom<ArticleType>('text', 'markdown', 'html'), fc.string({unit: 'binary', maxLength: 300})).map(([type, value]) => ({type, value}))
)

/** Check every property on one article; throws an `Error` naming the one that failed. */
export function checkArticle({type, value}: Article): void {
  const messages = lintValue(type, value)
  const place = location(value)
  for (const message of messages) {
    if (message.ruleId === 'internal-error') throw new Error(`internal-error: ${message.reason}`)
    checkPlace(message, value, place)
  }

  // One pass: only the flagged spans change, with the white space and markup a deletion takes along.
  for (const edit of editsOf(value, messages)) {
    const flagged = messages.some((message) => {
      const at = message.place
      if (!at || !('start' in at) || message.expected?.length !== 1) return false
      const start = at.start.offset ?? -1
      const end = at.end.offset ?? -1
      return edit.start <= start && end <= edit.end && isSlack(value.slice(edit.start, start)) && isSlack(value.slice(end, edit.end))
    })
    if (!flagged) throw new Error(`edit ${JSON.stringify(edit)} of ${JSON.stringify(value.slice(edit.start, edit.end))} is not a flagged span`)
  }
  applyEdits(value, editsOf(value, messages))

  // Idempotence: what `--fix` leaves (ten passes at most), `--fix` leaves alone.
  let current = value
  let latest = messages
  for (let pass = 0; pass < fixPasses; pass++) {
    const edits = editsOf(current, latest)
    if (edits.length === 0) break
    current = applyEdits(current, edits)
    latest = lintValue(type, current)
  }
  const left = editsOf(current, latest)
  if (left.length > 0) throw new Error(`--fix left ${JSON.stringify(current)} with fixes still to make: ${JSON.stringify(left)}`)
  if (current.length > value.length * 2 + 16) throw new Error(`--fix grew the text from ${value.length} to ${current.length}`)
}

/** As many passes as `fixUntilStable` makes. */
const fixPasses = 10

// What a deletion may take beside its span: white space, the tags of the element it fills, list,
// heading and quote marks (`\n<p>`, `</p>`, `- `, `## `, `> `); not words.
const slack = /^(?:\s|<\/?[a-z][a-z\d]*(?:\s[^<>]*)?>|[-*+•>#]|\d{1,9}[.)])*$/i

function isSlack(text: string): boolean {
  return slack.test(text)
}

function checkPlace(message: VFileMessage, value: string, place: ReturnType<typeof location>): void {
  const at = message.place
  if (!at || !('start' in at)) return
  const describe = `${message.ruleId} ${JSON.stringify(at)}`
  const start = at.start.offset
  const end = at.end.offset
  if (start === undefined || end === undefined) throw new Error(`place without offsets: ${describe}`)
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= value.length)) {
    throw new Error(`place outside the text or ending before it starts: ${describe}`)
  }
  if (!samePoint(place.toPoint(start), at.start) || !samePoint(place.toPoint(end), at.end)) {
    throw new Error(`line and column are not those of the offsets: ${describe}`)
  }
  // `Unexpected figure `` with no source`: empty evidence (unless the text quoted holds backticks itself).
  if (message.reason.includes(' `` ') && !message.actual?.includes('`')) throw new Error(`a reason quoting nothing: ${describe}: ${message.reason}`)
  if (message.actual !== value.slice(start, end)) throw new Error(`actual ${JSON.stringify(message.actual)} is not the text at ${describe}`)
  if (message.expected?.length === 1 && start === end && message.expected[0] === '') throw new Error(`an empty deletion: ${describe}`)
}

function samePoint(a: Point | undefined, b: Point): boolean {
  return a !== undefined && a.line === b.line && a.column === b.column
}

export interface FuzzOptions {
  readonly runs: number
  readonly seed: number
  /** An article slower than this is a failure (a hang, or a quadratic path). */
  readonly slowMs?: number
  /** Called after each article checked (a count for progress). */
  readonly onChecked?: (type: ArticleType) => void
}

/** Run the properties over `runs` articles from `seed`; fast-check's report. */
export function fuzz(options: FuzzOptions): fc.RunDetails<[Article]> {
  const slowMs = options.slowMs ?? 60_000
  return fc.check(
    fc.property(article, (input) => {
      const began = performance.now()
      checkArticle(input)
      const took = performance.now() - began
      if (took > slowMs) throw new Error(`took ${Math.round(took)} ms (over ${slowMs} ms)`)
      options.onChecked?.(input.type)
    }),
    {numRuns: options.runs, seed: options.seed}
  )
}
