/**
 * Rule fixtures as data: every folder `tests/fixtures/<id>/` is linted with
 * only rule `<id>` on, as one run in name order. `ok*` articles must give no
 * message; each `not-ok*` article must give exactly the lines of its
 * `.expected` file; other articles (`corpus-*`) only feed the run.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtureLine, lintFixtureFolder, root} from './helpers.js'

const fixtures = path.join(root, 'tests/fixtures')

for (const id of fs.readdirSync(fixtures).sort()) {
  const folder = path.join(fixtures, id)
  const optionsFile = path.join(folder, 'options.json')
  const options = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : {}
  const linted = lintFixtureFolder(id, folder, options)

  describe(`rule ${id}`, () => {
    for (const {name, file} of linted) {
      if (name.startsWith('ok')) {
        it(`should accept every line of ${name}`, () => {
          expect(file.messages.map(fixtureLine)).toEqual([])
        })
      } else if (name.startsWith('not-ok')) {
        it(`should flag exactly what ${name.replace(/\.\w+$/, '.expected')} lists`, () => {
          const expected = fs.readFileSync(path.join(folder, name.replace(/\.\w+$/, '.expected')), 'utf8')
          const lines = expected.split('\n').filter((line) => line !== '')
          expect(file.messages.map(fixtureLine)).toEqual(lines)
        })
      }
    }
  })
}
