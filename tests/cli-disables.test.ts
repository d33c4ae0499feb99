/**
 * Inline directives, end to end on copies of seed 000 in its three forms:
 * `factcheck-disable-next-line`, `factcheck-disable` … `factcheck-enable`,
 * unknown rule ids and words, `--report-unused-disable-directives`, and the
 * same result through lint workers and the cache.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {JsonFile, JsonMessage} from '../src/report/json.js'
import {factcheck, makeTempDir, removeTempDirs, root, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const seed = '000_3f8e3d0fb9951cbf'
const forms = ['txt', 'md', 'html'] as const

/** The seed in all three forms (outside this repository's config) with `insert` put before its line holding `before`. */
function seedsWith(before: Readonly<Record<string, string>>, insert: string | undefined): string {
  const folder = makeTempDir()
  for (const form of forms) {
    const text = fs.readFileSync(path.join(root, 'articles', `${seed}.${form}`), 'utf8')
    const lines = text.split('\n')
    if (insert !== undefined) {
      const at = lines.findIndex((line) => line.includes(before[form]!))
      expect(at, form).toBeGreaterThan(0)
      lines.splice(at, 0, insert)
    }
    fs.writeFileSync(path.join(folder, `${seed}.${form}`), lines.join('\n'))
  }
  return folder
}

function messages(folder: string, args: readonly string[] = []): Record<string, JsonMessage[]> {
  const run = factcheck(['--format', 'json', ...args, ...forms.map((form) => `${seed}.${form}`)], {cwd: folder})
  expect(run.stderr).toBe('')
  return Object.fromEntries((JSON.parse(run.stdout) as JsonFile[]).map((file) => [file.path.split('.').pop()!, file.messages]))
}

const fragmentLine = {txt: 'Jim Mattis in Islamabad on Monday.', md: 'Jim Mattis in Islamabad on Monday.', html: '<p>Jim Mattis in Islamabad on Monday.</p>'}

/** The original messages minus `drop`, below line `from` moved down by `shift`. */
function expectedAfter(original: Record<string, JsonMessage[]>, form: string, drop: (message: JsonMessage) => boolean, from: number, shift: number): JsonMessage[] {
  return original[form]!.filter((message) => !drop(message)).map((message) => {
    if (message.line < from) return message
    const moved = {...message, line: message.line + shift, endLine: message.endLine + shift}
    if (message.cause && message.cause.line >= from) moved.cause = {...message.cause, line: message.cause.line + shift}
    return moved
  })
}

describe('inline directives', () => {
  const original = messages(seedsWith({}, undefined))

  it('should drop the message a disable-next-line comment names, in plain text, Markdown and HTML, and nothing else', () => {
    const folder = seedsWith(fragmentLine, '<!-- factcheck-disable-next-line fragment -->')
    const found = messages(folder, ['--report-unused-disable-directives'])
    for (const form of forms) {
      const fragment = original[form]!.find((message) => message.ruleId === 'fragment' && message.actual === 'Jim Mattis in Islamabad on Monday.')!
      expect(fragment, form).toBeDefined()
      // Reasons that cite a line below the comment cite it one lower.
      const shifted = expectedAfter(original, form, (message) => message === fragment, fragment.line, 1).map((message) => ({...message, reason: message.reason.replace(/\d+/g, '#')}))
      expect(found[form]!.map((message) => ({...message, reason: message.reason.replace(/\d+/g, '#')})), form).toEqual(shifted)
    }
  })

  it('should drop the messages of the rules a disable comment names until their enable comment', () => {
    const folder = seedsWith(fragmentLine, '<!-- factcheck-disable fragment, readability boilerplate -->')
    for (const form of forms) {
      const file = path.join(folder, `${seed}.${form}`)
      const text = fs.readFileSync(file, 'utf8')
      // Re-enable `boilerplate` only: `Latest News` below is flagged again, readability stays off to the end.
      fs.writeFileSync(file, text.replace(form === 'html' ? '<p>Latest News</p>' : '\nLatest News', (match) => match.replace('Latest News', '<!-- factcheck-enable boilerplate -->\nLatest News')))
    }
    const found = messages(folder)
    for (const form of forms) {
      const disabledAt = original[form]!.find((message) => message.ruleId === 'fragment' && message.actual === 'Jim Mattis in Islamabad on Monday.')!.line + 1
      const rules = (line: number) => found[form]!.filter((message) => message.line >= line).map((message) => message.ruleId)
      expect(rules(disabledAt), form).not.toContain('fragment')
      expect(rules(disabledAt), form).not.toContain('readability')
      expect(rules(disabledAt), form).toContain('boilerplate')
      expect(found[form]!.filter((message) => message.line < disabledAt - 1), form).toEqual(original[form]!.filter((message) => message.line < disabledAt - 1))
    }
  })

  it('should warn about an unknown rule id or word, and report unused disables as errors when asked', () => {
    const folder = makeTempDir()
    const text = [
      'The council approved the budget on Tuesday.',
      '<!-- factcheck-disable-next-line fragmnt -->',
      'The mayor welcomed the decision.',
      '<!-- factcheck-ignore fragment -->',
      '<!-- factcheck-disable-next-line repeated-word -->',
      'The the vote was close.',
      '<!-- factcheck-disable-next-line unsourced-number -->',
      'The council will meet again next week.',
      ''
    ].join('\n')
    writeTree(folder, {'a.txt': text, 'a.md': text})
    const expected = (file: string) =>
      `${file}:2:1: warning directive: Unknown rule \`fragmnt\` in \`factcheck-disable-next-line\` (did you mean \`fragment\`?), expected a rule id (see --list-rules)\n` +
      `${file}:4:1: warning directive: Unknown directive \`factcheck-ignore\`, expected \`factcheck-disable\`, \`factcheck-enable\` or \`factcheck-disable-next-line\`\n`
    const unused = (file: string) => `${file}:7:1: error directive: Unused \`factcheck-disable-next-line unsourced-number\`: no \`unsourced-number\` message to silence, remove it\n`
    const args = ['--format', 'compact', 'a.txt', 'a.md']
    const only = ['repeated-word', 'unsourced-number', 'fragment']
    expect(factcheck(args, {cwd: folder, only})).toEqual({code: 0, stdout: expected('a.txt') + expected('a.md'), stderr: ''})
    expect(factcheck(['--report-unused-disable-directives', ...args], {cwd: folder, only})).toEqual({
      code: 1,
      stdout: expected('a.txt') + unused('a.txt') + expected('a.md') + unused('a.md'),
      stderr: ''
    })
  })

  it('should not read a directive inside a Markdown code block, nor one inside a plain-text line', () => {
    const folder = makeTempDir()
    writeTree(folder, {
      'a.md': 'How to silence it:\n\n```html\n<!-- factcheck-disable-next-line repeated-word -->\n```\n\nThe the vote was close.\n',
      'a.txt': 'The vote <!-- factcheck-disable repeated-word --> was close.\nThe the count went on.\n'
    })
    expect(factcheck(['--format', 'compact', 'a.md', 'a.txt'], {cwd: folder, only: ['repeated-word']})).toEqual({
      code: 1,
      stdout: 'a.md:7:1: error repeated-word: Unexpected repeated `the`, remove one occurrence\na.txt:2:1: error repeated-word: Unexpected repeated `the`, remove one occurrence\n',
      stderr: ''
    })
  })

  it('should apply directives the same through lint workers and from the cache', () => {
    const folder = makeTempDir()
    const files: Record<string, string> = {}
    const towns = ['Leeds', 'York', 'Hull', 'Bath', 'Ely', 'Ripon', 'Wells', 'Derby', 'Truro', 'Exeter', 'Durham', 'Carlisle', 'Lincoln', 'Norwich', 'Oxford', 'Preston', 'Salford', 'Sunderland', 'Wakefield', 'Worcester']
    for (const town of towns) files[`story-${town}.txt`] = `The council of ${town} met.\n<!-- factcheck-disable-next-line repeated-word -->\nThe the vote in ${town} was close.\nThe the count in ${town} went on.\n`
    writeTree(folder, files)
    const args = ['--format', 'compact', '--report-unused-disable-directives', '.']
    const expected = Object.keys(files)
      .sort()
      .map((name) => `${name}:4:1: error repeated-word: Unexpected repeated \`the\`, remove one occurrence\n`)
      .join('')
    const only = ['repeated-word']
    expect(factcheck(['--jobs', '2', ...args], {cwd: folder, only})).toEqual({code: 1, stdout: expected, stderr: ''})
    expect(factcheck(['--jobs', '1', '--cache', ...args], {cwd: folder, only})).toEqual({code: 1, stdout: expected, stderr: ''})
    expect(fs.readdirSync(path.join(folder, '.factcheckcache')).length).toBeGreaterThan(20)
    expect(factcheck(['--jobs', '1', '--cache', ...args], {cwd: folder, only})).toEqual({code: 1, stdout: expected, stderr: ''})
  })
})
