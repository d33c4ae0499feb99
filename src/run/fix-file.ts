/**
 * `--fix` for one article: lint, apply the sure fixes, lint again until
 * nothing more changes, and write the file back atomically (its BOM kept).
 * A file that is not valid UTF-8 is never rewritten: writing the decoded text
 * back would replace the bad bytes.
 */
import type {VFileMessage} from 'vfile-message'
import {fixUntilStable} from './fix.js'
import type {ReadResult} from './read-article.js'
import {followLinks, writeFileAtomic} from './write-atomic.js'

export type FixOutcome = {readonly kind: 'unchanged'} | {readonly kind: 'fixed'; readonly read: ReadResult} | {readonly kind: 'refused'; readonly problem: string}

export function fixArticle(
  absolutePath: string,
  read: ReadResult,
  lintText: (value: string) => readonly VFileMessage[]
): FixOutcome {
  if (read.kind !== 'text') return {kind: 'unchanged'}
  const result = fixUntilStable(read.value, lintText)
  if (!result.changed) return {kind: 'unchanged'}
  if (read.badByte) return {kind: 'refused', problem: 'not valid UTF-8; fixes not written, so no byte is lost'}
  // Through a symbolic link: the article it names is the one fixed, and the link stays.
  writeFileAtomic(followLinks(absolutePath), (read.bom ? '\uFEFF' : '') + result.value)
  return {kind: 'fixed', read: {kind: 'text', value: result.value, bom: read.bom}}
}
