/**
 * The type of an article that comes without a file name (`--stdin` without
 * `--stdin-filename`), from how it opens: an HTML document, or Markdown front
 * matter. Anything else is plain text, the default; `looksLikeMarkdown` says
 * when that default may be wrong, so the CLI can say what it assumed.
 */
import type {ArticleType} from './article-type.js'

// "<!DOCTYPE html>", "<html lang=en>", "<!-- x -->\n<html>" (after a BOM or spaces); not "<b>Breaking</b>".
const htmlDocument = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i
// YAML front matter: "---\ntitle: …\n---"; not a "---" rule under a paragraph.
const frontMatter = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
// A line that only Markdown writes: "# Heading", "[text](https://…)", "**bold**", "```".
const markdownSign = /^(?:#{1,6} \S|```)|\]\((?:https?:|\/|\.)|\*\*\S/m

/** `html` or `markdown` when the text says so by how it opens, else `undefined`. */
export function sniffType(text: string): ArticleType | undefined {
  if (htmlDocument.test(text)) return 'html'
  if (frontMatter.test(text)) return 'markdown'
  return undefined
}

/** Whether text taken for plain text has signs of Markdown. */
export function looksLikeMarkdown(text: string): boolean {
  return markdownSign.test(text)
}
