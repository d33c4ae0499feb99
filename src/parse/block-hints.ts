/**
 * What markup says about a block, recorded before the tree becomes nlcst:
 * a heading is a headline, an `<li>` a list item, a `<figcaption>` or an
 * image's alt text a caption. The analysis reads these by offset; plain text
 * has none and is judged by its lines.
 */
import type {VFile} from 'vfile'

export type BlockKind = 'title' | 'heading' | 'list-item' | 'caption' | 'body'

export interface BlockHint {
  readonly start: number
  readonly end: number
  readonly kind: BlockKind
}

export function blockHintsOf(file: VFile): BlockHint[] | undefined {
  return (file.data as {blockHints?: BlockHint[]}).blockHints
}

export function setBlockHints(file: VFile, hints: BlockHint[]): void {
  ;(file.data as {blockHints?: BlockHint[]}).blockHints = hints
}

/** The innermost hint that holds `offset` (hints nest: a caption inside a list item). */
export function hintAt(hints: readonly BlockHint[], offset: number): BlockHint | undefined {
  let best: BlockHint | undefined
  for (const hint of hints) {
    if (hint.start <= offset && offset < hint.end && (!best || hint.end - hint.start < best.end - best.start)) {
      best = hint
    }
  }
  return best
}
