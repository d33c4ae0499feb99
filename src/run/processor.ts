/**
 * The one pipeline that the CLI, the hook and the editor call: parse the
 * article by its type into nlcst (positions in the source file), then run the
 * enabled rules. Processors are frozen once per type and rule settings.
 */
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified, type Plugin} from 'unified'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import type {RuleSetting, RuleSettings} from '../rule-api/define-rule.js'
import type {ArticleType} from '../parse/article-type.js'
import {pieceTokens} from '../parse/sentence-pieces.js'
import {chunkSize, parseInChunks} from '../parse/text-chunks.js'
import {splitLines} from '../parse/text-lines.js'

export interface ArticleProcessor {
  /** Parse and lint `file` in place: messages land on `file.messages`. */
  lint(file: VFile): Root
}

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

const textLines: Plugin<[], Root> = () => (tree) => {
  splitLines(tree)
}

let markup: typeof import('../parse/markup-parsers.js') | undefined

/**
 * Load what parsing an article of `type` needs and plain text does not: the
 * Markdown and HTML parsers are most of what factcheck loads, so a run over
 * plain text (the start-up of one article) never loads them.
 */
export async function loadParser(type: ArticleType): Promise<void> {
  if (type !== 'text') markup ??= await import('../parse/markup-parsers.js')
}

function parserFor(type: ArticleType, options: Required<ParseOptions>) {
  if (type === 'text') return unified().use(retextEnglish).use(chunkedText, options.chunkSize).use(textLines)
  if (!markup) throw new Error(`The ${type} parser is not loaded: \`await loadParser('${type}')\` first`)
  return type === 'markdown' ? markup.markdownParser(options) : markup.htmlParser(options)
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
