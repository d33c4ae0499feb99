/**
 * `--install-hook`: write a plain git `pre-commit` hook (SPEC section 7). The
 * hook is a few lines of sh that run this install's `factcheck --staged` by
 * absolute path (node and `dist/bundle/bin.js`), so it works from any git client
 * without `npx` or a particular PATH; the git work is done in TypeScript
 * (`staged.ts`), where it is tested. It goes where git looks for hooks
 * (`git rev-parse --git-path hooks/pre-commit`, which follows
 * `core.hooksPath` and worktrees), is written atomically and executable. A
 * different hook already there is kept unless `force`; the same hook again
 * changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import {packageRoot} from '../rule-api/doc-url.js'
import {gitLine} from './git.js'
import {writeFileAtomic} from '../run/write-atomic.js'

/** The `factcheck` command of this install (package.json's `bin`). */
const commandScript = path.join(packageRoot, 'dist', 'bundle', 'bin.js')
export interface HookOptions {
  /** Replace a different hook that is already there. */
  readonly force: boolean
  /** Flags the hook passes to `factcheck --staged` (`--max-warnings 0`, `--rule …`). */
  readonly lintFlags: readonly string[]
  /** `--config`: an absolute path, written into the hook relative to the repository's top folder. */
  readonly config?: string | undefined
}

export type HookOutcome =
  | {readonly kind: 'installed' | 'replaced' | 'unchanged'; readonly hookPath: string}
  | {readonly kind: 'refused'; readonly hookPath: string}
  /** Factcheck's own hook is there, with other flags or for another install: `command` is what it runs, `wanted` what this one would. */
  | {readonly kind: 'refused-own'; readonly hookPath: string; readonly command: string; readonly wanted: string}
  /** The hook could not be read or written (a folder in its place, no permission). */
  | {readonly kind: 'failed'; readonly hookPath: string; readonly problem: string}

const executable = 0o755

/** Install the hook for the repository `cwd` is in; throws `GitError` outside one. */
export function installHook(cwd: string, options: HookOptions): HookOutcome {
  const top = gitLine(['rev-parse', '--show-toplevel'], cwd)
  const hookPath = path.resolve(cwd, gitLine(['rev-parse', '--git-path', 'hooks/pre-commit'], cwd))
  const flags = [...options.lintFlags]
  // Git runs hooks from the top folder: `--config desk/rc.json` must be found from there.
  if (options.config !== undefined) flags.push('--config', path.relative(top, options.config) || '.')
  const script = hookScript(process.execPath, commandScript, flags)

  let existing: string | undefined
  try {
    existing = readIfFile(hookPath)
    if (existing === script) return {kind: 'unchanged', hookPath}
    if (existing !== undefined && !options.force) {
      const command = ownCommand(existing)
      if (command === undefined) return {kind: 'refused', hookPath}
      return {kind: 'refused-own', hookPath, command, wanted: ['--staged', ...flags.map(shellQuote)].join(' ')}
    }
    fs.mkdirSync(path.dirname(hookPath), {recursive: true})
    writeFileAtomic(hookPath, script, executable)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {kind: 'failed', hookPath, problem: code ?? String(error)}
  }
  return {kind: existing === undefined ? 'installed' : 'replaced', hookPath}
}

/** The first line every hook `hookScript` writes has after `#!/bin/sh`. */
const ownMark = '# factcheck pre-commit hook, written by `factcheck --install-hook`'

// The command line of a hook this writes: `"$node" "$bin" --staged --max-warnings 0`.
const ownCommandLine = /^"\$node" "\$bin" (--staged.*)$/m

/** What a hook written by `hookScript` runs (`--staged --max-warnings 0`), or `undefined` for another hook. */
export function ownCommand(script: string): string | undefined {
  if (!script.split('\n', 2)[1]?.startsWith(ownMark)) return undefined
  return ownCommandLine.exec(script)?.[1] ?? '--staged'
}

/** The hook: run `factcheck --staged`, pass its exit code on, say why a commit was refused. */
export function hookScript(node: string, bin: string, flags: readonly string[]): string {
  return [
    '#!/bin/sh',
    ownMark + ': lints the staged',
    '# content of the staged articles and refuses the commit when they have errors.',
    '# Skip it once with `git commit --no-verify`.',
    `node=${shellQuote(node)}`,
    `bin=${shellQuote(bin)}`,
    'command -v "$node" >/dev/null 2>&1 || node=node',
    'if [ ! -f "$bin" ]; then',
    '  echo "factcheck: $bin is gone; install factcheck again and run \\`factcheck --install-hook --force\\`" >&2',
    '  exit 1',
    'fi',
    ['"$node" "$bin" --staged', ...flags.map(shellQuote)].join(' '),
    'status=$?',
    '[ "$status" -eq 0 ] || echo "factcheck: commit refused; fix the staged articles (or commit with --no-verify)" >&2',
    'exit "$status"',
    ''
  ].join('\n')
}

// Words the shell reads as they are: "--max-warnings", "0", "/usr/bin/node" (not "it's", "a b").
const plainWord = /^[\w@%+=:,./-]+$/

function shellQuote(word: string): string {
  return plainWord.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`
}

function readIfFile(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
