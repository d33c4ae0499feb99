/**
 * `--baseline` and `--write-baseline`, end to end on copies of the seed
 * articles: a baseline hides what it holds, wherever an edit above moved it,
 * shows exactly what is new, counts only that in the exit code, and refuses
 * a file that is not a factcheck json report.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {factcheck, makeTempDir, removeTempDirs, root} from './cli-helpers.js'

afterAll(removeTempDirs)

const seedNames = fs.readdirSync(path.join(root, 'articles')).filter((name) => /\.(txt|md|html)$/.test(name))

function copySeeds(): string {
  const folder = makeTempDir()
  for (const name of seedNames) fs.copyFileSync(path.join(root, 'articles', name), path.join(folder, name))
  return folder
}

function edit(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')))
}

describe('--write-baseline then --baseline', () => {
  let folder: string
  let report: JsonFile[]

  beforeAll(() => {
    folder = copySeeds()
    const written = factcheck(['--format', 'json', '--write-baseline', 'baseline.json', ...seedNames], {cwd: folder})
    expect(written.code).toBe(1)
    report = JSON.parse(written.stdout) as JsonFile[]
  })

  it('should write the json report with each message in context', () => {
    const baseline = JSON.parse(fs.readFileSync(path.join(folder, 'baseline.json'), 'utf8')) as Array<{path: string; messages: Array<{context?: {before: string; after: string}}>}>
    const withoutContext = baseline.map((file) => ({path: file.path, messages: file.messages.map(({context, ...message}) => message)}))
    expect(withoutContext).toEqual(report)
    const fragment = baseline.find((file) => file.path === '000_3f8e3d0fb9951cbf.txt')!.messages.find((m) => (m as {ruleId?: string}).ruleId === 'fragment')
    expect(fragment!.context).toEqual({before: '', after: ''})
    const mismatch = baseline.find((file) => file.path === '000_3f8e3d0fb9951cbf.txt')!.messages.find((m) => (m as {ruleId?: string}).ruleId === 'attribution-mismatch')
    expect(mismatch!.context).toEqual({before: '', after: ' the U.S. defence secretary was told tha'})
    expect(fs.readdirSync(folder).filter((name) => name.includes('.tmp-'))).toEqual([])
  })

  it('should report nothing new on the same articles, and exit 0', () => {
    expect(factcheck(['--format', 'compact', '--baseline', 'baseline.json', '--max-warnings', '0', ...seedNames], {cwd: folder})).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('should report nothing new after lines are added above the findings', () => {
    // Each file its own line: one line in three files would be a new `shared-paragraph`.
    edit(path.join(folder, '000_3f8e3d0fb9951cbf.txt'), (text) => 'Updated on Tuesday with comment from the ministry.\n\n' + text)
    edit(path.join(folder, '000_3f8e3d0fb9951cbf.md'), (text) => text.replace('\n\n', '\n\nThis story was first published on Monday.\n\n'))
    edit(path.join(folder, '004_dd9860ece21027d1.html'), (text) => text.replace('<body>', '<body>\n<p>The agency contributed to this report.</p>\n'))
    // The findings did move: the fragment of seed 000 is two lines lower.
    const moved = factcheck(['--format', 'compact', '000_3f8e3d0fb9951cbf.txt'], {cwd: folder})
    expect(moved.stdout).toContain('000_3f8e3d0fb9951cbf.txt:31:1: warning fragment: Unexpected fragment `Jim Mattis in Islamabad on Monday.`')
    expect(factcheck(['--format', 'compact', '--baseline', 'baseline.json', ...seedNames], {cwd: folder})).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('should report exactly a new defect, and count only it in the exit code', () => {
    edit(path.join(folder, '004_dd9860ece21027d1.txt'), (text) => text + '\n\nThe the minister left Kuwait on Tuesday.\n')
    const lines = fs.readFileSync(path.join(folder, '004_dd9860ece21027d1.txt'), 'utf8').split('\n').length - 1
    expect(factcheck(['--format', 'compact', '--baseline', 'baseline.json', ...seedNames], {cwd: folder})).toEqual({
      code: 1,
      stdout: `004_dd9860ece21027d1.txt:${lines}:1: error repeated-word: Unexpected repeated \`the\`, remove one occurrence\n`,
      stderr: ''
    })
  })
})

describe('--baseline with a plain json report', () => {
  it('should match by file, rule and flagged text', () => {
    const folder = copySeeds()
    const json = factcheck(['--format', 'json', ...seedNames], {cwd: folder})
    fs.writeFileSync(path.join(folder, 'report.json'), json.stdout)
    expect(factcheck(['--baseline', 'report.json', ...seedNames], {cwd: folder})).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('--baseline bad input', () => {
  const folder = makeTempDir()
  fs.writeFileSync(path.join(folder, 'a.txt'), 'The the council met.\n')
  fs.writeFileSync(path.join(folder, 'stylish.txt'), 'a.txt\n  1:1-1:8  error  Unexpected repeated `The`  repeated-word  factcheck\n')
  fs.writeFileSync(path.join(folder, 'sarif.json'), '{"version": "2.1.0", "runs": []}')
  fs.writeFileSync(path.join(folder, 'odd.json'), '[{"path": "a.txt", "messages": [{"line": 1}]}]')

  it.each([
    ['missing.json', 'factcheck: missing.json: cannot read the baseline (no such file)\n'],
    ['stylish.txt', 'factcheck: stylish.txt: not a factcheck json report (not JSON)\n'],
    ['sarif.json', 'factcheck: sarif.json: not a factcheck json report (expected an array of {"path", "messages"})\n'],
    ['odd.json', 'factcheck: odd.json: not a factcheck json report (a message of a.txt has no "ruleId" or "reason")\n']
  ])('should exit 2 naming %s', (name, stderr) => {
    expect(factcheck(['--baseline', name, 'a.txt'], {cwd: folder})).toEqual({code: 2, stdout: '', stderr})
  })

  it('should exit 2 when the baseline cannot be written, and leave nothing behind', () => {
    expect(factcheck(['--write-baseline', 'no/such/base.json', 'a.txt'], {cwd: folder})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: no/such/base.json: cannot write the baseline (no such folder)\n'
    })
  })
})
