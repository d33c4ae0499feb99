/** The cache entry's stamp: the version, the config, the parser and the exact text each invalidate it. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {LintCache} from '../src/run/cache.js'
import {resolveConfig} from '../src/config/resolve-config.js'
import {lintArticle} from '../src/run/lint.js'
import {toJsonMessage} from '../src/report/json.js'
import {root} from './helpers.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true})
})

function cacheFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-cache-'))
  folders.push(folder)
  return folder
}

const seed = fs.readFileSync(path.join(root, 'articles/000_3f8e3d0fb9951cbf.txt'), 'utf8')
const config = resolveConfig({path: undefined, data: {rules: {}, people: {}, ignore: []}}, {})
const read = {kind: 'text', value: seed, bom: false} as const
const article = '/news/000.txt'

describe('LintCache', () => {
  it('should give back what was kept, message for message', () => {
    const cache = new LintCache(cacheFolder(), '1.0.0')
    const linted = lintArticle(article, '000.txt', read, config)
    expect(linted.messages.length).toBeGreaterThan(5)
    cache.set(article, read, config, linted)
    const hit = cache.get(article, '000.txt', read, config)
    expect(hit?.messages.map(toJsonMessage)).toEqual(linted.messages.map(toJsonMessage))
    expect(hit?.paragraphs).toEqual(linted.paragraphs)
  })

  it('should miss for another version, config, text, BOM or file type', () => {
    const folder = cacheFolder()
    const cache = new LintCache(folder, '1.0.0')
    cache.set(article, read, config, lintArticle(article, '000.txt', read, config))
    expect(cache.get(article, '000.txt', read, config)).toBeDefined()
    expect(new LintCache(folder, '1.0.1').get(article, '000.txt', read, config)).toBeUndefined()
    const other = resolveConfig({path: undefined, data: {rules: {fragment: ['off', {}]}, people: {}, ignore: []}}, {})
    expect(cache.get(article, '000.txt', read, other)).toBeUndefined()
    expect(cache.get(article, '000.txt', {...read, value: seed + ' '}, config)).toBeUndefined()
    expect(cache.get(article, '000.txt', {...read, bom: true}, config)).toBeUndefined()
    expect(cache.get('/news/other.txt', 'other.txt', read, config)).toBeUndefined()
  })

  it('should not keep a result where linting failed', () => {
    const folder = cacheFolder()
    const cache = new LintCache(folder, '1.0.0')
    const linted = lintArticle(article, '000.txt', read, config)
    const failed = {...linted, messages: [...linted.messages, Object.assign(linted.messages[0], {ruleId: 'internal-error'})]}
    cache.set(article, read, config, failed)
    expect(cache.get(article, '000.txt', read, config)).toBeUndefined()
  })
})
