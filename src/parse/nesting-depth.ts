/**
 * How deeply an article's markup nests, read from the source before it is
 * parsed: the parsers and the tree walks after them recurse once per level,
 * so 10,000 `>` in Markdown or 2,000 nested `<div>` in HTML overflowed the
 * stack (at a depth that differs between the main thread and a worker, whose
 * stack is larger). A run refuses a file deeper than its limit (see
 * lint.ts) before any recursion starts.
 *
 * The count follows what the parsers build closely enough for a limit that
 * real articles never come near (their nesting is under 20): Markdown's
 * container prefixes on each line (`>`, list markers, indentation), HTML's
 * open elements (void and self-closed elements open nothing; a `<p>` or `<li>`
 * closes the open one of its name, as parse5 does; a closing tag closes up to
 * its element). Plain text does not nest.
 */
import type {ArticleType} from './article-type.js'

/** The deepest nesting of `value`, or a depth past `limit` as soon as one is found (the count then stops). */
export function nestingDepth(value: string, type: ArticleType, limit = Infinity): number {
  if (type === 'markdown') return markdownDepth(value, limit)
  if (type === 'html') return htmlDepth(value, limit)
  return 0
}

// "> > - 1. quote in a list": a line's container prefix; not "-1 degrees" or "3.5%".
const containerPrefix = /^[ \t]*(?:(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*)+/
const marker = />|[-*+]|\d{1,9}[.)]/g

function markdownDepth(value: string, limit: number): number {
  let deepest = 0
  let start = 0
  while (start <= value.length) {
    let end = value.indexOf('\n', start)
    if (end === -1) end = value.length
    const prefix = containerPrefix.exec(value.slice(start, Math.min(end, start + 100_000)))
    if (prefix) {
      // Two columns of indentation per list level, as nested lists are written.
      const indent = prefix[0].length - prefix[0].trimStart().length
      const depth = (prefix[0].match(marker)?.length ?? 0) + Math.floor(indent / 2)
      if (depth > deepest) deepest = depth
      if (deepest > limit) break
    }
    start = end + 1
  }
  return deepest
}

/** Elements that have no content and no end tag. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** Elements a new one of the same name closes (`<li>a<li>b`: siblings, not nested). */
const selfClosing = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp'])
/** Elements whose content is text up to their end tag. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])
// "<div class=a>", "</p>", "<br/>", "<!-- note -->"; not "a < b".
const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g

function htmlDepth(value: string, limit: number): number {
  let lower: string | undefined
  const open: string[] = []
  let deepest = 0
  tag.lastIndex = 0
  for (let match = tag.exec(value); match; match = tag.exec(value)) {
    const [, closing, rawName, selfClosed] = match
    if (rawName === undefined) continue
    const name = rawName.toLowerCase()
    if (closing) {
      const index = open.lastIndexOf(name)
      if (index !== -1) open.length = index
      continue
    }
    if (voidElements.has(name) || selfClosed) continue
    if (selfClosing.has(name) && open[open.length - 1] === name) open.pop()
    open.push(name)
    if (open.length > deepest) deepest = open.length
    // Past the limit, stop: closing tags search the open elements, so a count to the end could take long.
    if (deepest > limit) break
    if (rawText.has(name)) {
      lower ??= value.toLowerCase()
      const end = lower.indexOf(`</${name}`, tag.lastIndex)
      open.pop()
      if (end === -1) break
      tag.lastIndex = end
    }
  }
  return deepest
}

// "\n\n" or "\n  \n": a blank line, where Markdown's inline content (and its emphasis) ends.
const blankLine = /\n[ \t]*\n/g

/**
 * The most runs of `*` or `_` in one Markdown block (text between blank
 * lines), or a count past `limit` as soon as one is found. micromark matches
 * each emphasis run against the runs before it in its block, so time grows
 * with the square of their number: `*a` repeated 2,500 times took 2.5 s to
 * parse, 5,000 times 7 s and 10,000 times 33 s. Real paragraphs hold a few.
 */
export function emphasisRuns(value: string, limit = Infinity): number {
  let most = 0
  let start = 0
  blankLine.lastIndex = 0
  for (;;) {
    const blank = blankLine.exec(value)
    const end = blank ? blank.index : value.length
    let runs = 0
    for (let index = start; index < end; index++) {
      const code = value.charCodeAt(index)
      // `*` or `_` that does not continue a run of the same character.
      if ((code === 42 || code === 95) && value.charCodeAt(index - 1) !== code) runs++
    }
    if (runs > most) most = runs
    if (!blank || most > limit) return most
    start = blank.index + blank[0].length
    blankLine.lastIndex = start
  }
}
