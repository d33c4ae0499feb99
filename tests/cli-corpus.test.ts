/** Corpus mode (SPEC section 8): a paragraph repeated across the files of one run. */
import {afterEach, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, writeTree} from './cli-helpers.js'

afterEach(removeTempDirs)

// Seed 000, line 27: wire copy that two outlets might both carry.
const wire =
  'The top US commander in Afghanistan, Gen. John Nicholson, said last week that Pakistan had yet to take significant actions against the groups and that senior Taliban leadership resides in Pakistan.'

describe('factcheck over many files', () => {
  it('should flag a paragraph shared with an earlier file, on every later copy, in run order', () => {
    const folder = makeTempDir()
    writeTree(folder, {
      'a.txt': `Mattis seeks more cooperation with Pakistan.\n\n${wire}\n`,
      'b.txt': `Jim Mattis arrives in Pakistan.\n\n${wire}\n`,
      'c.txt': `${wire}\n\nLatest News\n`
    })
    const result = factcheck(['--format', 'json', '.'], {cwd: folder, only: ['shared-paragraph']})
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number; reason: string; severity: string}>}>
    expect(report.map((file) => [file.path, file.messages.map((m) => [m.ruleId, m.severity, m.line, m.reason])])).toEqual([
      ['a.txt', []],
      ['b.txt', [['shared-paragraph', 'info', 3, 'Unexpected paragraph shared with `a.txt` (line 3): syndicated copy or furniture']]],
      ['c.txt', [['shared-paragraph', 'info', 1, 'Unexpected paragraph shared with `a.txt` (line 3): syndicated copy or furniture']]]
    ])
    expect(result.code).toBe(0)
  })

  it('should find nothing when one article is linted alone', () => {
    expect(factcheck(['--stdin', '--format', 'json'], {input: `${wire}\n\n${wire}\n`, only: ['shared-paragraph']}).stdout).toBe(
      '[\n{"path":"stdin.txt","messages":[]}\n]\n'
    )
  })
})
