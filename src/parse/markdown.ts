/**
 * The Markdown step before remark-retext: record block hints (headings, list
 * items, image-only paragraphs as captions), record text nodes whose decoded
 * value drifts from the source, and turn autolinks into source so URLs are
 * not read as prose. Text that GFM's autolink literals leave without a
 * position (`[http://e.com now`: the `[`, the link and ` now`) gets it back
 * where its text stands verbatim in the source.
 */
import type {Image, ImageReference, Nodes, Parent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {visit} from 'unist-util-visit'
import {setBlockHints, type BlockHint} from './block-hints.js'
import {addDirectives, directivesIn} from './directives.js'
import {alignSegment, segmentsOf, wholeDocument} from './source-map.js'

/** Front matter is metadata, not the article (remark-frontmatter's node types). */
const frontMatter = new Set<string>(['yaml', 'toml'])

export function markdownStep() {
  return function (tree: Root, file: VFile): void {
    const doc = String(file.value)
    const hints: BlockHint[] = []
    const segments = segmentsOf(file)
    const place = location(file)
    let seenBlock = false
    // An empty document parses to a root without a position, which the nlcst converters refuse.
    tree.position ??= wholeDocument(file)

    visit(tree, (node, index, parent) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      if ('children' in node) placeChildren(node, doc, place)

      if (node.type === 'heading') {
        hints.push({start, end, kind: seenBlock ? 'heading' : 'title'})
      } else if (node.type === 'listItem') {
        hints.push({start, end, kind: 'list-item'})
      } else if (node.type === 'paragraph' && isImageOnly(node.children)) {
        hints.push({start, end, kind: 'caption'})
      } else if (node.type === 'link' && isAutolink(node.url, toString(node)) && parent && index !== undefined) {
        // `<https://example.com>` and GFM's bare `www.example.com`: an address, not prose.
        parent.children[index] = {type: 'inlineCode', value: doc.slice(start, end), position: node.position}
        return 'skip'
      } else if (node.type === 'html' && node.value.includes('factcheck-')) {
        addDirectives(file, directivesIn(file, start, end))
      } else if (node.type === 'text') {
        const segment = alignSegment(start, node.value, doc.slice(start, end))
        if (segment) segments.push(segment)
      } else if (isImage(node) && node.alt) {
        // mdast-util-to-nlcst places alt text two characters in, after `![`.
        const segment = alignSegment(start + 2, node.alt, doc.slice(start + 2, end))
        if (segment) segments.push(segment)
      }

      if (parent?.type === 'root' && !frontMatter.has(node.type)) seenBlock = true
    })

    setBlockHints(file, hints)
  }
}

/**
 * Give children without a position the place where their text stands
 * verbatim, between their neighbours; a text that is not verbatim (`&#xD800;`
 * decoded) and is the last one before a placed neighbour or the parent's end
 * takes all that is left up to it.
 */
function placeChildren(parent: Parent, doc: string, place: ReturnType<typeof location>): void {
  if (parent.children.every((child) => child.position)) return
  let cursor = parent.position?.start.offset ?? 0
  for (const [index, child] of parent.children.entries()) {
    if (child.position?.end.offset !== undefined) {
      cursor = child.position.end.offset
      continue
    }
    const next = parent.children[index + 1]
    const limit = parent.children.slice(index + 1).find((later) => later.position)?.position?.start.offset ?? parent.position?.end.offset ?? doc.length
    const text = toString(child)
    const at = text ? doc.indexOf(text, cursor) : -1
    if (at !== -1 && at + text.length <= limit) {
      placeAt(child, at, at + text.length, place)
      cursor = at + text.length
    } else if (child.type === 'text' && (!next || next.position) && cursor <= limit) {
      placeAt(child, cursor, limit, place)
      cursor = limit
    } else {
      return
    }
  }
}

/** Place a node (and its lone text child, as in a link) at `[start, end)`. */
function placeAt(node: Nodes, start: number, end: number, place: ReturnType<typeof location>): void {
  const from = place.toPoint(start)
  const to = place.toPoint(end)
  if (!from || !to) return
  node.position = {start: from, end: to}
  if ('children' in node) for (const child of node.children) if (!child.position && toString(child) === toString(node)) placeAt(child, start, end, place)
}

function isImage(node: Nodes): node is Image | ImageReference {
  return node.type === 'image' || node.type === 'imageReference'
}

function isImageOnly(children: readonly Nodes[]): boolean {
  let images = 0
  for (const child of children) {
    if (isImage(child)) images++
    else if (child.type === 'break') continue
    else if (child.type === 'text' && child.value.trim() === '') continue
    else return false
  }
  return images > 0
}

function isAutolink(url: string, text: string): boolean {
  return text === url || 'mailto:' + text === url || 'http://' + text === url || 'https://' + text === url
}
