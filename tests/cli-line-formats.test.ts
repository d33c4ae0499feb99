/**
 * `--format compact` and `--format github`, end to end on the seed articles:
 * each line says what the `json` report says of the same message, and the
 * github commands are escaped as the Actions runner reads them.
 */
import {afterAll, describe, expect, it} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {factcheck, makeTempDir, removeTempDirs, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const seeds = ['articles/']

describe('--format compact', () => {
  it('should print one `path:line:column: severity rule-id: reason` line per message of the json report', () => {
    const json = factcheck(['--format', 'json', ...seeds])
    const compact = factcheck(['--format', 'compact', ...seeds])
    const files = JSON.parse(json.stdout) as JsonFile[]
    const expected = files.flatMap((file) =>
      file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${m.severity} ${m.ruleId}: ${m.reason}`)
    )
    expect(expected.length).toBeGreaterThan(20)
    expect(compact).toEqual({code: 1, stdout: expected.join('\n') + '\n', stderr: ''})
    expect(compact.stdout).toContain(
      'articles/000_3f8e3d0fb9951cbf.txt:29:1: warning fragment: Unexpected fragment `Jim Mattis in Islamabad on Monday.` with no finite verb in a main clause, complete or remove it\n'
    )
  })

  it('should print nothing and exit 0 for a clean article', () => {
    const folder = makeTempDir()
    writeTree(folder, {'clean.txt': 'The council approved the budget on Tuesday.\n'})
    expect(factcheck(['--format', 'compact', '--rule', 'readability=off', 'clean.txt'], {cwd: folder})).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('--format github', () => {
  it('should print a workflow command per message, with the level, span, rule as title, and the reason and note as message', () => {
    const json = JSON.parse(factcheck(['--format', 'json', ...seeds]).stdout) as JsonFile[]
    const github = factcheck(['--format', 'github', ...seeds])
    const commands = {error: 'error', warning: 'warning', info: 'notice'}
    const lines = github.stdout.split('\n').filter(Boolean)
    expect(lines.length).toBe(json.reduce((sum, file) => sum + file.messages.length, 0))
    let index = 0
    for (const file of json) {
      for (const m of file.messages) {
        expect(lines[index++]).toMatch(
          new RegExp(
            `^::${commands[m.severity]} file=${file.path},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${m.ruleId}::`
          )
        )
      }
    }
    expect(github.code).toBe(1)
    expect(lines).toContain(
      '::warning file=articles/000_3f8e3d0fb9951cbf.txt,line=29,col=1,endLine=29,endColumn=35,title=fragment::Unexpected fragment `Jim Mattis in Islamabad on Monday.` with no finite verb in a main clause, complete or remove it' +
        '%0AA sentence without a main verb reads as broken prose; in scraped copy it is often a caption or label left behind.'
    )
  })

  it('should escape %, line breaks, and , and : in properties as the runner requires', () => {
    const folder = makeTempDir()
    writeTree(folder, {'a,b:c.txt': 'Shares in the the company fell by 45% on Monday, wiping out gains.\n'})
    expect(factcheck(['--format', 'github', '--rule', 'readability=off', '.'], {cwd: folder})).toEqual({
      code: 1,
      stdout:
        '::error file=a%2Cb%3Ac.txt,line=1,col=11,endLine=1,endColumn=18,title=repeated-word::Unexpected repeated `the`, remove one occurrence\n' +
        '::warning file=a%2Cb%3Ac.txt,line=1,col=35,endLine=1,endColumn=38,title=unsourced-number::Unexpected figure `45%25` with no source in its sentence or paragraph, say who reports it' +
        '%0AA figure the reader cannot trace cannot be checked: credit it to whoever counted, estimated or reported it.\n',
      stderr: ''
    })
  })
})
