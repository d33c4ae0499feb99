/**
 * `--fix` for one article: lint, apply the sure fixes, lint again until
 * nothing more changes, and write the file back atomically (its BOM kept).
 * A file that is not valid UTF-8 is never rewritten: writing the decoded text
 * back would replace the bad bytes. Fatal per file, as in ESLint: a fix pass
 * that throws or a write that fails (no permission, a full disk) leaves the
 * file as it was and comes back as a `failed` outcome for the report; the run
 * goes on with the next file.
 */
import type {VFileMessage} from 'vfile-message'
import {fixUntilStable} from './fix.js'
import type {ReadResult} from './read-article.js'
import {followLinks, removeStaleTemporaries, writeFileAtomic} from './write-atomic.js'

export type FixOutcome =
  | {readonly kind: 'unchanged'}
  | {readonly kind: 'fixed'; readonly read: ReadResult}
  | {readonly kind: 'refused'; readonly problem: string}
  | {readonly kind: 'failed'; readonly ruleId: 'internal-error' | 'unwritable'; readonly problem: string}

/** `write: false` (`--fix-dry-run`, `--stdin --fix`): fix the text, and leave the file as it is. */
export function fixArticle(
  absolutePath: string,
  read: ReadResult,
  lintText: (value: string) => readonly VFileMessage[],
  write = true
): FixOutcome {
  if (read.kind !== 'text') return {kind: 'unchanged'}
  let result: ReturnType<typeof fixUntilStable>
  try {
    result = fixUntilStable(read.value, lintText)
  } catch (error) {
    return {kind: 'failed', ruleId: 'internal-error', problem: `factcheck failed while fixing this file (${reasonOf(error)}); it was not changed`}
  }
  if (!result.changed) return {kind: 'unchanged'}
  if (read.badByte) return {kind: 'refused', problem: 'not valid UTF-8; fixes not written, so no byte is lost'}
  if (!write) return {kind: 'fixed', read: {kind: 'text', value: result.value, bom: read.bom}}
  try {
    // Through a symbolic link: the article it names is the one fixed, and the link stays.
    const target = followLinks(absolutePath)
    removeStaleTemporaries(target)
    writeFileAtomic(target, (read.bom ? '\uFEFF' : '') + result.value)
  } catch (error) {
    return {kind: 'failed', ruleId: 'unwritable', problem: `Cannot write the fixes: ${reasonOf(error)}; the file was not changed`}
  }
  return {kind: 'fixed', read: {kind: 'text', value: result.value, bom: read.bom}}
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
