/**
 * `--stdin` without `--stdin-filename` (issue 19): an HTML document and
 * Markdown with front matter are linted as what they are, not as plain text;
 * plain text with signs of Markdown is linted as text, and the run says so
 * once on stderr.
 */
import {describe, expect, it} from 'vitest'
import {factcheck} from './cli-helpers.js'
import {looksLikeMarkdown, sniffType} from '../src/parse/sniff-type.js'

const sentence = 'General Mattis stated that the the goal of his visit was to find common grounds.'
const repeated = (line: number, column: number) => `${line}:${column}-${line}:${column + 7} error Unexpected repeated \`the\`, remove one occurrence repeated-word`
const only = ['repeated-word']

describe('factcheck --stdin without a file name', () => {
  it('should lint Markdown with front matter as Markdown (front matter skipped)', () => {
    const input = `---\ntitle: the the visit\n---\n\n# Mattis seeks more cooperation\n\n${sentence}\n`
    expect(factcheck(['--stdin'], {input, only})).toEqual({
      code: 1,
      stdout: ['stdin.md', repeated(7, 28), '', '✖ 1 error', '1 repeated-word', ''].join('\n'),
      stderr: ''
    })
  })

  it('should lint an HTML document as HTML (markup and head skipped)', () => {
    const input = `<!DOCTYPE html>\n<html><head><title>the the visit</title></head>\n<body><p>${sentence}</p></body></html>\n`
    expect(factcheck(['--stdin'], {input, only})).toEqual({
      code: 1,
      stdout: ['stdin.html', repeated(3, 37), '', '✖ 1 error', '1 repeated-word', ''].join('\n'),
      stderr: ''
    })
  })

  it('should say once that it took Markdown-looking text for plain text', () => {
    const input = `# Mattis seeks more cooperation\n\n${sentence}\n\n[Read more](https://example.com/story)\n`
    expect(factcheck(['--stdin'], {input, only})).toEqual({
      code: 1,
      stdout: ['stdin.txt', repeated(3, 28), '', '✖ 1 error', '1 repeated-word', ''].join('\n'),
      stderr: 'factcheck: --stdin: linted as plain text (stdin.txt); for Markdown or HTML, name it with --stdin-filename story.md\n'
    })
    expect(factcheck(['--stdin'], {input: sentence + '\n', only}).stderr).toBe('')
  })

  it('should tell documents from fragments that merely contain markup', () => {
    expect(sniffType('\uFEFF<!doctype html><p>x</p>')).toBe('html')
    expect(sniffType('<!-- saved -->\n<html lang="en">')).toBe('html')
    expect(sniffType('<b>Breaking</b> news')).toBeUndefined()
    expect(sniffType('---\ntitle: A\n---\nText')).toBe('markdown')
    expect(sniffType('Text\n---\nMore')).toBeUndefined()
    expect(looksLikeMarkdown('Pakistan denies the charge.')).toBe(false)
    expect(looksLikeMarkdown('See [the report](https://example.com).')).toBe(true)
  })
})
