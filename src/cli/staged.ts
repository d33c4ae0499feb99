/**
 * `--staged`: the articles a commit is about to record, with the content it
 * will record: the index's blobs, not the working copies, so an article fixed
 * on disk but staged broken is still refused (and one staged fixed but broken
 * on disk goes through). Each keeps its real path, so config and ignore files
 * are found from it as in any run (the working tree's, as the editor sees
 * them). Inside a hook git sets `GIT_INDEX_FILE`, which the git calls inherit:
 * `git commit -a` and `git commit FILE` are checked against the index they commit.
 */
import path from 'node:path'
import {git, GitError, gitLine} from './git.js'
import {articleTypeOf} from '../parse/article-type.js'
import {decodeArticle, type ReadResult} from '../run/read-article.js'

export interface StagedArticle {
  /** Absolute path in the working tree. */
  readonly path: string
  /** The staged blob's object id. */
  readonly blob: string
  /** The working tree's top folder, where git is asked for the blob (the article's own folder may be gone). */
  readonly top: string
}

/** Regular files; symbolic links (120000) and submodules (160000) hold no article text. */
const regularModes = new Set(['100644', '100755'])

// A raw diff entry's header: ":000000 100644 0000…0000 45b9…2e1f A" (old mode, new mode, old id, new id, status).
const rawHeader = /^:\d{6} (\d{6}) [\da-f]+ ([\da-f]+) [A-Z]\d*$/

// An object id of zeros: “not in the index” (`git add -N`), no blob to read.
const noObject = /^0+$/

/**
 * The staged article files (added, copied, modified or changed in type; renames count as
 * added), in git's order, with the blob each will be committed with.
 */
export function stagedArticles(cwd: string): StagedArticle[] {
  const top = gitLine(['rev-parse', '--show-toplevel'], cwd)
  const raw = git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--diff-filter=ACMT'], top)
  const fields = raw.toString('utf8').split('\0')
  const articles: StagedArticle[] = []
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const header = rawHeader.exec(fields[index])
    const name = fields[index + 1]
    if (!header) throw new GitError(`unexpected \`git diff --raw\` entry \`${fields[index]}\``)
    const [, mode, blob] = header
    if (!regularModes.has(mode) || noObject.test(blob) || articleTypeOf(name) === undefined) continue
    articles.push({path: path.join(top, name), blob, top})
  }
  return articles
}

/** Read a staged blob as an article, as `readArticleFile` reads a file. */
export function readStaged(article: StagedArticle): ReadResult {
  try {
    return decodeArticle(git(['cat-file', 'blob', article.blob], article.top))
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    return {kind: 'unreadable', problem: `cannot read the staged content (${error.message})`}
  }
}
