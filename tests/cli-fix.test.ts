/**
 * `--fix` as an editor runs it on a scraped article: the caption copies and the
 * furniture line go, every other byte stays, and a second run changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, root, writeTree} from './cli-helpers.js'

afterEach(removeTempDirs)

const only = ['repeated-paragraph', 'boilerplate', 'glued-words']
const seed = fs.readFileSync(path.join(root, 'articles/004_dd9860ece21027d1.txt'), 'utf8')

/** Seed 004 without lines 33 and 37 (the caption copies) and 41 (furniture), each with the blank lines before it. */
function seedFixed(): string {
  const lines = seed.split('\n')
  return [...lines.slice(0, 31), ...lines.slice(33, 35)].join('\n')
}

describe('factcheck --fix', () => {
  it('should remove both caption copies and the furniture line of seed 004 and nothing else', () => {
    const folder = makeTempDir()
    const target = path.join(folder, '004.txt')
    fs.writeFileSync(target, seed)
    const first = factcheck(['--fix', '004.txt'], {cwd: folder, only})
    expect({code: first.code, stdout: first.stdout, stderr: first.stderr}).toEqual({code: 0, stdout: '', stderr: ''})
    expect(fs.readFileSync(target, 'utf8')).toBe(seedFixed())
    expect(fs.readdirSync(folder)).toEqual(['004.txt'])
  })

  it('should change nothing on a second run', () => {
    const folder = makeTempDir()
    const target = path.join(folder, '004.txt')
    fs.writeFileSync(target, seed)
    factcheck(['--fix', '004.txt'], {cwd: folder, only})
    const before = fs.statSync(target).mtimeMs
    const again = factcheck(['--fix', '004.txt'], {cwd: folder, only})
    expect(again.code).toBe(0)
    expect(fs.readFileSync(target, 'utf8')).toBe(seedFixed())
    expect(fs.statSync(target).mtimeMs).toBe(before)
  })

  it('should keep a byte-order mark and CRLF line ends', () => {
    const folder = makeTempDir()
    const target = path.join(folder, '004.txt')
    fs.writeFileSync(target, '\uFEFF' + seed.replaceAll('\n', '\r\n'))
    factcheck(['--fix', '004.txt'], {cwd: folder, only})
    expect(fs.readFileSync(target, 'utf8')).toBe('\uFEFF' + seedFixed().replaceAll('\n', '\r\n'))
  })

  it('should fix the article a symbolic link names and keep the link', () => {
    const folder = makeTempDir()
    fs.mkdirSync(path.join(folder, 'originals'))
    const target = path.join(folder, 'originals/004.txt')
    fs.writeFileSync(target, seed)
    fs.symlinkSync('originals/004.txt', path.join(folder, 'link.txt'))
    const result = factcheck(['--fix', 'link.txt'], {cwd: folder, only})
    expect(result).toEqual({code: 0, stdout: '', stderr: ''})
    expect(fs.readFileSync(target, 'utf8')).toBe(seedFixed())
    expect(fs.lstatSync(path.join(folder, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(fs.readdirSync(folder).sort()).toEqual(['link.txt', 'originals'])
    expect(fs.readdirSync(path.join(folder, 'originals'))).toEqual(['004.txt'])
  })

  it('should not rewrite a file that is not valid UTF-8', () => {
    const folder = makeTempDir()
    const target = path.join(folder, '004.txt')
    const bytes = Buffer.concat([Buffer.from('Rooney scored \xa3'.slice(0, -1)), Buffer.from([0xa3]), Buffer.from(' 2m.\n\n' + seed)])
    fs.writeFileSync(target, bytes)
    const result = factcheck(['--fix', '004.txt'], {cwd: folder, only})
    expect(result.stderr).toBe('factcheck: 004.txt: not valid UTF-8; fixes not written, so no byte is lost\n')
    expect(fs.readFileSync(target).equals(bytes)).toBe(true)
  })

  it('should report a file it cannot write, leave it as it was, and fix the files after it (exit 2)', () => {
    const folder = makeTempDir()
    writeTree(folder, {'locked/a.txt': 'The the minister spoke.\n', 'open/b.txt': 'The the minister spoke.\n'})
    // Permissions bind root only through another user: run as `nobody` then, who may write in `open/` alone.
    const user = process.getuid?.() === 0 ? {uid: 65_534, gid: 65_534} : undefined
    fs.chmodSync(folder, 0o755)
    fs.chmodSync(path.join(folder, 'locked'), 0o555)
    fs.chmodSync(path.join(folder, 'open'), 0o777)
    try {
      const result = factcheck(['--fix', '--format', 'json', 'locked/a.txt', 'open/b.txt'], {cwd: folder, only: ['repeated-word'], ...(user && {user})})
      const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number; reason: string}>}>
      expect(result.code).toBe(2)
      expect(report.map((file) => [file.path, file.messages.map((message) => `${message.line}: ${message.ruleId}`)])).toEqual([
        ['locked/a.txt', ['1: unwritable', '1: repeated-word']],
        ['open/b.txt', []]
      ])
      expect(report[0].messages[0].reason).toMatch(/^Cannot write the fixes: EACCES: permission denied, open '.*locked\/\.a\.txt\.tmp-\d+-\w{6}'; the file was not changed$/)
      expect(fs.readFileSync(path.join(folder, 'locked/a.txt'), 'utf8')).toBe('The the minister spoke.\n')
      expect(fs.readFileSync(path.join(folder, 'open/b.txt'), 'utf8')).toBe('The minister spoke.\n')
      expect(fs.readdirSync(path.join(folder, 'locked'))).toEqual(['a.txt'])
    } finally {
      fs.chmodSync(path.join(folder, 'locked'), 0o755)
    }
  })

  it('should remove the temporary files an interrupted --fix of the same file left, and no others', () => {
    const folder = makeTempDir()
    const gone = 2 ** 22 + 1 // above Linux's largest process id, so no process has it
    writeTree(folder, {
      'b.txt': 'The the minister spoke.\n',
      [`.b.txt.tmp-${gone}-k3x9qa`]: 'The minister',
      [`.b.txt.tmp-${process.pid}-k3x9qa`]: 'still being written',
      [`.c.txt.tmp-${gone}-k3x9qa`]: 'another file’s',
      '.b.txt.tmp-old': 'not a name factcheck gives'
    })
    const result = factcheck(['--fix', 'b.txt'], {cwd: folder, only: ['repeated-word']})
    expect(result).toEqual({code: 0, stdout: '', stderr: ''})
    expect(fs.readFileSync(path.join(folder, 'b.txt'), 'utf8')).toBe('The minister spoke.\n')
    expect(fs.readdirSync(folder).sort()).toEqual([`.b.txt.tmp-${process.pid}-k3x9qa`, '.b.txt.tmp-old', `.c.txt.tmp-${gone}-k3x9qa`, 'b.txt'])
  })

  // `--fix --stdin` prints the fixed text instead of refusing (issue 19): tests/cli-fix-output.test.ts.
  it('should refuse --fix with --staged', () => {
    expect(factcheck(['--fix', '--staged'], {input: seed})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --staged takes no paths and cannot be used with --stdin, --fix or --fix-dry-run\n'
    })
  })
})
