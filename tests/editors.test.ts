/**
 * The README's editor snippets, run for real (issue 19): Neovim (Debian 12's
 * 0.7.2) and Emacs with eglot (Debian's `elpa-eglot`), each with the snippet
 * exactly as the README prints it, `factcheck-language-server` on PATH (a
 * shim to this build), opening an article with a repeated word. Skipped where
 * an editor is not installed; `.ci/run` installs both.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeTempDirs, root} from './cli-helpers.js'

afterAll(removeTempDirs)

const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')

/** The first fenced block of `language` after `heading` in the README. */
function snippet(heading: string, language: string): string {
  const from = readme.indexOf(heading)
  const open = readme.indexOf('```' + language + '\n', from)
  return readme.slice(open + language.length + 4, readme.indexOf('```\n', open + 3))
}

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

/** A folder with the article, the snippet as `init`, and a `factcheck-language-server` shim on PATH. */
function setUp(init: string, initName: string) {
  const folder = makeTempDir()
  fs.mkdirSync(path.join(folder, 'bin'))
  const shim = path.join(folder, 'bin', 'factcheck-language-server')
  fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'dist/src/server/bin.js')}" "$@"\n`, {mode: 0o755})
  fs.writeFileSync(path.join(folder, initName), init)
  fs.writeFileSync(path.join(folder, 'story.txt'), 'Café owners said that the the plan would cut costs for families.\n')
  const env = {...process.env, PATH: `${path.join(folder, 'bin')}:${process.env.PATH ?? ''}`, ARTICLE: path.join(folder, 'story.txt'), HOME: folder}
  return {folder, env}
}

const diagnostic = 'Unexpected repeated `the`, remove one occurrence'

describe('the README editor snippets', () => {
  it.skipIf(!installed('nvim'))("should show factcheck's diagnostics in Neovim", () => {
    const {folder, env} = setUp(snippet('**Neovim**', 'lua'), 'init.lua')
    const result = spawnSync('nvim', ['--headless', '-u', 'init.lua', '-S', path.join(root, 'tests/editors/check.lua')], {cwd: folder, env, encoding: 'utf8', timeout: 60_000})
    expect(result.stdout).toBe(`1:24 ${diagnostic}\n`)
  }, 90_000)

  it.skipIf(!installed('emacs'))("should show factcheck's diagnostics in Emacs with eglot", () => {
    const {folder, env} = setUp(snippet('**Emacs**', 'elisp'), 'init.el')
    // `package-activate-all` is what an interactive Emacs does before init.el (the batch mode does not).
    const args = ['--batch', '--eval', '(package-activate-all)', '-l', 'init.el', '-l', path.join(root, 'tests/editors/check.el')]
    const result = spawnSync('emacs', args, {cwd: folder, env, encoding: 'utf8', timeout: 60_000})
    expect(result.stdout).toBe(`1:23 factcheck [repeated-word]: ${diagnostic}\n`)
  }, 90_000)
})
