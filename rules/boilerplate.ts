/**
 * Flag site furniture that scraping left in an article: ad labels, share and
 * like bars, media-player and image furniture, photo credits, related-link
 * blocks, Daily Mail bylines, timestamps, syndication notices, newsletter
 * prompts, embed furniture. One message per furniture line, or per furniture
 * prefix or suffix of a line that also holds content; the fix deletes it.
 * Why: furniture is not the story. Published with the copy, "Read more at
 * DailyMail.co.uk" or "Image copyright Getty Images Image caption" reads as
 * part of the article and shows it was scraped.
 * How: phrases kept as data (rules/data/boilerplate.json), each matched where
 * such furniture sits (a whole line, the start of a short line without end
 * punctuation, the start of a sentence, a prefix up to a marker); shapes whose
 * words vary (src/nlcst/furniture.ts: credits closing a caption, counters,
 * bylines); and runs (headlines after "RELATED:", share-bar links next to
 * other furniture, section labels at the top or bottom).
 * Limits: a related headline with no furniture beside it, or a stray headline
 * at the top, reads as content; wire credits ("(Reporting by …)") are kept.
 */
import {nodeText} from '../src/parse/node-text.js'
import type {VFile} from 'vfile'
import {analyse, type Analysis, type Block, type FurnitureKind} from '../src/analysis/analysis.js'
import {evidenceText} from '../src/analysis/lines/classify.js'
import {defineRule} from '../src/rule-api/define-rule.js'
import {endsLikeSentence} from '../src/analysis/nlcst/blocks.js'
import * as shapes from '../src/analysis/nlcst/furniture.js'
import {pointInside} from '../src/analysis/nlcst/offset-place.js'
import {
  contentEnd, countWords, findFrom, isWord, PhraseTable, phraseItems, skipSpace, textOf, wordKey, type BlockToken
} from '../src/analysis/nlcst/phrase-match.js'
import lists from './data/boilerplate.json' with {type: 'json'}

export interface Options {
  /** Extra furniture phrases: a whole line, or the start of a short line (default: `[]`). */
  readonly phrases: readonly string[]
  /** Most words a line without end punctuation may have to read as a label (default: `12`). */
  readonly maxWords: number
}

/** Kinds of listed furniture, and how messages name them (“a read-more link”). */
export const kinds = lists.kinds
export type Kind = keyof typeof kinds

/** Headlines in a related-links run are at most this long. */
const maxHeadlineWords = 20
/** A notice takes the rest of its line when that rest is this short; else only its sentence. */
const maxNoticeTail = 40
/** Section labels count in the first and last few lines, where furniture clusters. */
const edgeLines = 3
/** Lines a related-links run may hold after its header. */
const maxRunLines = 8
// A headline starts with a capital or digit: "City councilman urges …"; not "-- Nicole Santa Cruz".
const headlineStart = /^[\p{Lu}\d]/u

interface Furniture {
  /** Token index of the first furniture token, and index past the last. */
  readonly from: number
  readonly to: number
  /** Characters into `tokens[from]` where the furniture starts (`it.Credit`). */
  readonly cut?: number
  readonly what: string
  /** The signal that matched, for the note. */
  readonly why: string
  readonly kind?: Kind
  /** The line classifier's probability, when it found this furniture rather than the lists. */
  readonly learned?: number
}

interface Line {
  readonly block: Block
  readonly tokens: readonly BlockToken[]
  /** Token index where each sentence starts. */
  readonly sentences: readonly number[]
  readonly first: number
  readonly end: number
  /** A label line: few words, no end punctuation. */
  readonly short: boolean
  found: Furniture[]
}

const kindTable = (entries: Record<string, string>) => new PhraseTable(Object.entries(entries) as Array<[string, Kind]>)
const tables = {
  lines: kindTable(lists.lines),
  labels: kindTable(lists.labels),
  datedLabels: kindTable(lists.datedLabels),
  notices: kindTable(lists.notices),
  prefixes: new PhraseTable(
    Object.entries(lists.prefixes).map(([phrase, {kind, until}]) => [phrase, {kind: kind as Kind, until: phraseItems(until)}] as const)
  )
}
const agencies = lists.credits.map((phrase) => phraseItems(phrase))
const isNetworkAt = (tokens: readonly BlockToken[], index: number) => tables.lines.at(tokens, index)?.value === 'share-link'

export default defineRule<Options>(
  {
    id: 'boilerplate',
    severity: 'warn',
    summary: 'site furniture that is not article content: "Read more at …", "Advertisement", share bars, image credits',
    fixable: true,
    options: {
      phrases: {kind: 'string[]', default: [], description: 'Extra furniture phrases: a whole line, or the start of a short line'},
      maxWords: {kind: 'integer', default: 12, min: 1, description: 'Most words a line without end punctuation may have to read as a label'}
    }
  },
  (tree, file, options) => {
    const custom = new PhraseTable(options.phrases.map((phrase) => [phrase.toLowerCase(), 'custom' as Kind] as const))
    const analysis = analyse(tree, file)
    const lines = analysis.blocks.map((block) => lineOf(block, options.maxWords))
      .filter((line) => line.end > line.first)
    for (const line of lines) line.found = findInLine(line, custom)
    resolveRuns(lines)
    learned(lines, analysis)
    const runs = runLengths(lines)
    lines.forEach((line, index) => {
      for (const furniture of line.found) report(file, line, furniture, runs[index])
    })
  }
)

function lineOf(block: Block, maxWords: number): Line {
  const {tokens, sentenceStarts: sentences} = block
  const short = countWords(tokens) <= maxWords && !endsLikeSentence(tokens)
  return {block, tokens, sentences, first: skipSpace(tokens, 0), end: contentEnd(tokens, tokens.length), short, found: []}
}

/** Furniture in one line: the whole of it, or its prefix, notices and credits (touching pieces join). */
function findInLine(line: Line, custom: PhraseTable<Kind>): Furniture[] {
  const whole = wholeLine(line, custom)
  if (whole) return [whole]
  const found: Furniture[] = []
  for (const item of [...prefix(line), ...notices(line), ...credits(line)].sort((a, b) => a.from - b.from)) {
    const before = found.at(-1)
    if (before && item.from < before.to) continue
    // “By . … 15:53 EST, 10 February 2014 . Scroll down for video .”: one stretch of furniture.
    if (before && skipSpace(line.tokens, before.to) === item.from) {
      found[found.length - 1] = {...before, to: item.to, what: `${before.what} and ${item.what}`, why: `${before.why}, and ${item.why}`}
    } else {
      found.push(item)
    }
  }
  return found
}

function wholeLine(line: Line, custom: PhraseTable<Kind>): Furniture | undefined {
  const {tokens, first, end} = line
  const exact = tables.lines.at(tokens, first) ?? custom.at(tokens, first)
  if (exact && countWords(tokens, exact.end) === 0) return whole(line, exact.value, `the line is \`${exact.phrase}\``)
  const pipe = shapes.sectionPipe(tokens, first, end)
  if (pipe !== undefined && isHeadline(line)) {
    const section = textOf(tokens, pipe, end)
    return {from: first, to: end, what: `a page title tagged \`${section}\``, why: `a headline ends in the section tag \`${section}\``}
  }
  if (!line.short) return undefined

  const label = tables.labels.at(tokens, first) ?? custom.at(tokens, first)
  if (label) return whole(line, label.value, `a short line opens with \`${label.phrase}\``)
  const dated = tables.datedLabels.at(tokens, first)
  if (dated && shapes.hasDateWord(tokens, dated.end)) {
    return whole(line, dated.value, `a short line opens with \`${dated.phrase}\` and a date`)
  }
  const counter = shapes.counterEnd(tokens, first)
  if (counter && countWords(tokens, counter.end) <= 2) {
    return whole(line, 'gallery', 'a short line opens with an image counter', 'a slideshow counter')
  }
  const shares = shapes.shareCountEnd(tokens, first)
  if (shares && countWords(tokens, shares) <= 2) return whole(line, 'share', 'a short line opens with a share count', 'a share counter')
  // “Getty Images”, and “Jim Cole/AP Jim Cole/AP”, the credit an image toggle prints twice.
  const twice = shapes.doubledRun(tokens, first)
  const credit = twice?.end === end ? contentEnd(tokens, twice.middle) : end
  if (countWords(tokens, first, credit) <= 6 && shapes.isAgencyCredit(tokens, first, credit, agencies)) {
    return whole(line, 'credit', 'the line is a photo agency credit')
  }
  return undefined
}

function whole(line: Line, kind: Kind, why: string, what: string = kinds[kind]): Furniture {
  return {from: line.first, to: line.end, what, why, kind}
}

/** A listed prefix up to its marker (“Image copyright … Image caption”), a Daily Mail byline, a counter. */
function prefix(line: Line): Furniture[] {
  const {tokens, first, end} = line
  const opening = tables.prefixes.at(tokens, first)
  if (opening) {
    const marker = findFrom(tokens, first, opening.value.until)
    const markerEnd = marker?.end ?? opening.end
    // “… toggle caption Jim Cole/AP Jim Cole/AP”: the credit printed twice belongs to the furniture.
    const to = !marker && line.short ? end : (shapes.doubledRun(tokens, skipSpace(tokens, markerEnd))?.end ?? markerEnd)
    const {kind} = opening.value
    return [{from: first, to, what: kinds[kind], why: `the line opens with \`${opening.phrase}\``, kind}]
  }
  const byline = shapes.bylineEnd(tokens, line.sentences)
  if (byline !== undefined) {
    return [{from: first, to: byline, what: 'a byline and timestamp', why: 'the line opens with `By .` and a PUBLISHED or UPDATED stamp'}]
  }
  const counter = shapes.counterEnd(tokens, first)
  const why = 'the line opens with a counter like `1 of 6.`'
  return counter?.dotted ? [{from: first, to: counter.end, what: 'a slideshow counter', why}] : []
}

/**
 * Notices and follow prompts, each from the sentence it opens. One that opens
 * the line takes the rest of it when that rest is short (“… Read the original
 * article.”); one inside a line (“Scroll down for video .”) takes its sentence.
 */
function notices(line: Line): Furniture[] {
  const {tokens, sentences} = line
  const found: Furniture[] = []
  for (let index = 0; index < sentences.length; index++) {
    const from = skipSpace(tokens, sentences[index])
    const listed = tables.notices.at(tokens, from) ?? copyrightAt(tokens, from)
    if (!listed && !shapes.isFollowPrompt(tokens, from, isNetworkAt)) continue
    const own = contentEnd(tokens, sentences[index + 1] ?? tokens.length)
    const to = from === line.first && countWords(tokens, own) <= maxNoticeTail ? line.end : own
    const [what, why] = listed
      ? [kinds[listed.value], `a sentence opens with \`${listed.phrase}\``]
      : [kinds.follow, 'a sentence opens with `Follow` and names a social network']
    found.push({from, to, what, why})
    if (to === line.end) break
  }
  return found
}

/** “Copyright 2019 The Associated Press.”: the listed stamp and a year; not “Copyright laws …”. */
function copyrightAt(tokens: readonly BlockToken[], from: number) {
  const stamp = tables.datedLabels.at(tokens, from)
  return stamp?.value === 'copyright' && shapes.isYearAt(tokens, skipSpace(tokens, stamp.end)) ? stamp : undefined
}

/** A credit closing the line (labelled, or an agency after the caption), a photo credit in brackets, a tweet's `Report`. */
function credits(line: Line): Furniture[] {
  const {tokens, sentences, end} = line
  const found: Furniture[] = []
  const labelled = shapes.labelledCredit(tokens, line.first, end)
  const tail = sentences.length > 1 ? skipSpace(tokens, sentences[sentences.length - 1]) : end
  if (labelled) {
    const cut = labelled.cut ? {cut: labelled.cut} : {}
    found.push({from: labelled.from, to: end, ...cut, what: kinds.credit, why: 'a credit label and a name close the line'})
  } else if (tail < end && shapes.isAgencyCredit(tokens, tail, end, agencies)) {
    found.push({from: tail, to: end, what: 'a photo credit after the caption', why: 'a photo agency closes the caption'})
  }
  const group = shapes.photoCreditGroup(tokens)
  if (group) found.push({...group, what: kinds.credit, why: 'a bracket opens with a photo credit'})
  const report = shapes.tweetReportWord(tokens, end - 1)
  if (report !== undefined) found.push({from: report, to: report + 1, what: kinds.embed, why: 'a tweet date is followed by `Report`'})
  return found
}

/** Runs: share-bar links and section labels need company; related headlines follow their header. */
function resolveRuns(lines: Line[]): void {
  const kindAt = (index: number) => lines[index]?.found[0]?.kind
  const isShare = (index: number) => kindAt(index) === 'share' || kindAt(index) === 'share-link'
  const hasFurniture = (index: number) => (lines[index]?.found.length ?? 0) > 0

  // “Twitter / Mix / Flipboard”: a word between two share-bar links is one too.
  lines.forEach((line, index) => {
    if (line.found.length === 0 && line.short && countWords(line.tokens) <= 2 && isShare(index - 1) && isShare(index + 1)) {
      line.found = [whole(line, 'share-link', 'a short line sits between share-bar links', 'a share-bar item between share links')]
    }
  })
  const alone = lines.map((_, index) => {
    const near = hasFurniture(index - 1) || hasFurniture(index + 1)
    const atEdge = index < edgeLines || index >= lines.length - edgeLines
    return kindAt(index) === 'share-link' ? !near : kindAt(index) === 'section' && !near && !atEdge
  })
  lines.forEach((line, index) => {
    if (alone[index]) line.found = []
  })

  lines.forEach((line, index) => {
    const label = () => shorten(textOf(line.tokens, line.first, line.end), 24)
    if (kindAt(index) === 'related-header') {
      for (let next = index + 1; next < lines.length && next <= index + maxRunLines; next++) {
        const {found} = lines[next]
        if (found.length === 1 && found[0].from === lines[next].first && found[0].to === lines[next].end) continue
        if (found.length > 0 || !isHeadline(lines[next])) break
        lines[next].found = [whole(lines[next], 'related', `a headline follows \`${label()}\``, `a related headline under \`${label()}\``)]
      }
    }
    const above = lines[index - 1]
    if (kindAt(index) === 'related-label' && index > 1 && above.found.length === 0 && isHeadline(above)) {
      above.found = [whole(above, 'related', `a headline sits above \`${label()}\``, `a related headline above \`${label()}\``)]
    }
  })
}

/** How messages name the kinds of furniture the line classifier tells apart. */
const learnedKinds: Readonly<Record<FurnitureKind, string>> = {
  credit: 'a photo credit',
  navigation: 'navigation',
  related: 'a related-article headline',
  prompt: 'a reader prompt',
  timestamp: 'a timestamp',
  comment: 'reader-comment furniture',
  author: 'an author box',
  notice: 'a site notice',
  gallery: 'gallery furniture',
  ad: 'an ad label'
}
/** The classifier's probability from which its furniture gets a fix (`--fix` deletes it). */
const sureFix = 0.97

/** Furniture lines in a row from which the classifier's less confident readings count. */
const minLearnedRun = 4

/**
 * Lines the lists left alone that the line classifier reads as furniture
 * (src/analysis/lines/): those it is sure of, and those in a run of at least
 * `minLearnedRun` furniture lines (a menu, a teaser block). A lone short line
 * it is less sure of (a fixture, a date under a headline), and the first line
 * (the headline), are left alone: in clean copy such lines are structure.
 */
function learned(lines: Line[], analysis: Analysis): void {
  const readings = lines.map((line) => (line.found.length > 0 ? undefined : analysis.lineOf(line.block)))
  // The first line is the headline unless the lists or a sure reading say otherwise.
  const sure = (index: number) => readings[index]?.class === 'furniture' && readings[index]!.furniture >= sureFix
  const candidate = lines.map((line, index) => line.found.length > 0 || (index === 0 ? sure(index) : readings[index]?.class === 'furniture'))
  const runs = new Array<number>(lines.length).fill(0)
  for (let index = 0; index < lines.length; ) {
    let end = index
    while (end < lines.length && candidate[end]) end++
    for (let inside = index; inside < end; inside++) runs[inside] = end - index
    index = end === index ? index + 1 : end
  }
  lines.forEach((line, index) => {
    const reading = readings[index]
    if (!reading || !candidate[index] || (!sure(index) && runs[index] < minLearnedRun)) return
    const what = reading.kind ? learnedKinds[reading.kind] : 'site furniture'
    const chance = Math.floor(reading.furniture * 100)
    const why = `the line classifier reads it as ${what} (${chance}%), from ${evidenceText(reading)}`
    line.found = [{from: line.first, to: line.end, what, why, learned: reading.furniture}]
  })
}

/** For each line wholly furniture: how many such lines stand together with it; else 0. */
function runLengths(lines: readonly Line[]): number[] {
  const wholly = lines.map((line) => line.found.length === 1 && line.found[0].from === line.first && line.found[0].to === line.end)
  const runs = new Array<number>(lines.length).fill(0)
  for (let index = 0; index < lines.length; ) {
    let end = index
    while (end < lines.length && wholly[end]) end++
    for (let inside = index; inside < end; inside++) runs[inside] = end - index
    index = end === index ? index + 1 : end
  }
  return runs
}

/** A line that reads like a linked headline: capitalised, a few words, no end punctuation. */
function isHeadline(line: Line): boolean {
  const words = countWords(line.tokens)
  const start = line.tokens[line.first]
  if (endsLikeSentence(line.tokens) || words < 2 || words > maxHeadlineWords || !isWord(start)) return false
  return wordKey(start) !== 'by' && headlineStart.test(nodeText(start))
}

function report(file: VFile, line: Line, furniture: Furniture, run: number): void {
  const first = line.tokens[furniture.from]
  const last = line.tokens[furniture.to - 1]
  /* v8 ignore next -- @preserve tokens of the analysis always have positions */
  if (!first?.position || !last?.position) return
  const start = furniture.cut ? pointInside(file, first.position, nodeText(first), furniture.cut) : first.position.start
  // Furniture glued into a word that markup splits (“*it*.Credit”): start at the next token, keep the word.
  if (!start) return report(file, line, {...furniture, from: furniture.from + 1, cut: 0}, run)
  const text = String(file.value).slice(start.offset, last.position.end.offset).replace(/\s+/g, ' ')
  const message = file.message(`Unexpected site furniture \`${shorten(text, 56)}\`: ${furniture.what}, remove it`, {
    ancestors: [line.block.node],
    place: {start, end: last.position.end}
  })
  const together = run > 1 ? ` It is one of ${run} furniture lines in a row.` : ''
  message.note = `Matched because ${furniture.why}.${together}`
  // The lists are sure; the classifier only where it is confident.
  if (furniture.learned === undefined || furniture.learned >= sureFix) message.expected = ['']
}

function shorten(text: string, length: number): string {
  return text.length > length ? text.slice(0, length - 3) + '…' : text
}
