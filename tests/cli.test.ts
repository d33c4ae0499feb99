import {execFileSync, spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist/bundle/bin.js')

function factcheck(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd ?? root, input: options.input ?? '', encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('factcheck command', () => {
  it('should print the version from package.json', () => {
    const {version} = JSON.parse(execFileSync('cat', [path.join(root, 'package.json')], {encoding: 'utf8'})) as {version: string}
    expect(factcheck(['--version'])).toEqual({code: 0, stdout: version + '\n', stderr: ''})
  })
})
