/**
 * Conformance, after remark-lint's root test and ESLint's checkRuleFiles:
 * registry, files, docs and fixtures agree, and every message a rule gives
 * carries its metadata.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ruleIds, rules} from '../rules/index.js'
import {articleTypeOf} from '../src/parse/article-type.js'
import {lint, lintFixtureFolder, only, root} from './helpers.js'

const requiredHeadings = ['## Why', '## Examples', '## Options', '## Fix', '## Known limitations']

describe('rule registry', () => {
  it('should list rules sorted by id', () => {
    expect(ruleIds).toEqual([...ruleIds].sort())
  })

  it('should match the rule files in rules/', () => {
    const files = fs
      .readdirSync(path.join(root, 'rules'))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.slice(0, -3))
      .sort()
    expect(files).toEqual(ruleIds)
  })
})

for (const rule of rules) {
  const id = rule.meta.id
  const fixtureFolder = path.join(root, 'tests/fixtures', id)

  describe(`rule ${id}`, () => {
    it('should have a kebab-case id and a one-line summary', () => {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
      expect(rule.meta.summary).not.toMatch(/\n/)
    })

    it('should have a doc titled with its id and the required headings in order', () => {
      const doc = fs.readFileSync(path.join(root, 'rules', id + '.md'), 'utf8')
      expect(doc.startsWith(`# ${id}\n`)).toBe(true)
      const positions = requiredHeadings.map((heading) => doc.indexOf('\n' + heading + '\n'))
      expect(positions.every((position) => position > 0)).toBe(true)
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    })

    it('should document every option in its doc', () => {
      const doc = fs.readFileSync(path.join(root, 'rules', id + '.md'), 'utf8')
      for (const name of Object.keys(rule.meta.options)) expect(doc).toContain('`' + name + '`')
    })

    it('should have ok and not-ok fixtures', () => {
      const names = fs.readdirSync(fixtureFolder)
      expect(names.some((name) => name.startsWith('ok') && articleTypeOf(name))).toBe(true)
      expect(names.some((name) => name.startsWith('not-ok') && articleTypeOf(name))).toBe(true)
    })

    it('should stamp metadata and a source-exact `actual` on every fixture message', () => {
      const url = pathToFileURL(path.join(root, 'rules', id + '.md')).href
      for (const {value, file} of lintFixtureFolder(id, fixtureFolder).filter(({name}) => name.startsWith('not-ok'))) {
        expect(file.messages.length).toBeGreaterThan(0)
        for (const message of file.messages) {
          expect(message.source).toBe('factcheck')
          expect(message.ruleId).toBe(id)
          expect(message.url).toBe(url)
          expect(message.fatal).toBe(rule.meta.severity === 'error' ? true : rule.meta.severity === 'warn' ? false : undefined)
          const place = message.place
          expect(place && 'start' in place).toBe(true)
          if (!place || !('start' in place)) continue
          expect(typeof place.start.offset).toBe('number')
          expect(typeof place.end.offset).toBe('number')
          expect(message.actual).toBe(value.slice(place.start.offset, place.end.offset))
          expect(Array.isArray(message.expected)).toBe(true)
          expect(message.expected?.every((item) => typeof item === 'string')).toBe(true)
        }
      }
    })

    it('should give no messages on an empty article in every format', () => {
      for (const type of ['text', 'markdown', 'html'] as const) {
        expect(lint('', only(id), type).messages).toEqual([])
        expect(lint('\n\n  \n', only(id), type).messages).toEqual([])
      }
    })
  })
}
