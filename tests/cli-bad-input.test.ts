/**
 * Bad input to the CLI (SPEC section 1): empty, binary, badly encoded, BOM,
 * CRLF, huge, missing and unreadable articles, and bad flags. Inputs are
 * generated in temporary folders; every test runs the built command and checks
 * exit code, stdout and stderr together.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, root, ruleUrl, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const only = ['repeated-word']
/** Seed line 11 with a doubled word: "…stated that the the goal…" (columns 28–35). */
const theThe = 'General Mattis stated that the the goal of his visit was to find common grounds.'
const headline = 'Mattis seeks more cooperation with Pakistan on terror fight'

/** The `json` message for a `the the` at `line:column`. */
function theTheMessage(line: number, column: number) {
  return {
    ruleId: 'repeated-word',
    source: 'factcheck',
    severity: 'error',
    reason: 'Unexpected repeated `the`, remove one occurrence',
    line,
    column,
    endLine: line,
    endColumn: column + 'the the'.length,
    url: ruleUrl('repeated-word'),
    actual: 'the the',
    expected: ['the']
  }
}

interface JsonFile {
  path: string
  messages: Array<Record<string, unknown>>
}

function parse(stdout: string): JsonFile[] {
  return JSON.parse(stdout) as JsonFile[]
}

describe('factcheck on empty and odd text', () => {
  it('should report nothing for an empty file and a whitespace-only file', () => {
    const folder = makeTempDir()
    writeTree(folder, {'empty.txt': '', 'blank.md': '  \n\n\t\n', 'blank.html': '\n \n'})
    expect(factcheck(['--format', 'json', '.'], {cwd: folder})).toEqual({
      code: 0,
      stdout: '[\n{"path":"blank.html","messages":[]},\n{"path":"blank.md","messages":[]},\n{"path":"empty.txt","messages":[]}\n]\n',
      stderr: ''
    })
  })

  it('should give a binary file (NUL bytes) one unreadable error, lint the other files and exit 2', () => {
    const folder = makeTempDir()
    const binary = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(8), Buffer.from(headline)])
    writeTree(folder, {'a.txt': theThe + '\n', 'b.txt': binary})

    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only})
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: ''})
    expect(parse(result.stdout)).toEqual([
      {path: 'a.txt', messages: [theTheMessage(1, 28)]},
      {
        path: 'b.txt',
        messages: [
          {
            ruleId: 'unreadable',
            source: 'factcheck',
            severity: 'error',
            reason: 'Cannot lint `b.txt`: binary content (NUL byte at byte 4), not text',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            expected: []
          }
        ]
      }
    ])

    const stylish = factcheck(['b.txt'], {cwd: folder, only})
    expect(stylish).toEqual({
      code: 2,
      stdout: 'b.txt\n1:1 error Cannot lint `b.txt`: binary content (NUL byte at byte 4), not text unreadable\n\n✖ 1 error\n1 unreadable\n',
      stderr: ''
    })
  })

  it('should warn about invalid UTF-8 at its first bad byte (encoding) and still lint the file', () => {
    const folder = makeTempDir()
    // A Latin-1 pound sign (0xA3) pasted into UTF-8 text.
    const bytes = Buffer.concat([
      Buffer.from(headline + '\n\nWayne Rooney'),
      Buffer.from([0xa3]),
      Buffer.from('300,000 a week was the the offer.\n')
    ])
    writeTree(folder, {'latin.txt': bytes})

    const result = factcheck(['--format', 'json', 'latin.txt'], {cwd: folder, only})
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 1, stderr: ''})
    const byte = headline.length + 2 + 'Wayne Rooney'.length
    expect(parse(result.stdout)).toEqual([
      {
        path: 'latin.txt',
        messages: [
          {
            ruleId: 'encoding',
            source: 'factcheck',
            severity: 'warning',
            reason: `Invalid UTF-8 byte 0xA3 at byte ${byte}, read as U+FFFD`,
            line: 3,
            column: 13,
            endLine: 3,
            endColumn: 13,
            expected: []
          },
          // The bad byte became one character (U+FFFD): columns after it are those of the text.
          theTheMessage(3, 'Wayne Rooney\uFFFD300,000 a week was '.length + 1)
        ]
      }
    ])
  })

  it('should not shift positions on line 1 after a BOM', () => {
    const folder = makeTempDir()
    writeTree(folder, {'plain.txt': theThe + '\n', 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(theThe + '\n')])})
    const result = factcheck(['--format', 'json', 'bom.txt', 'plain.txt'], {cwd: folder, only})
    expect(result).toEqual({
      code: 1,
      stdout: `[\n${JSON.stringify({path: 'bom.txt', messages: [theTheMessage(1, 28)]})},\n${JSON.stringify({path: 'plain.txt', messages: [theTheMessage(1, 28)]})}\n]\n`,
      stderr: ''
    })
  })

  it('should give the same positions with CRLF line endings as with LF', () => {
    const folder = makeTempDir()
    const lines = [headline, '', theThe, '', 'Pakistan denies the charge.', '']
    writeTree(folder, {'crlf.txt': lines.join('\r\n'), 'lf.txt': lines.join('\n')})
    const result = factcheck(['--format', 'json', 'crlf.txt', 'lf.txt'], {cwd: folder, only})
    expect(result).toEqual({
      code: 1,
      stdout: `[\n${JSON.stringify({path: 'crlf.txt', messages: [theTheMessage(3, 28)]})},\n${JSON.stringify({path: 'lf.txt', messages: [theTheMessage(3, 28)]})}\n]\n`,
      stderr: ''
    })
  })

  // Speed is measured by `npm run bench`, not here: this only checks that a huge article completes.
  it('should lint a 5 MB article to the end with exact positions', () => {
    const folder = makeTempDir()
    const seed = fs.readFileSync(path.join(root, 'articles/000_3f8e3d0fb9951cbf.txt'), 'utf8')
    const paragraphs = seed.split(/\n\n+/).filter((paragraph) => paragraph.trim() !== '')
    const chunks: string[] = []
    let size = 0
    for (let index = 0; size < 5 * 1024 * 1024; index++) {
      const paragraph = paragraphs[index % paragraphs.length]
      chunks.push(paragraph)
      size += Buffer.byteLength(paragraph) + 2
    }
    chunks.push(theThe)
    // Past the default `limits.maxBytes` (2 MiB, see cli-limits.test.ts): raised, since here the size is the point.
    writeTree(folder, {'big.txt': chunks.join('\n\n') + '\n', '.factcheckrc.json': '{"limits": {"maxBytes": 8388608}}'})

    const result = factcheck(['--format', 'json', 'big.txt'], {cwd: folder, only})
    const [file] = parse(result.stdout)
    const errors = file.messages.filter((message) => message.severity === 'error')
    expect({code: result.code, stderr: result.stderr}).toEqual({code: errors.length > 0 ? 1 : 0, stderr: ''})
    expect(file.messages).toContainEqual(theTheMessage(chunks.length * 2 - 1, 28))
  }, 120_000)
})

describe('factcheck on missing and unreadable paths', () => {
  it('should name a missing path on stderr, lint the other paths and exit 2', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a.txt': theThe + '\n'})
    expect(factcheck(['nope.txt', 'a.txt'], {cwd: folder, only})).toEqual({
      code: 2,
      stdout: 'a.txt\n1:28-1:35 error Unexpected repeated `the`, remove one occurrence repeated-word\n\n✖ 1 error\n1 repeated-word\n',
      stderr: 'factcheck: nope.txt: no such file or folder\n'
    })
  })

  it('should fail with exit 2 on a folder with no articles', () => {
    const folder = makeTempDir()
    writeTree(folder, {'notes/readme.json': '{}\n', 'notes/.hidden/a.txt': theThe + '\n'})
    fs.mkdirSync(path.join(folder, 'empty'))
    expect(factcheck(['empty', 'notes'], {cwd: folder, only})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: empty: no articles found in this folder\nfactcheck: notes: no articles found in this folder\n'
    })
  })

  it('should give an unreadable file one unreadable error, lint the other files and exit 2', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a.txt': theThe + '\n'})
    const target = path.join(folder, 'b.txt')
    let problem: string
    if (process.getuid?.() === 0) {
      // Root reads a file whatever its mode, so `chmod 000` proves nothing: use a file that no
      // one can read (reading /proc/self/mem at offset 0 fails with EIO).
      if (!fs.existsSync('/proc/self/mem')) return
      fs.symlinkSync('/proc/self/mem', target)
      problem = 'cannot read file (EIO)'
    } else {
      fs.writeFileSync(target, headline + '\n')
      fs.chmodSync(target, 0o000)
      problem = 'permission denied'
    }

    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only})
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: ''})
    expect(parse(result.stdout)).toEqual([
      {path: 'a.txt', messages: [theTheMessage(1, 28)]},
      {
        path: 'b.txt',
        messages: [
          {
            ruleId: 'unreadable',
            source: 'factcheck',
            severity: 'error',
            reason: `Cannot lint \`b.txt\`: ${problem}`,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            expected: []
          }
        ]
      }
    ])
  })
})

describe('factcheck on bad flags', () => {
  it('should refuse an unknown flag in one line, with the nearest flag and no stack trace', () => {
    expect(factcheck(['--formt', 'json', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: unknown flag `--formt` (did you mean `--format`?); see --help\n'
    })
    expect(factcheck(['-x'])).toEqual({code: 2, stdout: '', stderr: 'factcheck: unknown flag `-x`; see --help\n'})
  })

  it('should refuse a flag without its value', () => {
    expect(factcheck(['articles/', '--format'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "factcheck: Option '-f, --format <value>' argument missing (see --help)\n"
    })
  })

  it('should refuse an unknown --format', () => {
    expect(factcheck(['--format', 'xml', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: unknown format `xml` (did you mean `html`?); expected stylish, json, lsp, compact, github, sarif, html or quotes\n'
    })
    expect(factcheck(['--format', 'jsn', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: unknown format `jsn` (did you mean `json`?); expected stylish, json, lsp, compact, github, sarif, html or quotes\n'
    })
  })

  it('should refuse an unknown rule in --rule, suggesting the nearest id', () => {
    expect(factcheck(['--rule', 'repeated-wrd=warn', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --rule: unknown rule `repeated-wrd` (did you mean `repeated-word`?)\n'
    })
  })

  it('should refuse a malformed --rule', () => {
    expect(factcheck(['--rule', 'repeated-word', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --rule: expected `ID=SEVERITY`, got `repeated-word`\n'
    })
    expect(factcheck(['--rule', 'repeated-word=loud', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --rule: `repeated-word` has severity "loud", expected one of `off`, `info`, `warn`, `error`\n'
    })
    expect(factcheck(['--rule', 'readability=["info",{"age":"old"}]', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --rule: `readability.age` is "old": expected a number\n'
    })
    expect(factcheck(['--rule', 'readability=["info",', 'articles/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --rule: invalid JSON in `readability=["info",`\n'
    })
  })
})
