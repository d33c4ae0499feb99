/**
 * `--emit-paragraph-hashes` and `--merge-corpus`: shards linted apart, then
 * merged, give exactly the report of one run over all the articles,
 * `shared-paragraph` included.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, writeTree} from './cli-helpers.js'

afterEach(removeTempDirs)

// Seed 000, line 27, and another wire paragraph: copy that several outlets carry.
const wire =
  'The top US commander in Afghanistan, Gen. John Nicholson, said last week that Pakistan had yet to take significant actions against the groups and that senior Taliban leadership resides in Pakistan.'
const other = 'Mattis, a retired Marine general, is expected to press Pakistani leaders to do more against the militant groups.'

/** Copies in folders whose names sort differently from whole paths (`a/b/…` before `a/b.txt`). */
function corpusFolder(): string {
  const folder = makeTempDir()
  writeTree(folder, {
    'a.txt': `Mattis seeks more cooperation with Pakistan.\n\n${wire}\n`,
    'a/b.txt': `Jim Mattis arrives in Pakistan.\n\n${other}\n\n${wire.toUpperCase()}\n`,
    'a/b/c.md': `# Pakistan visit\n\n${other}\n`,
    'a/b/d.html': `<h1>Visit</h1><p>${wire}</p><p>He said the the plan would hold.</p>`,
    'b.txt': `${other}\n\n${wire}\n\n${wire}\n`,
    'loud/.factcheckrc.json': JSON.stringify({rules: {'shared-paragraph': 'error'}}),
    'loud/e.txt': `A copy.\n\n${other}\n`,
    'off/.factcheckrc.json': JSON.stringify({rules: {'shared-paragraph': 'off'}}),
    'off/f.txt': `${wire}\n`,
    'z.txt': `${wire}\n`
  })
  return folder
}

// Each test runs several whole CLI processes: slow on a shared machine.
describe('factcheck --merge-corpus', {timeout: 120_000}, () => {
  it('should give, from shards, byte for byte the report of one run', () => {
    const folder = corpusFolder()
    const one = factcheck(['--format', 'json', '.'], {cwd: folder})
    expect(one.stdout).toContain('"ruleId":"shared-paragraph","source":"factcheck","severity":"error"')
    for (const count of [1, 3]) {
      const outputs = Array.from({length: count}, (_, index) => {
        const shard = factcheck(['--format', 'json', '--emit-paragraph-hashes', '--shard', `${index + 1}/${count}`, '.'], {cwd: folder})
        expect(shard.stdout).not.toContain('"ruleId":"shared-paragraph"')
        fs.writeFileSync(path.join(folder, `shard-${index + 1}.json`), shard.stdout)
        return `shard-${index + 1}.json`
      })
      const merged = factcheck(['--merge-corpus', ...outputs], {cwd: folder})
      expect(merged).toEqual(one)
      for (const output of outputs) fs.rmSync(path.join(folder, output))
    }
  })

  it('should keep --quiet as the shards did', () => {
    const folder = corpusFolder()
    const one = factcheck(['--format', 'json', '--quiet', '.'], {cwd: folder})
    const shards = [1, 2].map((index) => {
      fs.writeFileSync(path.join(folder, `${index}.out`), factcheck(['--format', 'json', '--quiet', '--emit-paragraph-hashes', '--shard', `${index}/2`, '.'], {cwd: folder}).stdout)
      return `${index}.out`
    })
    expect(factcheck(['--merge-corpus', '--quiet', ...shards], {cwd: folder})).toEqual(one)
  })

  it('should merge record shards into what one --records run gives, bad lines in their place', () => {
    const folder = corpusFolder()
    const articles = ['a.txt', 'a/b.txt', 'a/b/c.md', 'a/b/d.html', 'b.txt', 'loud/e.txt', 'off/f.txt', 'z.txt']
    const input = [
      ...articles.map((name, index) => JSON.stringify({id: `r${index}`, path: name, text: fs.readFileSync(path.join(folder, name), 'utf8')})),
      '{"id": "broken"',
      JSON.stringify({id: 'no-path', text: wire})
    ].join('\n')
    const one = factcheck(['--records'], {cwd: folder, input})
    expect(one.stdout).toContain('Unexpected paragraph shared with `a.txt` (line 3)')
    const shards = [1, 2, 3].map((index) => {
      fs.writeFileSync(path.join(folder, `${index}.jsonl`), factcheck(['--records', '--emit-paragraph-hashes', '--shard', `${index}/3`], {cwd: folder, input}).stdout)
      return `${index}.jsonl`
    })
    expect(factcheck(['--merge-corpus', ...shards], {cwd: folder})).toEqual(one)
    expect(one.code).toBe(2)
  })

  it('should take one file of blocks (GNU parallel --keep-order output) in its own order', () => {
    const folder = corpusFolder()
    const records = ['a.txt', 'b.txt', 'z.txt', 'a/b.txt'].map((name, index) => JSON.stringify({id: `r${index}`, path: name, text: fs.readFileSync(path.join(folder, name), 'utf8')}) + '\n')
    const one = factcheck(['--records'], {cwd: folder, input: records.join('')})
    const blocks = [records.slice(0, 2), records.slice(2)].map((block) => factcheck(['--records', '--emit-paragraph-hashes'], {cwd: folder, input: block.join('')}).stdout)
    fs.writeFileSync(path.join(folder, 'all.jsonl'), blocks.join(''))
    expect(factcheck(['--merge-corpus', 'all.jsonl'], {cwd: folder})).toEqual(one)
  })

  it('should order records by their `position` when each shard was fed only its own records (a Spark group-by)', () => {
    const folder = corpusFolder()
    const articles = ['a.txt', 'a/b.txt', 'a/b/c.md', 'a/b/d.html', 'b.txt', 'loud/e.txt', 'z.txt']
    const records = articles.map((name, index) => ({id: `r${index}`, path: name, text: fs.readFileSync(path.join(folder, name), 'utf8')}))
    const one = factcheck(['--records'], {cwd: folder, input: records.map((record) => JSON.stringify(record) + '\n').join('')})
    // Two partitions by parity, each in dump order, each record with its place in the dump.
    const outputs = [0, 1].map((parity) => {
      const input = records.flatMap((record, position) => (position % 2 === parity ? [JSON.stringify({...record, position}) + '\n'] : [])).join('')
      fs.writeFileSync(path.join(folder, `part-${parity}`), factcheck(['--records', '--emit-paragraph-hashes'], {cwd: folder, input}).stdout)
      return `part-${parity}`
    })
    expect(one.stdout.match(/shared-paragraph/g)!.length).toBeGreaterThan(4)
    expect(factcheck(['--merge-corpus', ...outputs], {cwd: folder})).toEqual(one)
  })

  it('should refuse what is not factcheck output, a missing file, or a mix of kinds, in one line, exit 2', () => {
    const folder = makeTempDir()
    writeTree(folder, {
      'notes.txt': 'hello\n',
      'files.json': '[\n{"path":"a.txt","messages":[]}\n]\n',
      'records.jsonl': '{"id":"r","line":1,"messages":[]}\n',
      'plain.jsonl': '{"id":"r","messages":[]}\n'
    })
    const run = (...files: string[]) => factcheck(['--merge-corpus', ...files], {cwd: folder})
    expect(run('notes.txt')).toEqual({code: 2, stdout: '', stderr: `factcheck: ${folder}/notes.txt:1: not factcheck JSON output\n`})
    expect(run('missing.json').stderr).toBe(`factcheck: ${folder}/missing.json: cannot read (ENOENT)\n`)
    expect(run('files.json', 'records.jsonl').stderr).toBe(`factcheck: ${folder}/records.jsonl:1: a record among file entries; merge outputs of one kind\n`)
    expect(run('plain.jsonl').stderr).toBe(`factcheck: ${folder}/plain.jsonl:1: a record without its \`line\`; run factcheck --records with --emit-paragraph-hashes\n`)
    expect(factcheck(['--merge-corpus', '--jobs', '2', 'files.json'], {cwd: folder}).stderr).toBe(
      'factcheck: --merge-corpus cannot be used with --jobs (only --output, --quiet, --max-warnings and --format json)\n'
    )
    expect(factcheck(['--format', 'stylish', '--emit-paragraph-hashes', '.'], {cwd: folder}).stderr).toBe('factcheck: --emit-paragraph-hashes needs --format json or --records\n')
  })
})
