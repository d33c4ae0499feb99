/**
 * The one pipeline that the CLI, the hook and the editor call: parse the
 * article by its type into nlcst (positions in the source file), then run the
 * enabled rules. Processors are frozen once per type and rule settings.
 */
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import rehypeRetext from 'rehype-retext'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {unified, type Plugin} from 'unified'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import type {RuleSetting} from './define-rule.js'
import type {ArticleType} from './parse/article-type.js'
import {htmlStep} from './parse/html.js'
import {markdownStep} from './parse/markdown.js'
import {remapPositions} from './parse/source-map.js'
import {parseInChunks} from './parse/text-chunks.js'
import {splitLines} from './parse/text-lines.js'

/** Rule id → resolved setting; rules not listed run with their defaults. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>

export interface ArticleProcessor {
  /** Parse and lint `file` in place: messages land on `file.messages`. */
  lint(file: VFile): Root
}

/** mdast node types that are not prose: code, raw HTML, front matter. */
const markdownIgnore = ['code', 'html', 'yaml', 'toml', 'definition']

/** Wrap retext-english's parser so long text is parsed in pieces (see text-chunks.ts). */
const chunkedText: Plugin<[], string, Root> = function () {
  const parse = this.parser as (value: string) => Root
  this.parser = (value: string) => parseInChunks(value, parse)
}

const textLines: Plugin<[], Root> = () => (tree) => {
  splitLines(tree)
}
const sourcePositions: Plugin<[], Root> = () => remapPositions

function parserFor(type: ArticleType) {
  switch (type) {
    case 'text':
      return unified().use(retextEnglish).use(chunkedText).use(textLines)
    case 'markdown':
      return unified()
        .use(remarkParse)
        .use(remarkFrontmatter, ['yaml', 'toml'])
        .use(remarkGfm)
        .use(markdownStep)
        .use(remarkRetext, ParseEnglish, {ignore: markdownIgnore})
        .use(sourcePositions)
    case 'html':
      return unified().use(rehypeParse).use(htmlStep).use(rehypeRetext, ParseEnglish).use(sourcePositions)
  }
}

export function createProcessor(type: ArticleType, settings: RuleSettings): ArticleProcessor {
  // The type system cannot follow a tree that changes from mdast/hast to nlcst.
  const processor = parserFor(type) as unknown as ReturnType<typeof unified>
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
