/**
 * In plain text a line is a block: scraped articles put bullets, captions and
 * furniture on lines of their own with no blank line or full stop between
 * them ("• He arrived …\n• Mattis visit comes …"), and parse-latin would read
 * such lines as one sentence. Split nlcst paragraphs and sentences at single
 * line breaks, unless the paragraph is hard-wrapped prose (a line that ends
 * mid-sentence followed by a line starting in lower case).
 */
import type {
  Paragraph,
  ParagraphContent,
  Root,
  RootContent,
  Sentence,
  SentenceContent,
  WhiteSpace
} from 'nlcst'
import {nodesText} from './node-text.js'

// "• He arrived", "- item", "* item", "1. item", "2) item"; not "-5 degrees".
const bulletStart = /^[\t ]*(?:[•·▪◦‣∙*+–—-]|\d{1,2}[.)])[\t ]+\S/
// A line ending inside a sentence: "…said the", not "…said." / "…said:" / "…”".
const openLineEnd = /[^.!?:;…"”’')\]]$/
const lowercaseStart = /^[\t ]*[a-z]/

type Piece = {kind: 'content'; node: ParagraphContent} | {kind: 'break'; node: WhiteSpace}

export function splitLines(tree: Root): void {
  const children: RootContent[] = []
  for (const child of tree.children) {
    if (child.type === 'ParagraphNode' && hasLineBreak(child)) {
      children.push(...splitParagraph(child))
    } else {
      children.push(child)
    }
  }
  tree.children = children
}

/**
 * Whether the paragraph holds a line break. parse-latin makes every line break
 * white space, a child of the paragraph or of a sentence: words, which hold
 * most of the nodes, need not be looked into.
 */
function hasLineBreak(paragraph: Paragraph): boolean {
  for (const child of paragraph.children) {
    if (child.type === 'WhiteSpaceNode' && child.value.includes('\n')) return true
    if (child.type !== 'SentenceNode') continue
    for (const token of child.children) if (token.type === 'WhiteSpaceNode' && token.value.includes('\n')) return true
  }
  return false
}

function splitParagraph(paragraph: Paragraph): RootContent[] {
  const lines = groupLines(piecesOf(paragraph))
  if (lines.length < 2 || isHardWrapped(lines.map((line) => nodesText(line.content)))) return [paragraph]

  const result: RootContent[] = []
  for (const line of lines) {
    if (line.content.length > 0) result.push(paragraphOf(line.content))
    if (line.after) result.push(line.after)
  }
  return result
}

/** Paragraph content, with sentences cut at their line breaks. */
function piecesOf(paragraph: Paragraph): Piece[] {
  const pieces: Piece[] = []
  for (const child of paragraph.children) {
    if (child.type === 'WhiteSpaceNode' && child.value.includes('\n')) {
      pieces.push({kind: 'break', node: child})
    } else if (child.type === 'SentenceNode') {
      let run: SentenceContent[] = []
      for (const token of child.children) {
        if (token.type === 'WhiteSpaceNode' && token.value.includes('\n')) {
          if (run.length > 0) pieces.push({kind: 'content', node: sentenceOf(run)})
          pieces.push({kind: 'break', node: token})
          run = []
        } else {
          run.push(token)
        }
      }
      if (run.length > 0) pieces.push({kind: 'content', node: run.length === child.children.length ? child : sentenceOf(run)})
    } else {
      pieces.push({kind: 'content', node: child})
    }
  }
  return pieces
}

interface Line {
  content: ParagraphContent[]
  after: WhiteSpace | undefined
}

function groupLines(pieces: readonly Piece[]): Line[] {
  const lines: Line[] = [{content: [], after: undefined}]
  for (const piece of pieces) {
    const line = lines[lines.length - 1]
    if (piece.kind === 'break') {
      line.after = piece.node
      lines.push({content: [], after: undefined})
    } else {
      line.content.push(piece.node)
    }
  }
  return lines.filter((line) => line.content.length > 0 || line.after)
}

function isHardWrapped(texts: readonly string[]): boolean {
  if (texts.some((text) => bulletStart.test(text))) return false
  for (let index = 0; index < texts.length - 1; index++) {
    if (openLineEnd.test(texts[index].trimEnd()) && lowercaseStart.test(texts[index + 1])) return true
  }
  return false
}

function sentenceOf(children: SentenceContent[]): Sentence {
  return withSpan({type: 'SentenceNode', children}, children)
}

function paragraphOf(children: ParagraphContent[]): Paragraph {
  // Leading or trailing white space belongs between blocks, not inside one.
  return withSpan({type: 'ParagraphNode', children}, children)
}

function withSpan<T extends Sentence | Paragraph>(node: T, children: ReadonlyArray<{position?: RootContent['position']}>): T {
  const first = children[0]?.position
  const last = children[children.length - 1]?.position
  if (first && last) node.position = {start: first.start, end: last.end}
  return node
}
