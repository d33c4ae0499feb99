/**
 * The stylish report as a person sees it in a terminal (issue 19, and issue
 * 15 item 11): it fits 100 columns, ends with the count per rule, shows notes
 * with --verbose, says what --quiet hides from --max-warnings, and never sends
 * a control character from an article or a file name to the terminal.
 */
import fs from 'node:fs'
import path from 'node:path'
import stringWidth from 'string-width'
import {afterAll, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir as tempFolder, removeTempDirs, ruleUrl} from './cli-helpers.js'

afterAll(removeTempDirs)

const reason = 'Unexpected repeated `the`, remove one occurrence'

describe('factcheck stylish report', () => {
  it('should fit the seeds in 100 columns and end with the count per rule', () => {
    const stylish = factcheck(['articles/'])
    const json = factcheck(['--format', 'json', 'articles/'])
    const lines = stylish.stdout.trimEnd().split('\n')
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(100)

    const perRule = new Map<string, number>()
    for (const file of JSON.parse(json.stdout) as Array<{messages: Array<{ruleId: string}>}>) {
      for (const {ruleId} of file.messages) perRule.set(ruleId, (perRule.get(ruleId) ?? 0) + 1)
    }
    const expected = [...perRule].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([id, count]) => `${count} ${id}`)
    const summary = lines.slice(lines.findIndex((line) => /^✖ \d+ errors/.test(line)) + 1)
    expect(summary.join(' ').split(/,? /).join(' ')).toEqual(expected.join(' '))
    expect(stylish.code).toBe(1)

    // With --verbose too, notes and the related place (`cause`) included.
    const verbose = factcheck(['--verbose', 'articles/']).stdout.trimEnd().split('\n')
    expect(Math.max(...verbose.map((line) => stringWidth(line)))).toBeLessThanOrEqual(100)
    expect(verbose).toContain('  [note]:')
    expect(verbose).toContain('  [cause]:')
  })

  it('should wrap a long reason under itself, keep the rule id on its first line and show notes with --verbose', () => {
    const folder = tempFolder()
    const caption = 'Kuwaiti Foreign Minister Sheikh Sabah al-Khaled al-Sabah (right) shaking hands with US Defence Secretary Jim Mattis following a meeting in Kuwait City'
    fs.writeFileSync(path.join(folder, 'a.txt'), `Pakistan denies the charge.\n\n${caption}\n`)
    const rows = [
      '3:1-3:151 warning Unexpected caption `Kuwaiti Foreign Minister Sheikh Sabah al-Khal…` in fragment',
      '                  the body with no finite verb, remove it or make it a sentence'
    ]
    // vfile-reporter's layout under the row: the rule's page, then the note, each under a heading.
    const note = ['  [url]:', '    ' + ruleUrl('fragment'), '  [note]:', '    A photo caption left in the text as a line of its own reads as broken prose.']
    const end = ['', '⚠ 1 warning', '1 fragment', '']
    expect(factcheck(['a.txt'], {cwd: folder, only: ['fragment']}).stdout).toBe(['a.txt', ...rows, ...end].join('\n'))
    expect(factcheck(['--verbose', 'a.txt'], {cwd: folder, only: ['fragment']}).stdout).toBe(['a.txt', ...rows, ...note, ...end].join('\n'))
  })

  it('should say that --quiet hides the warnings --max-warnings counted', () => {
    const folder = tempFolder()
    fs.writeFileSync(path.join(folder, 'a.txt'), 'General Mattis stated that the the goal of his visit was to find common grounds.\n')
    const result = factcheck(['--quiet', '--max-warnings', '0', '--rule', 'repeated-word=warn', 'a.txt'], {cwd: folder, only: ['repeated-word']})
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'factcheck: 1 warning, more than --max-warnings 0 (not shown with --quiet: run without it to see them)\n'
    })
    expect(factcheck(['--max-warnings', '0', '--rule', 'repeated-word=warn', 'a.txt'], {cwd: folder, only: ['repeated-word']}).stdout).toContain(reason)
  })

  it('should escape control characters from article text and file names', () => {
    const folder = tempFolder()
    const name = 'a\u001B[2Jb.txt'
    fs.writeFileSync(path.join(folder, name), 'The minister said the the plan would work.\n\nRead more at \u001B]0;pwned\u0007DailyMail.co.uk\n')
    const result = factcheck(['--no-progress', '.'], {cwd: folder, only: ['repeated-word', 'boilerplate']})
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/)
    expect(result.stdout.split('\n')[0]).toBe('a\\x1B[2Jb.txt')
    expect(result.stdout).toContain('\\x1B]0;pwned\\x07DailyMail.co.uk')

    const missing = factcheck(['no\u001B]0;such.txt'], {cwd: folder})
    expect(missing).toEqual({code: 2, stdout: '', stderr: 'factcheck: no\\x1B]0;such.txt: no such file or folder\n'})
  })
})
