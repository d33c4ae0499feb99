/**
 * `npm run fuzz`'s properties (scripts/fuzz-properties.ts) over a few hundred
 * generated articles from a fixed seed, so `npm test` keeps them holding; the
 * script runs them over as many as asked.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {checkArticle, fuzz, loadParsers} from '../scripts/fuzz-properties.js'

beforeAll(loadParsers)

describe('fuzz properties', () => {
  it('should hold over 200 generated text, Markdown and HTML articles', () => {
    const result = fuzz({runs: 200, seed: 15})
    expect(result.failed ? {counterexample: result.counterexample, error: String(result.errorInstance)} : undefined).toBeUndefined()
    expect(result.numRuns).toBe(200)
  }, 300_000)

  it('should hold on the articles of issue 15', () => {
    const paragraph = 'The minister said the plan would cut costs for thousands of families across the country.'
    for (const input of [
      {type: 'html' as const, value: `<p>Tom &\nJerry</p>\n<p>${paragraph}</p>\n<p>${paragraph}</p>\n`},
      {type: 'markdown' as const, value: '![t]().\n\n[http://e.'},
      {type: 'markdown' as const, value: 'The figure &#xD800; rose.\n\nCosts &#0; rose to 50 percent of the total budget this year.\n'},
      {type: 'text' as const, value: Array.from({length: 1025}, () => 'the').join(' ') + '.'},
      {type: 'html' as const, value: `<p>Tom said it would cost\rthe the country.</p>\r<p>${paragraph}</p>\r<p>${paragraph}</p>`},
      {type: 'markdown' as const, value: '- Read more at the BBC\n- The minister said the plan would cut costs.\n'},
      // Found by `npm run fuzz` (seeds 150016 and 777): a readability place that ended before it started.
      {
        type: 'markdown' as const,
        value: `* ${paragraph}\n\na \n\n    ${paragraph}\n\n[Image copyright Reuters \\](https://example.com/story[http://e.)\n\n     \n\nThe The minister said the plan would cut costs for thousands of families across the country.\n`
      }
    ]) {
      expect(() => checkArticle(input), JSON.stringify(input)).not.toThrow()
    }
  }, 120_000)
})
