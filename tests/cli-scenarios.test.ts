/**
 * CLI scenarios (SPEC sections 1, 2 and 5): each runs the built command on a
 * folder tree in `tests/cli/<scenario>/` (rc and ignore files, short article
 * excerpts) or on a temporary folder, and checks exit code, stdout and stderr
 * together.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {defaultsOf} from '../src/rule-api/options.js'
import {bin, factcheck, makeTempDir, offFlags, removeTempDirs, root, ruleUrl, scenarios, shell, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const reason = 'Unexpected repeated `the`, remove one occurrence'
/** The `the the` of every scenario article: "General Mattis stated that the the goal …". */
const theThe = (severity: string) => `1:28-1:35 ${severity} ${reason} repeated-word`
const only = ['repeated-word']

describe('factcheck paths, folders and globs', () => {
  const walk = path.join(scenarios, 'walk')
  const walked = ['a.txt', 'b.md', 'c.html', 'sub/d.markdown', 'sub/deeper/e.htm']

  it('should lint every article of a folder, recursively and sorted, skipping dot-folders and node_modules', () => {
    const folder = makeTempDir()
    fs.cpSync(walk, folder, {recursive: true})
    writeTree(folder, {'node_modules/pkg/g.txt': 'Pakistan denies the charge.\n'})

    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only: []})
    expect(result).toEqual({code: 0, stdout: jsonOf(walked.map((name) => ({path: name, messages: []}))), stderr: ''})
  })

  it('should default to the current folder', () => {
    expect(factcheck(['--format', 'json'], {cwd: walk, only: []})).toEqual({
      code: 0,
      stdout: jsonOf(walked.map((name) => ({path: name, messages: []}))),
      stderr: ''
    })
  })

  it('should lint a file in a dot-folder when it is named explicitly', () => {
    expect(factcheck(['--format', 'json', '.drafts/f.txt'], {cwd: walk, only: []})).toEqual({
      code: 0,
      stdout: jsonOf([{path: '.drafts/f.txt', messages: []}]),
      stderr: ''
    })
  })

  it('should expand a glob such as articles/*.md', () => {
    const result = factcheck(['--format', 'json', 'articles/*.md'], {only: []})
    expect(result).toEqual({
      code: 0,
      stdout: jsonOf([
        {path: 'articles/000_3f8e3d0fb9951cbf.md', messages: []},
        {path: 'articles/004_dd9860ece21027d1.md', messages: []}
      ]),
      stderr: ''
    })
  })

  it('should skip dot-folders in a ** glob', () => {
    const result = factcheck(['--format', 'json', '**/*.txt'], {cwd: walk, only: []})
    expect(result).toEqual({code: 0, stdout: jsonOf([{path: 'a.txt', messages: []}]), stderr: ''})
  })

  it('should fail with exit 2 when a glob matches no article', () => {
    expect(factcheck(['*.htm'], {cwd: walk, only: []})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: *.htm: no articles match this pattern\n'
    })
  })

  it('should refuse a file named explicitly that is not an article, and lint the others', () => {
    expect(factcheck(['--format', 'json', 'notes.json', 'a.txt'], {cwd: walk, only: []})).toEqual({
      code: 2,
      stdout: jsonOf([{path: 'a.txt', messages: []}]),
      stderr: 'factcheck: notes.json: not an article file (.txt, .md, .markdown, .html, .htm)\n'
    })
  })

  it('should list every article of articles/ (text, Markdown and HTML of each seed) in sorted order', () => {
    const result = factcheck(['--format', 'json', 'articles/'])
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{severity: string}>}>
    const errors = report.some((file) => file.messages.some((message) => message.severity === 'error'))
    expect({code: result.code, paths: report.map((file) => file.path), stderr: result.stderr}).toEqual({
      code: errors ? 1 : 0,
      paths: [
        'articles/000_3f8e3d0fb9951cbf.html',
        'articles/000_3f8e3d0fb9951cbf.md',
        'articles/000_3f8e3d0fb9951cbf.txt',
        'articles/004_dd9860ece21027d1.html',
        'articles/004_dd9860ece21027d1.md',
        'articles/004_dd9860ece21027d1.txt'
      ],
      stderr: ''
    })
  })
})

describe('factcheck ignore files and config ignore', () => {
  const ignore = path.join(scenarios, 'ignore')

  it('should skip what the nearest .factcheckignore (relative to its folder) and the config ignore match', () => {
    // Run from the repository root: patterns are relative to their file, not to the working folder.
    const result = factcheck(['--format', 'json', 'tests/cli/ignore'], {only: []})
    expect(result).toEqual({
      code: 0,
      stdout: jsonOf([
        {path: 'tests/cli/ignore/keep.txt', messages: []},
        // sub/.factcheckignore is nearer than ../.factcheckignore, so `draft-*.txt` no longer applies.
        {path: 'tests/cli/ignore/sub/draft-2.txt', messages: []},
        // `/top.txt` is anchored to the folder of its ignore file.
        {path: 'tests/cli/ignore/sub/top.txt', messages: []}
      ]),
      stderr: ''
    })
  })

  it.each([
    ['an ignore file', 'draft-1.txt'],
    ['an anchored pattern', 'top.txt'],
    ['a nested ignore file', 'sub/local.txt'],
    ['the config ignore', 'archive/old.txt'],
    ['the config ignore (a folder)', 'archive']
  ])('should skip a path named explicitly but matched by %s silently', (_, name) => {
    expect(factcheck([name], {cwd: ignore, only})).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('should skip an ignored stdin name silently', () => {
    const result = factcheck(['--stdin', '--stdin-filename', 'archive/new.txt'], {cwd: ignore, input: 'the the\n', only})
    expect(result).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('factcheck config discovery', () => {
  const config = path.join(scenarios, 'config')

  it('should find .factcheckrc.json, .factcheckrc and package.json#factcheck upward, nearest first', () => {
    expect(factcheck([], {cwd: config, only})).toEqual({
      code: 1,
      stdout: [
        'a.txt',
        theThe('warning'),
        '',
        // package.json with a `factcheck` field.
        'package/a.txt',
        theThe('error'),
        '',
        // package.json without the field is passed over: the parent's .factcheckrc.json applies.
        'plain-package/a.txt',
        theThe('warning'),
        '',
        'rc/a.txt',
        theThe('info'),
        '',
        'rc/deeper/a.txt',
        theThe('info'),
        '',
        '✖ 1 error, ⚠ 2 warnings, ℹ 2 infos',
        '5 repeated-word',
        ''
      ].join('\n'),
      stderr: ''
    })
  })

  it('should use --config instead of discovery', () => {
    const result = factcheck(['--format', 'json', '--config', 'shared.json'], {cwd: config, only})
    expect(result).toEqual({
      code: 0,
      stdout: jsonOf(['a.txt', 'package/a.txt', 'plain-package/a.txt', 'rc/a.txt', 'rc/deeper/a.txt'].map((name) => ({path: name, messages: []}))),
      stderr: ''
    })
  })

  it('should fail with exit 2 when --config names a missing file', () => {
    expect(factcheck(['--config', 'nope.json', 'a.txt'], {cwd: config, only})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: nope.json: cannot read config: ENOENT\n'
    })
  })

  it('should let --rule ID=SEVERITY override every config', () => {
    expect(factcheck(['--rule', 'repeated-word=error', 'rc/a.txt', 'package/a.txt'], {cwd: config, only})).toEqual({
      code: 1,
      stdout: ['rc/a.txt', theThe('error'), '', 'package/a.txt', theThe('error'), '', '✖ 2 errors', '2 repeated-word', ''].join('\n'),
      stderr: ''
    })
    expect(factcheck(['--rule', 'repeated-word=off', 'rc/a.txt', 'package/a.txt'], {cwd: config, only})).toEqual({
      code: 0,
      stdout: '',
      stderr: ''
    })
  })

  it('should print the resolved config for a file with --print-config, --rule options included', () => {
    const result = factcheck(['--print-config', 'rc/deeper/a.txt', '--rule', 'readability=["info",{"age":18}]'], {cwd: config})
    const expected = {
      configFile: 'rc/.factcheckrc',
      rules: Object.fromEntries(
        rules.map((rule) => {
          const id = rule.meta.id
          const options = {...defaultsOf(rule.meta.options), ...(id === 'readability' ? {age: 18} : {})}
          return [id, [id === 'repeated-word' ? 'info' : rule.meta.severity, options]]
        })
      ),
      people: {},
      ignore: [],
      limits: {maxBytes: 2_097_152, maxDepth: 100}
    }
    expect(result).toEqual({code: 0, stdout: JSON.stringify(expected, null, 2) + '\n', stderr: ''})
  })

  it('should list every rule with its default severity and summary', () => {
    const width = Math.max(...rules.map((rule) => rule.meta.id.length)) + 2
    const lines = rules.map((rule) => rule.meta.id.padEnd(width) + rule.meta.severity.padEnd(7) + rule.meta.summary + '\n')
    const result = factcheck(['--list-rules'])
    expect(result).toEqual({code: 0, stdout: lines.join(''), stderr: ''})
    expect(result.stdout).toMatch(/^repeated-word +error +a word repeated right after itself/m)
  })
})

describe('factcheck bad configs', () => {
  const bad = path.join(scenarios, 'bad-config')
  const ok = ['ok/a.txt', theThe('warning'), '', '⚠ 1 warning', '1 repeated-word', ''].join('\n')

  it.each([
    ['invalid JSON', 'invalid-json', /^factcheck: invalid-json\/\.factcheckrc\.json: invalid JSON: .+ at 4:3\n$/],
    ['an unknown top-level key', 'unknown-key', 'factcheck: unknown-key/.factcheckrc.json: unknown key `rulez` (did you mean `rules`?)\n'],
    [
      'an unknown rule id',
      'unknown-rule',
      'factcheck: unknown-rule/.factcheckrc.json: unknown rule `repeated-wrd` (did you mean `repeated-word`?)\n'
    ],
    [
      'a bad severity',
      'bad-severity',
      'factcheck: bad-severity/.factcheckrc.json: `rules.repeated-word` has severity "warning", expected one of `off`, `info`, `warn`, `error`\n'
    ],
    [
      'an unknown option',
      'unknown-option',
      'factcheck: unknown-option/.factcheckrc.json: unknown option `rules.readability.agee` (did you mean `age`?)\n'
    ],
    ['an option of the wrong type', 'wrong-type', 'factcheck: wrong-type/.factcheckrc.json: `rules.readability.age` is "old": expected a number\n']
  ])('should report %s in one line naming the file, exit 2 and still lint files under other configs', (_, folder, stderr) => {
    const result = factcheck([folder, 'ok'], {cwd: bad, only})
    expect({code: result.code, stdout: result.stdout}).toEqual({code: 2, stdout: ok})
    if (typeof stderr === 'string') expect(result.stderr).toBe(stderr)
    else expect(result.stderr).toMatch(stderr)
  })

  it('should report each broken config once, in walk order, over a whole tree', () => {
    const result = factcheck([], {cwd: bad, only})
    expect({code: result.code, stdout: result.stdout}).toEqual({code: 2, stdout: ok})
    expect(result.stderr.split('\n').map((line) => line.split(':')[1])).toEqual([
      ' bad-severity/.factcheckrc.json',
      ' invalid-json/.factcheckrc.json',
      ' unknown-key/.factcheckrc.json',
      ' unknown-option/.factcheckrc.json',
      ' unknown-rule/.factcheckrc.json',
      ' wrong-type/.factcheckrc.json',
      undefined
    ])
  })

  it('should report a broken --config file before linting anything', () => {
    expect(factcheck(['--config', 'unknown-key/.factcheckrc.json', 'ok'], {cwd: bad, only})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: unknown-key/.factcheckrc.json: unknown key `rulez` (did you mean `rules`?)\n'
    })
  })

  it('should report a broken config for --print-config', () => {
    expect(factcheck(['--print-config', 'unknown-rule/a.txt'], {cwd: bad})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: unknown-rule/.factcheckrc.json: unknown rule `repeated-wrd` (did you mean `repeated-word`?)\n'
    })
  })
})

describe('factcheck reports', () => {
  const reports = path.join(scenarios, 'reports')
  const article = path.join(reports, 'article.txt')
  const jsonMessage = {
    ruleId: 'repeated-word',
    source: 'factcheck',
    severity: 'error',
    reason,
    line: 3,
    column: 28,
    endLine: 3,
    endColumn: 35,
    url: ruleUrl('repeated-word'),
    actual: 'the the',
    expected: ['the']
  }

  it('should write --format json as one entry per file with every documented field', () => {
    const result = factcheck(['--format', 'json', 'article.txt'], {cwd: reports, only})
    expect(result).toEqual({code: 1, stdout: jsonOf([{path: 'article.txt', messages: [jsonMessage]}]), stderr: ''})

    const [message] = (JSON.parse(result.stdout) as Array<{messages: Array<Record<string, unknown>>}>)[0].messages
    expect(Object.keys(message)).toEqual(Object.keys(jsonMessage))
    expect(message.url).toMatch(/^file:\/\/.*\/rules\/repeated-word\.md$/)
  })

  it('should write --format lsp as PublishDiagnosticsParams with 0-based ranges and severity numbers', () => {
    const result = factcheck(['--format', 'lsp', '--rule', 'readability=["warn",{"age":16}]', 'article.txt'], {cwd: reports, only: ['repeated-word', 'readability']})
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 1, stderr: ''})
    expect(JSON.parse(result.stdout)).toEqual([
      {
        uri: pathToFileURL(article).href,
        diagnostics: [
          {
            range: {start: {line: 2, character: 27}, end: {line: 2, character: 34}},
            severity: 1,
            code: 'repeated-word',
            codeDescription: {href: ruleUrl('repeated-word')},
            source: 'factcheck',
            message: reason,
            data: {expected: ['the'], actual: 'the the'}
          },
          {
            range: {start: {line: 4, character: 0}, end: {line: 4, character: 228}},
            severity: 2,
            code: 'readability',
            codeDescription: {href: ruleUrl('readability')},
            source: 'factcheck',
            message: 'Unexpected hard to read sentence, according to 5 out of 7 algorithms',
            data: {expected: [], actual: expect.stringMatching(/^A Pentagon statement said/) as unknown}
          }
        ]
      }
    ])

    const infos = factcheck(['--format', 'lsp', 'article.txt'], {cwd: reports, only: ['repeated-word', 'readability']})
    const [file] = JSON.parse(infos.stdout) as Array<{diagnostics: Array<{code: string; severity: number}>}>
    expect(file.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['repeated-word', 1],
      ['readability', 3]
    ])
  })

  it('should show errors only with --quiet', () => {
    const result = factcheck(['--quiet', '--rule', 'readability=["warn",{"age":16}]', 'article.txt'], {cwd: reports, only: ['repeated-word', 'readability']})
    expect(result).toEqual({
      code: 1,
      stdout: ['article.txt', `3:28-3:35 error ${reason} repeated-word`, '', '✖ 1 error', '1 repeated-word', ''].join('\n'),
      stderr: ''
    })
  })

  it('should show errors, warnings and infos in stylish by default', () => {
    const result = factcheck(['--rule', 'readability=["warn",{"age":16}]', 'article.txt'], {cwd: reports, only: ['repeated-word', 'readability']})
    expect(result).toEqual({
      code: 1,
      stdout: [
        'article.txt',
        `3:28-3:35 error   ${reason}                     repeated-word`,
        '5:1-5:229 warning Unexpected hard to read sentence, according to 5 out of 7 algorithms readability',
        '',
        '✖ 1 error, ⚠ 1 warning',
        '1 readability, 1 repeated-word',
        ''
      ].join('\n'),
      stderr: ''
    })
  })

  it('should fail with exit 1 when warnings exceed --max-warnings, and pass when they do not', () => {
    const warn = ['--rule', 'repeated-word=warn', 'article.txt']
    const report = ['article.txt', `3:28-3:35 warning ${reason} repeated-word`, '', '⚠ 1 warning', '1 repeated-word', ''].join('\n')
    expect(factcheck(['--max-warnings', '0', ...warn], {cwd: reports, only})).toEqual({
      code: 1,
      stdout: report,
      stderr: 'factcheck: 1 warning, more than --max-warnings 0\n'
    })
    expect(factcheck(['--max-warnings', '1', ...warn], {cwd: reports, only})).toEqual({code: 0, stdout: report, stderr: ''})

    const two = factcheck(['--max-warnings', '1', '--rule', 'readability=["warn",{"age":16}]', ...warn], {cwd: reports, only: ['repeated-word', 'readability']})
    expect({code: two.code, stderr: two.stderr}).toEqual({code: 1, stderr: 'factcheck: 2 warnings, more than --max-warnings 1\n'})
  })

  it('should refuse a --max-warnings that is not a whole number', () => {
    expect(factcheck(['--max-warnings', 'ten', 'article.txt'], {cwd: reports, only})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --max-warnings expects a whole number, got `ten`\n'
    })
  })

  it('should exit 0 without errors, 1 with lint errors and 2 on an I/O failure', () => {
    const walk = path.join(scenarios, 'walk')
    expect(factcheck(['a.txt'], {cwd: walk, only})).toEqual({code: 0, stdout: '', stderr: ''})
    expect(factcheck(['--rule', 'repeated-word=info', 'article.txt'], {cwd: reports, only}).code).toBe(0)
    expect(factcheck(['article.txt'], {cwd: reports, only}).code).toBe(1)
    expect(factcheck(['article.txt', 'nope.txt'], {cwd: reports, only}).code).toBe(2)
  })

  it('should write --output atomically: complete, replacing the old file, no temporary file left', () => {
    const folder = makeTempDir()
    const target = path.join(folder, 'report.json')
    fs.writeFileSync(target, 'old report\n')

    const result = factcheck(['--format', 'json', '--output', target, 'article.txt'], {cwd: reports, only})
    expect(result).toEqual({code: 1, stdout: '', stderr: ''})
    expect(fs.readdirSync(folder)).toEqual(['report.json'])
    expect(fs.readFileSync(target, 'utf8')).toBe(jsonOf([{path: 'article.txt', messages: [jsonMessage]}]))
  })

  it('should write --output through symbolic links, even dangling ones, and keep the links', () => {
    const folder = makeTempDir()
    fs.writeFileSync(path.join(folder, 'report.json'), 'old report\n')
    fs.symlinkSync('report.json', path.join(folder, 'latest.json'))
    fs.symlinkSync('next.json', path.join(folder, 'pending.json'))
    const report = jsonOf([{path: 'article.txt', messages: [jsonMessage]}])

    expect(factcheck(['--format', 'json', '--output', path.join(folder, 'latest.json'), 'article.txt'], {cwd: reports, only}).code).toBe(1)
    expect(factcheck(['--format', 'json', '--output', path.join(folder, 'pending.json'), 'article.txt'], {cwd: reports, only}).code).toBe(1)
    expect(fs.readFileSync(path.join(folder, 'report.json'), 'utf8')).toBe(report)
    expect(fs.readFileSync(path.join(folder, 'next.json'), 'utf8')).toBe(report)
    expect(fs.readlinkSync(path.join(folder, 'latest.json'))).toBe('report.json')
    expect(fs.readlinkSync(path.join(folder, 'pending.json'))).toBe('next.json')
    expect(fs.readdirSync(folder).sort()).toEqual(['latest.json', 'next.json', 'pending.json', 'report.json'])
  })

  it('should write --output into a named pipe in place, not rename a file over it', () => {
    // A pipe, not /dev/null: a regression here must not replace a device of the machine running the tests.
    const folder = makeTempDir()
    const [pipe, received] = [path.join(folder, 'pipe'), path.join(folder, 'received.json')]
    const command = `mkfifo '${pipe}' && { cat '${pipe}' > '${received}' & } && '${process.execPath}' '${bin}' ${offFlags(only).join(' ')} --format json --output '${pipe}' article.txt; echo "exit $?"; wait`
    expect(shell(command, reports)).toEqual({code: 0, stdout: 'exit 1\n', stderr: ''})
    expect(fs.statSync(pipe).isFIFO()).toBe(true)
    expect(fs.readFileSync(received, 'utf8')).toBe(jsonOf([{path: 'article.txt', messages: [jsonMessage]}]))
    expect(fs.readdirSync(folder).sort()).toEqual(['pipe', 'received.json'])
  })

  it('should fail with exit 2 and one line when --output is in a missing folder or is a folder', () => {
    const folder = makeTempDir()
    expect(factcheck(['--output', path.join(folder, 'missing/report.txt'), 'article.txt'], {cwd: reports, only})).toEqual({
      code: 2,
      stdout: '',
      stderr: `factcheck: ${path.join(folder, 'missing/report.txt')}: cannot write the report (no such folder)\n`
    })
    expect(factcheck(['--output', folder, 'article.txt'], {cwd: reports, only})).toEqual({
      code: 2,
      stdout: '',
      stderr: `factcheck: ${folder}: cannot write the report (is a folder)\n`
    })
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it('should leave no temporary file behind when a run with --output fails on its config', () => {
    const folder = makeTempDir()
    const target = path.join(folder, 'report.json')
    const result = factcheck(['--output', target, '--config', 'nope.json', 'article.txt'], {cwd: reports, only})
    expect(result).toEqual({code: 2, stdout: '', stderr: 'factcheck: nope.json: cannot read config: ENOENT\n'})
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it('should compare --help with the golden file tests/cli/help.txt', () => {
    const golden = fs.readFileSync(path.join(scenarios, 'help.txt'), 'utf8')
    expect(factcheck(['--help'])).toEqual({code: 0, stdout: golden, stderr: ''})
    expect(factcheck(['-h'])).toEqual({code: 0, stdout: golden, stderr: ''})
  })

  it('should end quietly when the reader closes the pipe', () => {
    expect(shell(`"${process.execPath}" dist/bundle/bin.js --format json articles/ | head -c 10`)).toEqual({
      code: 0,
      stdout: '[\n{"path":',
      stderr: ''
    })

    // Output larger than a pipe buffer, so the writes after `head` exits really fail with EPIPE.
    const folder = makeTempDir()
    const seed = fs.readFileSync(path.join(root, 'articles/000_3f8e3d0fb9951cbf.txt'))
    for (let index = 0; index < 40; index++) fs.writeFileSync(path.join(folder, `copy-${String(index).padStart(2, '0')}.txt`), seed)
    const bigger = shell(`"${process.execPath}" "${path.join(root, 'dist/bundle/bin.js')}" --format json . | head -c 10`, folder)
    expect(bigger).toEqual({code: 0, stdout: '[\n{"path":', stderr: ''})
    const stylish = shell(`"${process.execPath}" "${path.join(root, 'dist/bundle/bin.js')}" . | head -1`, folder)
    expect(stylish).toEqual({code: 0, stdout: 'copy-00.txt\n', stderr: ''})
  })
})

describe('factcheck --stdin', () => {
  const config = path.join(scenarios, 'config')
  const text = 'General Mattis stated that the the goal of his visit was to find common grounds.\n'

  it('should lint standard input as plain text named stdin.txt, with the config of the working folder', () => {
    expect(factcheck(['--stdin'], {cwd: config, input: text, only})).toEqual({
      code: 0,
      stdout: ['stdin.txt', theThe('warning'), '', '⚠ 1 warning', '1 repeated-word', ''].join('\n'),
      stderr: ''
    })
  })

  it('should pick the Markdown parser from a .md --stdin-filename and report source columns', () => {
    const markdown = 'General Mattis stated that *the the* goal of his visit was to find common grounds.\n'
    const result = factcheck(['--stdin', '--stdin-filename', 'doc.md', '--format', 'json'], {cwd: config, input: markdown, only})
    const message = {
      ruleId: 'repeated-word',
      source: 'factcheck',
      severity: 'warning',
      reason,
      line: 1,
      column: 29,
      endLine: 1,
      endColumn: 36,
      url: ruleUrl('repeated-word'),
      actual: 'the the',
      expected: ['the']
    }
    expect(result).toEqual({code: 0, stdout: jsonOf([{path: 'doc.md', messages: [message]}]), stderr: ''})
  })

  it('should pick the config from the folder of --stdin-filename', () => {
    expect(factcheck(['--stdin', '--stdin-filename', 'package/doc.txt'], {cwd: config, input: text, only})).toEqual({
      code: 1,
      stdout: ['package/doc.txt', theThe('error'), '', '✖ 1 error', '1 repeated-word', ''].join('\n'),
      stderr: ''
    })
  })

  it('should refuse paths with --stdin and --stdin-filename without --stdin', () => {
    expect(factcheck(['--stdin', 'a.txt'], {cwd: config, input: text})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --stdin takes no paths\n'
    })
    expect(factcheck(['--stdin-filename', 'doc.md', 'a.txt'], {cwd: config})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --stdin-filename needs --stdin\n'
    })
  })
})

/** The `json` report for these entries, byte for byte: one entry a line. */
function jsonOf(entries: readonly unknown[]): string {
  return entries.length === 0 ? '[]\n' : '[\n' + entries.map((entry) => JSON.stringify(entry)).join(',\n') + '\n]\n'
}
