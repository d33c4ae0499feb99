/**
 * The HTML step before rehype-retext: record block hints (headings, list
 * items, figure captions), record text nodes whose decoded value drifts from
 * the source (`&amp;`), and mark elements that hold no prose so
 * hast-util-to-nlcst skips them (it already skips script, style, svg, math).
 * Every node's line and column are taken afresh from its offset: parse5
 * counts a line break after a bare `&` twice (`Tom &\nJerry` ends on line 3
 * of a two-line text), its offsets are right, and hast-util-to-nlcst places
 * tokens by line and column.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {setBlockHints, type BlockHint, type BlockKind} from './block-hints.js'
import {addDirectives, directivesIn} from './directives.js'
import {alignSegment, segmentsOf, wholeDocument} from './source-map.js'

/** Elements whose text is not article prose. */
const skippedElements = new Set(['head', 'pre', 'template', 'noscript', 'textarea', 'select', 'button'])

const hintedElements: Readonly<Record<string, BlockKind>> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'list-item',
  dt: 'list-item',
  figcaption: 'caption',
  caption: 'caption'
}

export function htmlStep() {
  return function (tree: Root, file: VFile): void {
    const doc = String(file.value)
    const hints: BlockHint[] = []
    const segments = segmentsOf(file)
    const place = location(file)
    let titled = false
    // An empty document parses to a root without a position, which the nlcst converters refuse.
    tree.position ??= wholeDocument(file)

    visit(tree, (node) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      const from = place.toPoint(start)
      const to = place.toPoint(end)
      if (!from || !to) {
        delete node.position
        return
      }
      node.position = {start: from, end: to}

      if (node.type === 'element') {
        if (skippedElements.has(node.tagName)) {
          markIgnored(node)
          return 'skip'
        }
        let kind = hintedElements[node.tagName]
        if (kind === 'heading' && !titled) {
          kind = 'title'
          titled = true
        }
        if (kind) hints.push({start, end, kind})
      } else if (node.type === 'comment' && node.value.includes('factcheck-')) {
        addDirectives(file, directivesIn(file, start, end))
      } else if (node.type === 'text') {
        const segment = alignSegment(start, node.value, doc.slice(start, end))
        if (segment) segments.push(segment)
      }
    })

    setBlockHints(file, hints)
  }
}

/** hast-util-to-nlcst honours `data-nlcst="ignore"`. */
function markIgnored(node: Element): void {
  node.properties.dataNlcst = 'ignore'
}
