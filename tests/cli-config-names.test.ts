/**
 * Option and person names that every JavaScript object already has
 * (`constructor`, `toString`, `__proto__`, `hasOwnProperty`) were accepted
 * as rule options and as people, and shown by `--print-config`: looked up on
 * a plain object they found `Object.prototype`'s members. They are config
 * errors now, reported as any unknown option is: one line, exit 2.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const reserved = ['constructor', 'toString', '__proto__', 'hasOwnProperty']

function withConfig(config: string): string {
  const folder = makeTempDir()
  writeTree(folder, {'.factcheckrc.json': config, 'a.txt': 'The minister said the plan would cut costs.\n'})
  return folder
}

describe('names of Object.prototype members in a config', () => {
  for (const name of reserved) {
    it(`should reject \`${name}\` as a rule option, in the config and in --print-config`, () => {
      const folder = withConfig(`{"rules": {"repeated-word": ["warn", {"${name}": {"a": 1}}]}}`)
      const expected = {code: 2, stdout: '', stderr: `factcheck: .factcheckrc.json: unknown option \`rules.repeated-word.${name}\` (this rule has no options)\n`}
      expect(factcheck(['--print-config', 'a.txt'], {cwd: folder})).toEqual(expected)
      expect(factcheck(['a.txt'], {cwd: folder})).toEqual(expected)
    })

    it(`should reject \`${name}\` as a rule option given with --rule`, () => {
      const folder = makeTempDir()
      writeTree(folder, {'a.txt': 'The minister said the plan would cut costs.\n'})
      expect(factcheck(['--rule', `repeated-word=["warn",{"${name}":5}]`, 'a.txt'], {cwd: folder})).toEqual({
        code: 2,
        stdout: '',
        stderr: `factcheck: --rule: unknown option \`repeated-word.${name}\` (this rule has no options)\n`
      })
    })

    it(`should reject \`${name}\` as a person's name`, () => {
      const folder = withConfig(`{"people": {"Jim Mattis": ["Mattis"], "${name}": ["Mattis"]}}`)
      const expected = {code: 2, stdout: '', stderr: `factcheck: .factcheckrc.json: \`people.${name}\` is not a person's name (a name JavaScript reserves)\n`}
      expect(factcheck(['--print-config', 'a.txt'], {cwd: folder})).toEqual(expected)
      expect(factcheck(['a.txt'], {cwd: folder})).toEqual(expected)
    })
  }
})
