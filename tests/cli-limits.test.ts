/**
 * Limits instead of crashes: an article over `limits.maxBytes` (default
 * 2 MiB) or nested deeper than `limits.maxDepth` (default 100) gets one
 * message and is not linted; the run goes on with the other files, exits 2,
 * and says the same with one thread and with workers. Before, a 50 MB line
 * ran V8 out of memory (exit 134, no report) and 10,000 `>` or 2,000 nested
 * `<div>` overflowed the stack.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, ruleUrl, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const only = ['repeated-word']
const theThe = 'General Mattis stated that the the goal of his visit was to find common grounds.\n'

function notLinted(path: string, ruleId: string, reason: string) {
  return {path, messages: [{ruleId, source: 'factcheck', severity: 'error', reason, line: 1, column: 1, endLine: 1, endColumn: 1, expected: []}]}
}

const theTheMessage = {
  ruleId: 'repeated-word',
  source: 'factcheck',
  severity: 'error',
  reason: 'Unexpected repeated `the`, remove one occurrence',
  line: 1,
  column: 28,
  endLine: 1,
  endColumn: 35,
  url: ruleUrl('repeated-word'),
  actual: 'the the',
  expected: ['the']
}

/** 16 ordinary articles (enough for workers to start) and the ones past the limits. */
function folderWith(extra: Readonly<Record<string, string>>): string {
  const folder = makeTempDir()
  const ordinary = Object.fromEntries(Array.from({length: 16}, (_, index) => [`a${String(index).padStart(2, '0')}.txt`, theThe]))
  writeTree(folder, {...ordinary, ...extra})
  return folder
}

function lintBoth(folder: string, ...extra: string[]) {
  const [one, two] = ['1', '2'].map((jobs) => factcheck(['--format', 'json', '--jobs', jobs, ...extra, '.'], {cwd: folder, only, timeout: 120_000}))
  expect(two).toEqual(one)
  return {code: one.code, stderr: one.stderr, files: JSON.parse(one.stdout) as Array<{path: string; messages: unknown[]}>}
}

describe('article size and depth limits', () => {
  it('should not lint a 50 MB line, say why, and lint the other files, with one thread or two', () => {
    const folder = folderWith({'huge.txt': 'word '.repeat(10_000_000) + '\n'})
    const result = lintBoth(folder)
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: ''})
    expect(result.files).toHaveLength(17)
    expect(result.files.find((file) => file.path === 'huge.txt')).toEqual(
      notLinted('huge.txt', 'too-large', 'Not linted: 50,000,001 bytes, over the limit of 2,097,152 (`limits.maxBytes` in the config)')
    )
    expect(result.files.find((file) => file.path === 'a00.txt')).toEqual({path: 'a00.txt', messages: [theTheMessage]})
  })

  it('should not lint Markdown of 10,000 `>` or HTML of 2,000 nested <div>, and say why', () => {
    const folder = folderWith({
      'quotes.md': '>'.repeat(10_000) + ' The minister said.\n',
      'divs.html': '<div>'.repeat(2000) + 'The minister said.' + '</div>'.repeat(2000) + '\n'
    })
    const result = lintBoth(folder)
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: ''})
    const deep = 'Not linted: markup nested more than 100 levels deep (`limits.maxDepth` in the config)'
    expect(result.files.filter((file) => !file.path.startsWith('a'))).toEqual([notLinted('divs.html', 'too-deep', deep), notLinted('quotes.md', 'too-deep', deep)])
  })

  it('should not lint Markdown with more emphasis runs in one block than it can parse in time, and say why', () => {
    // `*a` 10,000 times took 33 s to parse; the same runs split into short paragraphs are linted.
    const folder = makeTempDir()
    writeTree(folder, {'stars.md': '*a'.repeat(10_000) + '\n', 'split.md': ('*a'.repeat(50) + '\n\n').repeat(200)})
    const started = Date.now()
    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only})
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual([
      {path: 'split.md', messages: []},
      notLinted('stars.md', 'too-deep', 'Not linted: more than 1,000 runs of `*` or `_` in one block, which Markdown parses in quadratic time (10 × `limits.maxDepth` in the config)')
    ])
  })

  it('should lint nesting real articles have: lists in quotes, tables, paragraphs left open', () => {
    const folder = makeTempDir()
    writeTree(folder, {
      'a.md': '> - ' + theThe + '>   - ' + theThe,
      'b.html': '<table><tr><td><p>' + theThe + '<tr><td>x</table>' + '<ul>' + '<li>item'.repeat(500) + '</ul>' + '<p>x'.repeat(500) + '<br><img src=a>'.repeat(500)
    })
    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only})
    expect(result.code).toBe(1)
    expect((JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string}>}>).map((file) => file.messages.map((message) => message.ruleId))).toEqual([
      ['repeated-word', 'repeated-word'],
      ['repeated-word']
    ])
  })

  it('should take its limits from the config, and refuse limits that are not whole numbers', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a.md': '> > > The minister said.\n', 'b.txt': theThe, '.factcheckrc.json': '{"limits": {"maxDepth": 2, "maxBytes": 60}}'})
    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only})
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual([
      notLinted('a.md', 'too-deep', 'Not linted: markup nested more than 2 levels deep (`limits.maxDepth` in the config)'),
      notLinted('b.txt', 'too-large', 'Not linted: 81 bytes, over the limit of 60 (`limits.maxBytes` in the config)')
    ])
    writeTree(folder, {'.factcheckrc.json': '{"limits": {"maxBytes": "2MB"}}'})
    expect(factcheck(['.'], {cwd: folder, only})).toEqual({code: 2, stdout: '', stderr: 'factcheck: .factcheckrc.json: `limits.maxBytes` is "2MB": expected a whole number from 1\n'})
    writeTree(folder, {'.factcheckrc.json': '{"limits": {"maxDept": 5}}'})
    expect(factcheck(['.'], {cwd: folder, only})).toEqual({code: 2, stdout: '', stderr: 'factcheck: .factcheckrc.json: unknown key `limits.maxDept` (did you mean `maxDepth`?)\n'})
  })
})
