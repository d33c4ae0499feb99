/**
 * `--format quotes`: the quote ledger, end to end on the seeds (child
 * processes of the built command): every outer quotation with its speaker,
 * where the cue names them and the cue's words; the same in plain text,
 * Markdown and HTML; with workers and from the cache.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, root, writeTree} from './cli-helpers.js'

afterEach(removeTempDirs)

interface LedgerQuote {
  line: number
  column: number
  endLine: number
  endColumn: number
  text: string
  speaker: {name: string; line: number; column: number} | null
  cue: string | null
}

const seed = 'articles/000_3f8e3d0fb9951cbf'

function ledger(args: readonly string[], cwd = root): Array<{path: string; quotes: LedgerQuote[]}> {
  const run = factcheck(['--format', 'quotes', ...args], {cwd})
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as Array<{path: string; quotes: LedgerQuote[]}>
}

describe('--format quotes', () => {
  it('lists every quote of seed 000 with its speaker, the speaker’s place and the cue', () => {
    const [file] = ledger([`${seed}.txt`])
    expect(file.path).toBe(`${seed}.txt`)
    expect(file.quotes.map(({line, column, endLine, endColumn, speaker, cue}) => ({line, column, endLine, endColumn, speaker, cue}))).toEqual([
      {line: 7, column: 110, endLine: 7, endColumn: 228, speaker: {name: 'A Pentagon statement', line: 7, column: 1}, cue: 'said'},
      {line: 13, column: 70, endLine: 13, endColumn: 80, speaker: {name: 'the Pentagon', line: 13, column: 138}, cue: 'said'},
      // The seed's defect, as an editor reads it in the ledger: Mattis's words credited to Pompeo.
      {line: 25, column: 262, endLine: 25, endColumn: 392, speaker: {name: 'Pompeo', line: 25, column: 410}, cue: 'quoted as saying'},
      // `he told reporters`: the pronoun resolved to the general named in the paragraph before.
      {line: 31, column: 1, endLine: 31, endColumn: 49, speaker: {name: 'John Nicholson', line: 31, column: 51}, cue: 'told'},
      {line: 33, column: 19, endLine: 33, endColumn: 78, speaker: {name: 'a press release by the U.S. Department of Defense', line: 33, column: 107}, cue: 'according to'}
    ])
    // Positions are 1-based UTF-16 columns, end exclusive: the text is the source at them.
    const lines = fs.readFileSync(path.join(root, `${seed}.txt`), 'utf8').split('\n')
    for (const quote of file.quotes) expect(lines[quote.line - 1].slice(quote.column - 1, quote.endColumn - 1)).toBe(quote.text)
    expect(file.quotes[3].text).toBe('"We have not seen those changes implemented yet"')
  })

  it('credits the same speakers in the Markdown and HTML copies', () => {
    const files = ledger([`${seed}.txt`, `${seed}.md`, `${seed}.html`])
    const speakers = files.map((file) => file.quotes.map((quote) => [quote.text, quote.speaker?.name, quote.cue]))
    expect(speakers[1]).toEqual(speakers[0])
    expect(speakers[2]).toEqual(speakers[0])
  })

  it('splits a quote at its cue, carries a colon introduction and a quote run, and says null with no speaker', () => {
    const folder = makeTempDir()
    const text = [
      'Budget row deepens',
      '',
      '“It is affordable,” said Janet Morrow, the finance chief. “And it is final.”',
      '',
      'Morrow added:',
      '',
      '“Nobody will be worse off.”',
      '',
      '“We have checked every figure twice.”',
      '',
      'The council meets on Monday. “Nothing is settled yet.”',
      ''
    ].join('\n')
    writeTree(folder, {'a.txt': text})
    const [file] = ledger(['a.txt'], folder)
    expect(file.quotes.map((quote) => [quote.line, quote.text, quote.speaker?.name ?? null, quote.cue])).toEqual([
      [3, '“It is affordable,”', 'Janet Morrow', 'said'],
      [3, '“And it is final.”', 'Janet Morrow', 'said'],
      [7, '“Nobody will be worse off.”', 'Janet Morrow', 'added'],
      [9, '“We have checked every figure twice.”', 'Janet Morrow', 'added'],
      [11, '“Nothing is settled yet.”', null, null]
    ])
  })

  it('gives the same ledger from worker threads and from the cache', () => {
    const folder = makeTempDir()
    const files: Record<string, string> = {}
    const seedText = fs.readFileSync(path.join(root, `${seed}.txt`), 'utf8')
    // Sixteen articles or more start the workers.
    for (let index = 0; index < 16; index++) files[`a${String(index).padStart(2, '0')}.txt`] = seedText
    writeTree(folder, files)
    const here = ledger(['--jobs', '1', '.'], folder)
    expect(here).toHaveLength(16)
    expect(here[0].quotes).toHaveLength(5)
    expect(ledger(['--jobs', '2', '.'], folder)).toEqual(here)
    // A json run's cache entries have no ledger: a quotes run lints again, then reads its own entries.
    expect(factcheck(['--format', 'json', '--cache', '.'], {cwd: folder}).code).not.toBe(2)
    expect(ledger(['--cache', '--jobs', '1', '.'], folder)).toEqual(here)
    expect(ledger(['--cache', '--jobs', '1', '.'], folder)).toEqual(here)
  }, 180_000)
})
