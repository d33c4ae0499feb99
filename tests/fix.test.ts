import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {applyEdits, editsOf, fixUntilStable} from '../src/run/fix.js'
import {fixArticle} from '../src/run/fix-file.js'
import {rules} from '../rules/index.js'
import {lint, only, root} from './helpers.js'

/** A message with a sure fix for `[start, end)` of `value`. */
function fixAt(value: string, start: number, end: number, expected: string): VFileMessage {
  const message = new VFileMessage('fix', {place: {start: {line: 1, column: 1, offset: start}, end: {line: 1, column: 1, offset: end}}})
  message.actual = value.slice(start, end)
  message.expected = [expected]
  return message
}

function fixed(value: string, target: string, expected = ''): string {
  const start = value.indexOf(target)
  return applyEdits(value, editsOf(value, [fixAt(value, start, start + target.length, expected)]))
}

describe('editsOf and applyEdits', () => {
  it('should delete a block with the blank line before it', () => {
    expect(fixed('A one.\n\nCOPY two.\n\nB three.\n', 'COPY two.')).toBe('A one.\n\nB three.\n')
  })

  it('should keep the previous line’s trailing spaces and CRLF line ends', () => {
    expect(fixed('A one. \r\n\r\nCOPY two.\r\n\r\nB three.\r\n', 'COPY two.')).toBe('A one. \r\n\r\nB three.\r\n')
  })

  it('should delete the last block and the blank lines before it, keeping a final line break', () => {
    expect(fixed('A one.\n\n\n\nRead more at DailyMail.co.uk', 'Read more at DailyMail.co.uk')).toBe('A one.')
    expect(fixed('A one.\n\nRead more.\n', 'Read more.')).toBe('A one.\n')
  })

  it('should delete a first block with the line breaks after it', () => {
    expect(fixed('Advertisement\n\nA one.\n', 'Advertisement')).toBe('A one.\n')
  })

  it('should delete furniture at the start of a line with the space after it', () => {
    expect(fixed('Image copyright Reuters Bob Corker at a rally\n', 'Image copyright Reuters')).toBe('Bob Corker at a rally\n')
  })

  it('should delete a list item, a heading or a quote line whole, leaving no empty bullet', () => {
    expect(fixed('- Read more at the BBC\n- The minister spoke.\n', 'Read more at the BBC')).toBe('- The minister spoke.\n')
    expect(fixed('- The minister spoke.\n- Read more\n- He left.\n', 'Read more')).toBe('- The minister spoke.\n- He left.\n')
    expect(fixed('The minister spoke.\n\n## Advertisement\n\n1. He left.\n', 'Advertisement')).toBe('The minister spoke.\n\n1. He left.\n')
    expect(fixed('The minister spoke.\n> Read more\n', 'Read more')).toBe('The minister spoke.\n')
  })

  it('should keep a list marker when the furniture is only the start of its item', () => {
    expect(fixed('- Advertisement The minister spoke.\n', 'Advertisement')).toBe('- The minister spoke.\n')
  })

  it('should delete an HTML element that the deleted text fills, leaving no empty element', () => {
    expect(fixed('<p>One.</p>\n<li><p>COPY two.</p></li>\n<p>Three.</p>\n', 'COPY two.')).toBe('<p>One.</p>\n<p>Three.</p>\n')
    expect(fixed('<p>One.</p>\n<p class="x">COPY <b>two</b>.</p>', 'two')).toBe('<p>One.</p>\n<p class="x">COPY .</p>')
    expect(fixed('<tr><td>Advertisement</td><td>3</td></tr>', 'Advertisement')).toBe('<tr><td></td><td>3</td></tr>')
  })

  it('should insert text in place', () => {
    expect(fixed('paying subscribers.The report', 'subscribers.The', 'subscribers. The')).toBe('paying subscribers. The report')
  })

  it('should skip a fix whose actual is not the source, and overlapping fixes', () => {
    const value = 'one two three'
    const stale = fixAt(value, 0, 3, 'x')
    stale.actual = 'uno'
    expect(editsOf(value, [stale])).toEqual([])
    expect(editsOf(value, [fixAt(value, 0, 7, 'x'), fixAt(value, 4, 13, 'y')])).toEqual([{start: 0, end: 7, text: 'x'}])
  })

  it('should drop a fix that ends before it starts, which would copy the text between', () => {
    const value = 'one two three'
    const backwards = fixAt(value, 8, 4, '')
    expect(backwards.actual).toBe('')
    expect(editsOf(value, [backwards])).toEqual([])
  })

  it('should drop a fix outside the text, or without offsets that are whole numbers', () => {
    const value = 'one two'
    const past = fixAt(value, 4, 12, 'x')
    past.actual = 'two'
    const fraction = fixAt(value, 0.5, 3, 'x')
    fraction.actual = 'one'
    expect(editsOf(value, [past, fixAt(value, -1, 3, 'x'), fraction])).toEqual([])
  })

  it('should apply no edit out of order, overlapping or outside the text', () => {
    expect(applyEdits('one two three', [{start: 8, end: 13, text: '3'}, {start: 0, end: 3, text: '1'}])).toBe('one two 3')
    expect(applyEdits('one two', [{start: 4, end: 2, text: ''}, {start: 4, end: 99, text: ''}])).toBe('one two')
  })
})

describe('fixUntilStable', () => {
  const paragraph = 'The minister said the plan would cut costs for thousands of families across the country.'
  const everyRule = Object.fromEntries(rules.map((rule) => [rule.meta.id, [rule.meta.severity, {}] as const]))
  const fixText = (value: string, type: 'text' | 'markdown' | 'html' = 'text') => fixUntilStable(value, (text) => lint(text, everyRule, type).messages)

  it('should settle on 1,025 copies of `the` within its passes', () => {
    const result = fixText(Array.from({length: 1025}, () => 'the').join(' ') + '.\n')
    expect(result.value).toBe('the.\n')
    expect(fixText(result.value).changed).toBe(false)
  })

  it('should keep the capital of the sentence: `The the minister` → `The minister`', () => {
    expect(fixText(`The the minister said so.\n`).value).toBe('The minister said so.\n')
  })

  it('should leave one of 12 copies of a paragraph, in text, Markdown and HTML', () => {
    const copies = Array.from({length: 12}, () => paragraph)
    expect(fixText(copies.join('\n\n') + '\n').value).toBe(paragraph + '\n')
    expect(fixText(copies.join('\n\n') + '\n', 'markdown').value).toBe(paragraph + '\n')
    expect(fixText(copies.map((text) => `<p>${text}</p>`).join('\n') + '\n', 'html').value).toBe(`<p>${paragraph}</p>\n`)
  })

  it('should remove a furniture list item whole in Markdown', () => {
    expect(fixText('- Read more at the BBC\n- The minister said the plan would cut costs.\n', 'markdown').value).toBe(
      '- The minister said the plan would cut costs.\n'
    )
  })

  it('should remove both caption copies of seed 004 and change no other byte', () => {
    const value = fs.readFileSync(path.join(root, 'articles/004_dd9860ece21027d1.txt'), 'utf8')
    const lines = value.split('\n')
    const result = fixUntilStable(value, (text) => lint(text, only('repeated-paragraph')).messages)
    // Lines 33 and 37 (index 32, 36) go, each with the blank line before it.
    const expected = [...lines.slice(0, 31), ...lines.slice(33, 35), ...lines.slice(37)].join('\n')
    expect(result.value).toBe(expected)
    expect(result.changed).toBe(true)
    expect(result.messages).toEqual([])
    expect(fixUntilStable(result.value, (text) => lint(text, only('repeated-paragraph')).messages).changed).toBe(false)
  })
})

describe('fixArticle', () => {
  it('should leave the file as it was and say why when a fix pass fails', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-fix-'))
    const target = path.join(folder, 'a.txt')
    fs.writeFileSync(target, 'The the minister spoke.\n')
    let passes = 0
    const outcome = fixArticle(target, {kind: 'text', value: 'The the minister spoke.\n', bom: false}, (text) => {
      if (passes++ > 0) throw new Error('Cannot read properties of undefined (reading \'offset\')')
      return lint(text, only('repeated-word')).messages
    })
    expect(outcome).toEqual({
      kind: 'failed',
      ruleId: 'internal-error',
      problem: "factcheck failed while fixing this file (Cannot read properties of undefined (reading 'offset')); it was not changed"
    })
    expect(fs.readFileSync(target, 'utf8')).toBe('The the minister spoke.\n')
    fs.rmSync(folder, {recursive: true})
  })
})
