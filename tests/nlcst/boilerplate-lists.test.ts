/**
 * The boilerplate rule's phrase lists are data (rules/data/boilerplate.json),
 * checked as retext-equality checks its lists: lower case, no stray spaces, no
 * duplicates, every kind known; and the `phrases` option extends them.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {phraseItems} from '../../src/analysis/nlcst/phrase-match.js'
import {lint, only, root} from '../helpers.js'

const dataFolder = path.join(root, 'rules/data')
const files = fs.readdirSync(dataFolder).filter((name) => /^boilerplate.*\.json$/.test(name))

interface Lists {
  kinds: Record<string, string>
  lines: Record<string, string>
  labels: Record<string, string>
  datedLabels: Record<string, string>
  notices: Record<string, string>
  prefixes: Record<string, {kind: string; until: string}>
  credits: string[]
}

describe('boilerplate phrase lists', () => {
  for (const name of files) {
    const text = fs.readFileSync(path.join(dataFolder, name), 'utf8')
    const lists = JSON.parse(text) as Lists
    const phraseKeys = [lists.lines, lists.labels, lists.datedLabels, lists.notices, lists.prefixes].flatMap((table) => Object.keys(table))
    const phrases = [...phraseKeys, ...Object.values(lists.prefixes).map((entry) => entry.until), ...lists.credits]

    it(`should hold lower-case phrases without stray spaces in ${name}`, () => {
      for (const phrase of phrases) {
        expect(phrase, phrase).toBe(phrase.toLowerCase())
        expect(phrase, phrase).toBe(phrase.trim())
        expect(phrase, phrase).not.toMatch(/\s{2}|[^\S ]/)
        expect(phraseItems(phrase).length, phrase).toBeGreaterThan(0)
      }
    })

    it(`should hold no duplicate phrase in ${name}`, () => {
      // JSON.parse keeps the last of two equal keys, so count the phrase keys in the source text.
      const keys = [...text.slice(text.indexOf('"lines"')).matchAll(/^\s*"([^"]+)":/gm)].map((match) => match[1]).filter((key) => !['kind', 'until', 'lines', 'labels', 'datedLabels', 'notices', 'prefixes', 'credits'].includes(key))
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
      expect(lists.credits.filter((key, index) => lists.credits.indexOf(key) !== index)).toEqual([])
      expect(phraseKeys.filter((key, index) => phraseKeys.indexOf(key) !== index)).toEqual([])
    })

    it(`should name only known kinds in ${name}`, () => {
      const known = Object.keys(lists.kinds)
      const used = [lists.lines, lists.labels, lists.datedLabels, lists.notices].flatMap((table) => Object.values(table))
      for (const kind of [...used, ...Object.values(lists.prefixes).map((entry) => entry.kind)]) expect(known).toContain(kind)
    })
  }
})

describe('boilerplate option `phrases`', () => {
  it('should flag a configured phrase as a whole line or the start of a short line', () => {
    // Dev set, boilerpipe-04a6711c lines 4 and 5: a byline and a label a site may want gone.
    const file = lint('By Jamelle Bouie\n\nOpinion Columnist\n', only('boilerplate', {phrases: ['Opinion Columnist', 'by']}))
    expect(file.messages.map((message) => `${message.line}: ${message.reason}`)).toEqual([
      '1: Unexpected site furniture `By Jamelle Bouie`: a configured furniture phrase, remove it',
      '3: Unexpected site furniture `Opinion Columnist`: a configured furniture phrase, remove it'
    ])
  })

  it('should read a short line by `maxWords`', () => {
    // Dev set, boilerpipe-833caf3b line 41, and seed 004 line 41.
    const settings = only('boilerplate', {maxWords: 2})
    // The lists no longer read it as a label; the line classifier may still, on its own evidence.
    expect(lint('Read more at DailyMail.co.uk\n', settings).messages.filter((message) => !message.note?.includes('line classifier'))).toEqual([])
    expect(lint('You may also like\n', settings).messages).toHaveLength(1)
  })
})
