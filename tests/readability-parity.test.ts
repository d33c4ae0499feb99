/**
 * Our `readability` rule is a faster rebuild of retext-readability (issue 7):
 * on the same nlcst tree it must give retext-readability's messages, one for
 * one (reason, ruleId, place, actual, expected, ancestors), under every option
 * set of `paritySettings`. Real text without ../shared: the seed articles and
 * the plain-text fixtures. scripts/readability-parity.ts does the same over
 * the bench corpus.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {paritySettings, readabilityPairs} from '../scripts/readability-parity.js'
import {root} from './helpers.js'

/** Plain-text files under `folder`, sorted, relative to the project root. */
function textFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(folder, name))
}

const articles = [...textFiles('articles'), ...textFiles('tests/fixtures')]

describe('readability parity with retext-readability', () => {
  it('should have real articles to compare', () => {
    expect(articles.length).toBeGreaterThan(10)
  })

  it('should flag sentences in the seeds with the default options', () => {
    const seeds = articles.filter((name) => name.startsWith('articles'))
    const flagged = seeds.flatMap((name) => readabilityPairs(fs.readFileSync(path.join(root, name), 'utf8'), [{}])[0].theirs)
    expect(flagged.length).toBeGreaterThan(10)
  })

  for (const name of articles) {
    it(`should give retext-readability's messages on ${name} under every option set`, () => {
      const pairs = readabilityPairs(fs.readFileSync(path.join(root, name), 'utf8'))
      pairs.forEach(({ours, theirs}, index) => {
        expect(ours, `options ${JSON.stringify(paritySettings[index])}`).toEqual(theirs)
      })
    })
  }

  it('should give no messages on an empty article', () => {
    expect(readabilityPairs('')).toEqual(paritySettings.map(() => ({ours: [], theirs: []})))
  })
})
