/**
 * Turn a long Markdown tree into nlcst in pieces. mdast-util-to-nlcst hands
 * the whole document to parse-english as one sentence, and parse-latin's
 * sentence plugins splice that one huge array, so the conversion is quadratic
 * (measured here: 5 MB of Markdown took 97 s). The mdast is parsed whole —
 * link definitions, lists and fences stay as one parse sees them — and only
 * the root's children are converted in runs, cut between blocks on different
 * lines. Each run but the first starts with a marker at the previous run's
 * last block, so the converter emits the same blank-line white space it puts
 * between those blocks in one conversion, at the start of the run (see
 * `endsProse` in text-chunks.ts); the joined tree is that of one conversion,
 * positions included.
 */
import type {Nodes, Root as MdastRoot, RootContent as MdastContent} from 'mdast'
import type {Root, RootContent} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import remarkRetext from 'remark-retext'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {chunkSize, endsProse, startsProse} from './text-chunks.js'

/** A node type no mdast has, ignored by the converter: it marks where the previous run ends. */
const runEnd = 'factcheckRunEnd'

export interface MarkdownToNlcstOptions {
  /** mdast node types that are not prose. */
  readonly ignore: readonly string[]
  /** Runs are at least this long, in UTF-16 code units, before a cut is sought. */
  readonly size?: number
}

type Convert = (tree: MdastRoot, file: VFile) => Root

/** remark-retext's mutate mode (parser in, nlcst tree out), converting long documents in runs. */
export function markdownToNlcst(parser: ParseEnglish, options: MarkdownToNlcstOptions) {
  const convert = remarkRetext(parser, {ignore: [...options.ignore, runEnd]}) as unknown as Convert
  const size = options.size ?? chunkSize
  const ignore = new Set([...convertersIgnore, ...options.ignore])
  return (tree: MdastRoot, file: VFile): Root => convertInRuns(tree, file, convert, size, ignore)
}

/** Convert `tree` with `convert`, a run of top-level blocks at a time when it is long. */
export function convertInRuns(tree: MdastRoot, file: VFile, convert: Convert, size = chunkSize, ignore = convertersIgnore): Root {
  const runs = runsOf(tree.children, size, ignore)
  if (runs.length < 2) return convert(tree, file)

  const children: RootContent[] = []
  let start: Point | undefined
  let end: Point | undefined
  runs.forEach((run, index) => {
    const previous = runs[index - 1]?.at(-1)
    const blocks: MdastContent[] = previous ? [marker(endOf(previous)), ...run] : run
    const piece = convert({type: 'root', children: blocks, position: {start: startOf(run[0]), end: startOf(run[0])}}, file)
    children.push(...piece.children)
    if (piece.position) {
      start ??= piece.position.start
      end = piece.position.end
    }
  })

  const root: Root = {type: 'RootNode', children}
  if (start && end) root.position = {start, end}
  return root
}

/**
 * Group top-level blocks into runs of at least `size` source characters. A cut
 * falls only between blocks on different lines — where the converter puts one
 * paragraph-breaking white space — and only where the block before ends with
 * a word (and perhaps a full stop) and the block after starts with a capital
 * letter, the rule text-chunks.ts cuts plain text by. Next to code, raw HTML,
 * a table or an empty block the converter's white space runs together.
 */
export function runsOf(blocks: readonly MdastContent[], size = chunkSize, ignore: ReadonlySet<string> = convertersIgnore): MdastContent[][] {
  const runs: MdastContent[][] = []
  let run: MdastContent[] = []
  for (const [index, block] of blocks.entries()) {
    run.push(block)
    const next = blocks[index + 1]
    const from = run[0].position?.start.offset
    const to = block.position?.end
    const after = next?.position?.start
    if (
      from !== undefined &&
      to?.offset !== undefined &&
      after &&
      to.offset - from >= size &&
      after.line > to.line &&
      isProseAt(block, 'end', ignore) &&
      isProseAt(next, 'start', ignore)
    ) {
      runs.push(run)
      run = []
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
}

/** mdast-util-to-nlcst's own ignored types. */
const convertersIgnore: ReadonlySet<string> = new Set(['table', 'tableRow', 'tableCell'])

/** Whether the last leaf of `block` ends with a word, or the first starts with a capital (see `runsOf`). */
function isProseAt(block: MdastContent, edge: 'start' | 'end', ignore: ReadonlySet<string>): boolean {
  let node: Nodes = block
  while ('children' in node) {
    if (ignore.has(node.type)) return false
    const child: Nodes | undefined = edge === 'start' ? node.children[0] : node.children[node.children.length - 1]
    if (!child) return false
    node = child
  }
  if (ignore.has(node.type)) return false
  if (node.type === 'inlineCode') return edge === 'end'
  const text = node.type === 'text' ? node.value : node.type === 'image' || node.type === 'imageReference' ? (node.alt ?? '') : ''
  return (edge === 'start' ? startsProse : endsProse)(text)
}

// `runsOf` cuts only next to blocks with a position.
function startOf(block: MdastContent): Point {
  return block.position!.start
}

function endOf(block: MdastContent): Point {
  return block.position!.end
}

function marker(at: Point): MdastContent {
  return {type: runEnd, position: {start: at, end: at}} as unknown as MdastContent
}
