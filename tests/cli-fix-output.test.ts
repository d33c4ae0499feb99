/**
 * `--fix-dry-run` and `--stdin --fix` (issue 19): what `--fix` would change,
 * as a unified diff or as the fixed text on stdout, with the report on stderr
 * and no file written, as ESLint and Prettier users expect of editor
 * integrations.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs} from './cli-helpers.js'

afterAll(removeTempDirs)

// Seed 000, line 7, with the repeated `the` of tests/cli/reports; and seed 000's "Latest News" furniture.
const broken = 'General Mattis stated that the the goal of his visit was to find common grounds.\n\nPakistan denies the charge.\n'
const fixed = 'General Mattis stated that the goal of his visit was to find common grounds.\n\nPakistan denies the charge.\n'
const only = ['repeated-word', 'fragment']

describe('factcheck --fix-dry-run', () => {
  it('should print the fixes as a unified diff, report what remains on stderr and write nothing', () => {
    const folder = makeTempDir()
    const article = path.join(folder, 'a.txt')
    fs.writeFileSync(article, broken + '\nJim Mattis in Islamabad on Monday.\n')
    const before = fs.statSync(article)

    expect(factcheck(['--fix-dry-run', 'a.txt'], {cwd: folder, only})).toEqual({
      code: 0,
      stdout: [
        '--- a/a.txt',
        '+++ b/a.txt',
        '@@ -1,4 +1,4 @@',
        '-General Mattis stated that the the goal of his visit was to find common grounds.',
        '+General Mattis stated that the goal of his visit was to find common grounds.',
        ' ',
        ' Pakistan denies the charge.',
        ' ',
        ''
      ].join('\n'),
      stderr: [
        'a.txt',
        '5:1-5:35 warning Unexpected fragment `Jim Mattis in Islamabad on Monday.` with no finite fragment',
        '                 verb in a main clause, complete or remove it',
        '',
        '⚠ 1 warning',
        '1 fragment',
        ''
      ].join('\n')
    })
    const after = fs.statSync(article)
    expect(fs.readFileSync(article, 'utf8')).toBe(broken + '\nJim Mattis in Islamabad on Monday.\n')
    expect(after.mtimeMs).toBe(before.mtimeMs)
  })

  it('should print nothing for an article without sure fixes, and refuse --fix with it', () => {
    const folder = makeTempDir()
    fs.writeFileSync(path.join(folder, 'a.txt'), fixed)
    expect(factcheck(['--fix-dry-run', 'a.txt'], {cwd: folder, only})).toEqual({code: 0, stdout: '', stderr: ''})
    expect(factcheck(['--fix-dry-run', '--fix', 'a.txt'], {cwd: folder, only})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --fix-dry-run writes nothing and cannot be used with --fix\n'
    })
  })
})

describe('factcheck --stdin --fix', () => {
  it('should print the fixed text on stdout and the report of what remains on stderr', () => {
    const result = factcheck(['--stdin', '--fix', '--stdin-filename', 'story.txt'], {input: broken + '\nJim Mattis in Islamabad on Monday.\n', only})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(fixed + '\nJim Mattis in Islamabad on Monday.\n')
    expect(result.stderr).toContain('story.txt\n5:1-5:35 warning Unexpected fragment')
  })

  it('should print an article without fixes as it came, and keep a byte-order mark', () => {
    expect(factcheck(['--stdin', '--fix'], {input: '\uFEFF' + fixed, only})).toEqual({code: 0, stdout: '\uFEFF' + fixed, stderr: ''})
  })
})
