/**
 * Word lists of the number layer, the clause test and the fragment,
 * unsourced-number and number-consistency rules are data; check them as
 * retext-equality checks its lists: no duplicates, no stray spaces, lower case.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from './helpers.js'

const files = [
  'src/analysis/numbers/data/number-words.json',
  'src/analysis/numbers/data/units.json',
  'src/analysis/numbers/data/context.json',
  'src/analysis/clauses/data/clause-words.json',
  'rules/data/fragment.json',
  'rules/data/unsourced-number.json',
  'rules/data/number-consistency.json'
]

/** Every list of a data file (arrays, and the keys of objects), by name. */
function listsOf(file: string): Array<[string, string[]]> {
  const data = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>
  return Object.entries(data).map(([name, value]) => [name, Array.isArray(value) ? (value as string[]) : Object.keys(value as Record<string, unknown>)])
}

describe('figure word lists', () => {
  for (const file of files) {
    for (const [name, words] of listsOf(file)) {
      it(`should hold distinct trimmed lower-case words in ${file} ${name}`, () => {
        expect(words.length).toBeGreaterThan(0)
        expect(words.filter((word, index) => words.indexOf(word) !== index)).toEqual([])
        for (const word of words) {
          expect(word, word).toBe(word.trim())
          expect(word, word).not.toMatch(/\s{2}|[^\S ]/)
          expect(word, word).toBe(word.toLowerCase())
        }
      })
    }
  }
})
