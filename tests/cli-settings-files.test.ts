/**
 * Config and ignore files are read only when they are regular files of at
 * most 1 MiB: a named pipe or a device there (`mkfifo .factcheckignore`,
 * `--config /dev/zero`) once hung the run for ever, and a pipe named
 * `.factcheckrc.json` was skipped without a word. Each is now one line on
 * stderr naming the file, and exit 2; files not under it are still linted.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

/** A run that hangs is killed after this long (a sound one takes about a second). */
const timeout = 15_000
const only = ['repeated-word']
const theThe = 'General Mattis stated that the the goal of his visit was to find common grounds.\n'

function fifo(file: string): void {
  fs.mkdirSync(path.dirname(file), {recursive: true})
  expect(spawnSync('mkfifo', [file]).status).toBe(0)
}

/** The files a JSON report names. */
function reported(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{path: string}>).map((file) => file.path)
}

describe('config and ignore files that are not regular files', () => {
  it('should refuse a named pipe as --config, naming it, instead of waiting for ever', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a.txt': theThe})
    fifo(path.join(folder, 'pipe.json'))
    expect(factcheck(['--config', 'pipe.json', 'a.txt'], {cwd: folder, only, timeout})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: pipe.json: cannot read config: a named pipe, not a regular file\n'
    })
  })

  it('should refuse /dev/zero as --config instead of reading it until memory runs out', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a.txt': theThe})
    expect(factcheck(['--config', '/dev/zero', 'a.txt'], {cwd: folder, only, timeout})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: /dev/zero: cannot read config: a device, not a regular file\n'
    })
  })

  it('should report a named pipe found as .factcheckrc.json, and lint the files not under it', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a.txt': theThe, 'desk/b.txt': theThe})
    fifo(path.join(folder, 'desk/.factcheckrc.json'))
    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only, timeout})
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: 'factcheck: desk/.factcheckrc.json: cannot read config: a named pipe, not a regular file\n'})
    expect(reported(result.stdout)).toEqual(['a.txt'])
  })

  it('should report a named pipe as .factcheckignore once, and lint the files not under it', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a.txt': theThe, 'desk/b.txt': theThe, 'desk/c.txt': theThe})
    fifo(path.join(folder, 'desk/.factcheckignore'))
    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only, timeout})
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: 'factcheck: desk/.factcheckignore: cannot read ignore file: a named pipe, not a regular file\n'})
    expect(reported(result.stdout)).toEqual(['a.txt'])
  })

  it('should refuse a config file over 1 MiB', () => {
    const folder = makeTempDir()
    const people = Object.fromEntries(Array.from({length: 40_000}, (_, index) => [`Person ${index}`, [`Alias ${index}`]]))
    writeTree(folder, {'a.txt': theThe, '.factcheckrc.json': JSON.stringify({people})})
    const size = fs.statSync(path.join(folder, '.factcheckrc.json')).size
    expect(size).toBeGreaterThan(1024 * 1024)
    expect(factcheck(['a.txt'], {cwd: folder, only, timeout})).toEqual({
      code: 2,
      stdout: '',
      stderr: `factcheck: .factcheckrc.json: cannot read config: ${size} bytes, over the limit of 1048576 for config and ignore files\n`
    })
  })
})
