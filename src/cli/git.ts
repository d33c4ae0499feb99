/**
 * Run git for the commit hook: one call, its output as bytes, and a
 * `GitError` whose message is git's own first line of complaint (“not a git
 * repository”) when it fails or cannot be started.
 */
import {spawnSync} from 'node:child_process'

export class GitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitError'
  }
}

/** Blobs of articles are read whole; a 1 GiB article is a mistake, not an article. */
const maxOutput = 1024 ** 3

// git's prefix on its complaints: "fatal: not a git repository …" (not "warning: …").
const fatalPrefix = /^fatal: /

// The line break that ends a one-line answer: "/repo/.git/hooks/pre-commit\n".
const finalLineBreak = /\n$/

/** `git …args` in `cwd`; its standard output. Inherits `GIT_INDEX_FILE` and friends from a running hook. */
export function git(args: readonly string[], cwd: string): Buffer {
  const result = spawnSync('git', args, {cwd, maxBuffer: maxOutput})
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code
    throw new GitError(code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `cannot run git: ${result.error.message}`)
  }
  if (result.status !== 0) {
    const said = result.stderr.toString('utf8').trim().split('\n')[0] ?? ''
    throw new GitError(said.replace(fatalPrefix, '') || `\`git ${args[0]}\` failed with exit code ${String(result.status)}`)
  }
  return result.stdout
}

/** `git …args` as one line of text, without its final line break. */
export function gitLine(args: readonly string[], cwd: string): string {
  return git(args, cwd).toString('utf8').replace(finalLineBreak, '')
}
