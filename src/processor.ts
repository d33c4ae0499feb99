/**
 * The one pipeline that the CLI, the hook and the editor call: parse the
 * article by its type into nlcst (positions in the source file), then run the
 * enabled rules. Processors are frozen once per type and rule settings.
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
import retextEnglish from 'retext-english'
import {unified, type Plugin, type Transformer} from 'unified'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import type {RuleSetting} from './define-rule.js'
import type {ArticleType} from './parse/article-type.js'
import {htmlStep} from './parse/html.js'
import {markdownStep} from './parse/markdown.js'
import {markdownToNlcst} from './parse/markdown-chunks.js'
import {pieceTokens, withSentencesInPieces} from './parse/sentence-pieces.js'
import {remapPositions} from './parse/source-map.js'
import {chunkSize, parseInChunks} from './parse/text-chunks.js'
import {splitLines} from './parse/text-lines.js'

/** Rule id → resolved setting; rules not listed run with their defaults. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>

export interface ArticleProcessor {
  /** Parse and lint `file` in place: messages land on `file.messages`. */
  lint(file: VFile): Root
}

/** mdast node types that are not prose: code, raw HTML, front matter. */
const markdownIgnore = ['code', 'html', 'yaml', 'toml', 'definition']

/** How the parsers cut long articles; the tree is the same at any sizes. */
export interface ParseOptions {
  /** Text pieces and Markdown runs are at least this long, in UTF-16 code units, before a cut is sought. */
  readonly chunkSize?: number
  /** Pieces of a long nlcst sentence hold at least this many tokens (see sentence-pieces.ts). */
  readonly pieceTokens?: number
}

/** Wrap retext-english's parser so long text is parsed in pieces (see text-chunks.ts). */
const chunkedText: Plugin<[number], string, Root> = function (size) {
  const parse = this.parser as (value: string) => Root
  this.parser = (value: string) => parseInChunks(value, parse, size)
}

/** remark-retext, converting long documents a run of blocks at a time (see markdown-chunks.ts). */
const markdownRetext: Plugin<[Required<ParseOptions>], MdastRoot, Root> = (options) =>
  markdownToNlcst(englishParser(options), {ignore: markdownIgnore, size: options.chunkSize})

/** rehype-retext, with long paragraphs' sentence plugins run in pieces. */
const htmlRetext: Plugin<[Required<ParseOptions>], HastRoot, Root> = (options) =>
  rehypeRetext(englishParser(options)) as unknown as Transformer<HastRoot, Root>

function englishParser(options: Required<ParseOptions>): ParseEnglish {
  return withSentencesInPieces(new ParseEnglish(), options.pieceTokens)
}

const textLines: Plugin<[], Root> = () => (tree) => {
  splitLines(tree)
}
const sourcePositions: Plugin<[], Root> = () => remapPositions

function parserFor(type: ArticleType, options: Required<ParseOptions>) {
  switch (type) {
    case 'text':
      return unified().use(retextEnglish).use(chunkedText, options.chunkSize).use(textLines)
    case 'markdown':
      return unified()
        .use(remarkParse)
        .use(remarkFrontmatter, ['yaml', 'toml'])
        .use(remarkGfm)
        .use(markdownStep)
        .use(markdownRetext, options)
        .use(sourcePositions)
    case 'html':
      return unified().use(rehypeParse).use(htmlStep).use(htmlRetext, options).use(sourcePositions)
  }
}

export function createProcessor(type: ArticleType, settings: RuleSettings, options: ParseOptions = {}): ArticleProcessor {
  // The type system cannot follow a tree that changes from mdast/hast to nlcst.
  const sizes = {chunkSize: options.chunkSize ?? chunkSize, pieceTokens: options.pieceTokens ?? pieceTokens}
  const processor = parserFor(type, sizes) as unknown as ReturnType<typeof unified>
  for (const rule of rules) {
    const setting = settings[rule.meta.id] ?? [rule.meta.severity, {}]
    if (setting[0] !== 'off') processor.use(rule.plugin as unknown as Plugin<[RuleSetting]>, setting)
  }
  processor.freeze()

  return {
    lint(file) {
      const tree = processor.parse(file)
      return processor.runSync(tree as Node, file) as unknown as Root
    }
  }
}
