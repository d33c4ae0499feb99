/**
 * The plain git hook (SPEC section 7) as git runs it: in a temporary
 * repository, `factcheck --install-hook` is run as a child process, then real
 * `git commit`s go through the hook or are refused by it.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {factcheck, makeTempDir, quietEnv, removeTempDirs, root, writeTree, type Run} from './cli-helpers.js'

afterAll(removeTempDirs)

const seed = fs.readFileSync(path.join(root, 'articles/004_dd9860ece21027d1.txt'), 'utf8')
const installed = 'factcheck: installed the pre-commit hook in .git/hooks/pre-commit\n'
const refused = 'factcheck: commit refused; fix the staged articles (or commit with --no-verify)\n'
/** “the the” with every other rule off: one repeated-word message, its severity set by the config. */
const theThe = 'General Mattis stated that the the goal was peace.\n'
const clean = 'General Mattis stated that the goal was peace.\n'

function git(repo: string, ...args: string[]): Run {
  const result = spawnSync('git', args, {cwd: repo, env: quietEnv(), encoding: 'utf8', timeout: 60_000})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A new repository with a local identity, and optionally the hook installed. */
function repository(install = true): string {
  const repo = makeTempDir()
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'config', 'user.name', 'Desk Editor')
  git(repo, 'config', 'user.email', 'desk@example.com')
  git(repo, 'config', 'commit.gpgsign', 'false')
  if (install) expect(factcheck(['--install-hook'], {cwd: repo})).toEqual({code: 0, stdout: installed, stderr: ''})
  return repo
}

/** A config with only rule `id` on, at `severity`, so rules added later cannot change these cases. */
function onlyRule(id: string, severity: string): string {
  const settings = Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === id ? severity : 'off']))
  return JSON.stringify({rules: settings}) + '\n'
}

function onlyRepeatedWord(severity: string): string {
  return onlyRule('repeated-word', severity)
}

function commit(repo: string, message: string): Run & {output: string} {
  const result = git(repo, 'commit', '-q', '-m', message)
  return {...result, output: result.stdout + result.stderr}
}

function commits(repo: string): number {
  const result = git(repo, 'rev-list', '--count', 'HEAD')
  return result.code === 0 ? Number(result.stdout) : 0
}

describe('factcheck --install-hook and the pre-commit hook', () => {
  it('should install an executable sh hook that runs this factcheck on the staged articles', () => {
    const repo = repository()
    const hook = path.join(repo, '.git/hooks/pre-commit')
    const script = fs.readFileSync(hook, 'utf8')
    expect(script.startsWith('#!/bin/sh\n')).toBe(true)
    expect(script).toContain(`bin=${path.join(root, 'dist/bundle/bin.js')}\n`)
    expect(script).toContain('"$node" "$bin" --staged\n')
    expect(fs.statSync(hook).mode & 0o111).toBe(0o111)
  })

  it('should refuse to commit seed 004 and show the repeated paragraphs', () => {
    const repo = repository()
    writeTree(repo, {'desk/story.txt': seed})
    git(repo, 'add', '.')

    const result = commit(repo, 'Add the Mattis story')
    expect(result.code).toBe(1)
    expect(result.output).toContain('desk/story.txt\n')
    expect(result.output).toMatch(/33:1-33:114 +error +Unexpected copy of the paragraph at line 31 .* repeated-paragraph/)
    expect(result.output).toMatch(/37:1-37:151 +error +Unexpected copy of the paragraph at line 35 .* repeated-paragraph/)
    expect(result.output).toContain('✖ 2 errors')
    expect(result.output.endsWith(refused)).toBe(true)
    expect(commits(repo)).toBe(0)
  })

  it('should let the commit through once --fix has removed the copies', () => {
    const repo = repository()
    // Only the rule this case is about, so that rules added later cannot block this commit.
    writeTree(repo, {'desk/story.txt': seed, '.factcheckrc.json': onlyRule('repeated-paragraph', 'error')})
    expect(factcheck(['--fix', '--quiet', 'desk/story.txt'], {cwd: repo})).toEqual({code: 0, stdout: '', stderr: ''})
    git(repo, 'add', '.')

    expect(commit(repo, 'Add the Mattis story')).toMatchObject({code: 0, output: ''})
    expect(commits(repo)).toBe(1)
    // Committed without its two copies, each with the blank line before it.
    const lines = seed.split('\n')
    lines.splice(35, 2)
    lines.splice(31, 2)
    expect(git(repo, 'show', 'HEAD:desk/story.txt').stdout).toBe(lines.join('\n'))
  })

  it('should refuse a file whose staged version has errors while its working copy is clean', () => {
    const repo = repository()
    writeTree(repo, {'story.txt': seed})
    git(repo, 'add', 'story.txt')
    expect(factcheck(['--fix', 'story.txt'], {cwd: repo, only: ['repeated-paragraph']}).code).toBe(0)
    expect(git(repo, 'diff', '--quiet').code).toBe(1)

    const result = commit(repo, 'Add the story')
    expect(result.code).toBe(1)
    expect(result.output).toMatch(/33:1-33:114 +error .* repeated-paragraph/)
    expect(commits(repo)).toBe(0)
  })

  it('should let a clean staged version through while its working copy is broken', () => {
    const repo = repository()
    writeTree(repo, {'.factcheckrc.json': onlyRepeatedWord('error'), 'story.md': clean})
    git(repo, 'add', '.')
    fs.writeFileSync(path.join(repo, 'story.md'), theThe)

    expect(commit(repo, 'Add the story')).toMatchObject({code: 0, output: ''})
  })

  it('should check what `git commit -a` and `git commit FILE` commit, through the index git gives the hook', () => {
    const repo = repository()
    writeTree(repo, {'.factcheckrc.json': onlyRepeatedWord('error'), 'story.html': `<p>${clean}</p>\n`})
    git(repo, 'add', '.')
    expect(commit(repo, 'Add the story').code).toBe(0)

    fs.writeFileSync(path.join(repo, 'story.html'), `<p>${theThe}</p>\n`)
    const all = git(repo, 'commit', '-q', '-a', '-m', 'Edit the story')
    expect(all.code).toBe(1)
    // Git sends a hook's standard output to its standard error.
    expect(all.stderr).toContain('story.html\n1:31-1:38 error')
    const one = git(repo, 'commit', '-q', '-m', 'Edit the story', 'story.html')
    expect(one.code).toBe(1)
    expect(commits(repo)).toBe(1)
  })

  it('should skip staged files that are not articles, deleted, ignored or symbolic links', () => {
    const repo = repository()
    writeTree(repo, {
      '.factcheckrc.json': onlyRepeatedWord('error'),
      'notes.json': theThe,
      'gone.txt': clean,
      'archive/old.txt': theThe,
      '.factcheckignore': 'archive/\n'
    })
    git(repo, 'add', '.')
    expect(commit(repo, 'Start').code).toBe(0)

    git(repo, 'rm', '-q', 'gone.txt')
    // A link's blob is its target, `the the`: flagged if it were read as an article.
    fs.symlinkSync('the the', path.join(repo, 'link.txt'))
    git(repo, 'add', '.')
    expect(commit(repo, 'Tidy')).toMatchObject({code: 0, output: ''})
    expect(commits(repo)).toBe(2)
  })

  it('should let warnings through unless the hook was installed with --max-warnings', () => {
    const repo = repository()
    writeTree(repo, {'.factcheckrc.json': onlyRepeatedWord('warn'), 'story.txt': theThe})
    git(repo, 'add', '.')
    const passed = commit(repo, 'Add the story')
    expect(passed.code).toBe(0)
    expect(passed.output).toContain('1:28-1:35 warning')

    expect(factcheck(['--install-hook', '--force', '--max-warnings', '0'], {cwd: repo})).toEqual({
      code: 0,
      stdout: 'factcheck: replaced the pre-commit hook in .git/hooks/pre-commit\n',
      stderr: ''
    })
    fs.appendFileSync(path.join(repo, 'story.txt'), theThe)
    git(repo, 'add', '.')
    const blocked = commit(repo, 'Edit the story')
    expect(blocked.code).toBe(1)
    expect(blocked.output).toContain('factcheck: 2 warnings, more than --max-warnings 0\n')
    expect(commits(repo)).toBe(1)
  })

  it('should change nothing when installed a second time', () => {
    const repo = repository()
    const hook = path.join(repo, '.git/hooks/pre-commit')
    const before = {text: fs.readFileSync(hook, 'utf8'), stat: fs.statSync(hook)}

    expect(factcheck(['--install-hook'], {cwd: repo})).toEqual({
      code: 0,
      stdout: 'factcheck: the pre-commit hook is already installed in .git/hooks/pre-commit\n',
      stderr: ''
    })
    const after = fs.statSync(hook)
    expect(fs.readFileSync(hook, 'utf8')).toBe(before.text)
    expect({ino: after.ino, mtimeMs: after.mtimeMs}).toEqual({ino: before.stat.ino, mtimeMs: before.stat.mtimeMs})
  })

  it('should not overwrite a different hook without --force, and replace it with --force', () => {
    const repo = repository(false)
    const hook = path.join(repo, '.git/hooks/pre-commit')
    fs.writeFileSync(hook, '#!/bin/sh\nnpm test\n', {mode: 0o755})

    expect(factcheck(['--install-hook'], {cwd: repo})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: .git/hooks/pre-commit is a different pre-commit hook; left as it is (replace it with --install-hook --force)\n'
    })
    expect(fs.readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nnpm test\n')

    expect(factcheck(['--install-hook', '--force'], {cwd: repo}).code).toBe(0)
    expect(fs.readFileSync(hook, 'utf8')).toContain('--staged')
  })

  it("should say so when factcheck's own hook is there with other flags, and offer --force", () => {
    const repo = repository(false)
    const hook = path.join(repo, '.git/hooks/pre-commit')
    expect(factcheck(['--install-hook', '--max-warnings', '0'], {cwd: repo}).code).toBe(0)
    const installed = fs.readFileSync(hook, 'utf8')

    expect(factcheck(['--install-hook', '--quiet'], {cwd: repo})).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "factcheck: .git/hooks/pre-commit is factcheck's hook already, running `factcheck --staged --max-warnings 0` " +
        '(other flags or another install); left as it is: add --force to replace it with `factcheck --staged --quiet`\n'
    })
    expect(fs.readFileSync(hook, 'utf8')).toBe(installed)

    expect(factcheck(['--install-hook', '--quiet', '--force'], {cwd: repo})).toEqual({
      code: 0,
      stdout: 'factcheck: replaced the pre-commit hook in .git/hooks/pre-commit\n',
      stderr: ''
    })
    expect(fs.readFileSync(hook, 'utf8')).toContain('"$node" "$bin" --staged --quiet\n')
  })

  it('should install where core.hooksPath points, from a subfolder', () => {
    const repo = repository(false)
    git(repo, 'config', 'core.hooksPath', 'tools/hooks')
    fs.mkdirSync(path.join(repo, 'desk'))

    expect(factcheck(['--install-hook'], {cwd: path.join(repo, 'desk')})).toEqual({
      code: 0,
      stdout: 'factcheck: installed the pre-commit hook in ../tools/hooks/pre-commit\n',
      stderr: ''
    })
    writeTree(repo, {'desk/story.txt': seed})
    git(repo, 'add', '.')
    expect(commit(repo, 'Add the story').code).toBe(1)
  })

  it('should keep a --config path working from the top folder, where git runs hooks', () => {
    const repo = repository(false)
    writeTree(repo, {'desk/house.json': onlyRepeatedWord('warn'), 'story.txt': theThe})
    expect(factcheck(['--install-hook', '--config', 'house.json', '--max-warnings', '0'], {cwd: path.join(repo, 'desk')}).code).toBe(0)
    expect(fs.readFileSync(path.join(repo, '.git/hooks/pre-commit'), 'utf8')).toContain('--staged --max-warnings 0 --config desk/house.json\n')
    git(repo, 'add', '.')
    expect(commit(repo, 'Add the story').output).toContain('1 warning, more than --max-warnings 0')
  })

  it('should refuse to install or lint outside a git repository, and stray flags, with exit 2', () => {
    const folder = makeTempDir()
    expect(factcheck(['--install-hook'], {cwd: folder})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --install-hook: not a git repository (or any of the parent directories): .git\n'
    })
    expect(factcheck(['--staged'], {cwd: folder})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --staged: not a git repository (or any of the parent directories): .git\n'
    })
    expect(factcheck(['--install-hook', '--format', 'json'], {cwd: folder}).stderr).toBe(
      'factcheck: --install-hook takes no paths, and of the other flags only --force, --max-warnings, --quiet, --rule and --config\n'
    )
    expect(factcheck(['--install-hook', '--rule', 'nope=off'], {cwd: folder}).stderr).toMatch(/^factcheck: --rule: unknown rule `nope`/)
    expect(factcheck(['--staged', 'a.txt'], {cwd: folder}).stderr).toBe('factcheck: --staged takes no paths and cannot be used with --stdin or --fix\n')
    expect(factcheck(['--force'], {cwd: folder}).stderr).toBe('factcheck: --force needs --install-hook\n')
  })

  it('should print nothing and exit 0 when no article is staged', () => {
    const repo = repository(false)
    writeTree(repo, {'README': 'the the\n'})
    git(repo, 'add', '.')
    expect(factcheck(['--staged'], {cwd: repo})).toEqual({code: 0, stdout: '', stderr: ''})
  })
})
