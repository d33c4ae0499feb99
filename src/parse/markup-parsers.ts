/**
 * The Markdown and HTML parsers: remark or rehype, our steps that keep block
 * kinds and source positions, and the conversion to nlcst. A module of its
 * own so that it loads only when the first such article comes (it is most of
 * what factcheck loads; see `loadParser` in processor.ts).
 */
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import rehypeRetext from 'rehype-retext'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Plugin, type Transformer} from 'unified'
import {htmlStep} from './html.js'
import {markdownStep} from './markdown.js'
import {markdownToNlcst} from './markdown-chunks.js'
import {withSentencesInPieces} from './sentence-pieces.js'
import {remapPositions} from './source-map.js'

export interface MarkupSizes {
  readonly chunkSize: number
  readonly pieceTokens: number
}

/** mdast node types that are not prose: code, raw HTML, front matter. */
const markdownIgnore = ['code', 'html', 'yaml', 'toml', 'definition']

/** remark-retext, converting long documents a run of blocks at a time (see markdown-chunks.ts). */
const markdownRetext: Plugin<[MarkupSizes], MdastRoot, Root> = (options) =>
  markdownToNlcst(englishParser(options), {ignore: markdownIgnore, size: options.chunkSize})

/** rehype-retext, with long paragraphs' sentence plugins run in pieces. */
const htmlRetext: Plugin<[MarkupSizes], HastRoot, Root> = (options) =>
  rehypeRetext(englishParser(options)) as unknown as Transformer<HastRoot, Root>

function englishParser(options: MarkupSizes): ParseEnglish {
  return withSentencesInPieces(new ParseEnglish(), options.pieceTokens)
}

const sourcePositions: Plugin<[], Root> = () => remapPositions

export function markdownParser(options: MarkupSizes) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(markdownStep)
    .use(markdownRetext, options)
    .use(sourcePositions)
}

export function htmlParser(options: MarkupSizes) {
  return unified().use(rehypeParse).use(htmlStep).use(htmlRetext, options).use(sourcePositions)
}
