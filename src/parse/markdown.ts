/**
 * The Markdown step before remark-retext: record block hints (headings, list
 * items, image-only paragraphs as captions), record text nodes whose decoded
 * value drifts from the source, and turn autolinks into source so URLs are
 * not read as prose.
 */
import type {Image, ImageReference, Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {setBlockHints, type BlockHint} from './block-hints.js'
import {alignSegment, segmentsOf, wholeDocument} from './source-map.js'

/** Front matter is metadata, not the article (remark-frontmatter's node types). */
const frontMatter = new Set<string>(['yaml', 'toml'])

export function markdownStep() {
  return function (tree: Root, file: VFile): void {
    const doc = String(file.value)
    const hints: BlockHint[] = []
    const segments = segmentsOf(file)
    let seenBlock = false
    // An empty document parses to a root without a position, which the nlcst converters refuse.
    tree.position ??= wholeDocument(file)

    visit(tree, (node, index, parent) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return

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
