import realWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import stringWidth, {asciiWidth} from '../src/report/string-width.js'

const cells = [
  '',
  '000-news.txt',
  '25:1-25:182',
  'warning',
  'Quote is credited to “Pompeo”, but this paragraph’s speaker is Mattis',
  'attribution-mismatch',
  '\u001B[33mwarning\u001B[39m',
  '\u001B[1m\u001B[4m000-news.txt\u001B[24m\u001B[22m',
  '\u001B[mplain\u001B[0m',
  '\u001B]8;;https://example.com\u0007link',
  '\u001B[2Jcleared',
  'tab\there',
  '東京 reported',
  'emoji 👍🏽 width',
  'e\u0301 combining',
  'zero\u200Bwidth',
  'Ελληνικά'
]

describe('stringWidth (bundled for vfile-reporter)', () => {
  it('should give string-width’s widths', () => {
    for (const cell of cells) expect(stringWidth(cell), JSON.stringify(cell)).toBe(realWidth(cell))
  })

  it('should settle printable ASCII and colour codes alone, and leave the rest to string-width', () => {
    expect(asciiWidth('\u001B[1;33mwarning\u001B[39m  ok')).toBe(11)
    expect(asciiWidth('25:1-25:182')).toBe(11)
    for (const cell of ['tab\there', '“quoted”', '\u001B[2Jcleared', '\u001B]8;;x\u0007y', 'end\u001B[']) expect(asciiWidth(cell), JSON.stringify(cell)).toBeUndefined()
  })
})
