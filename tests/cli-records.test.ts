/**
 * `--records`: JSON lines in, one JSON line out a record, in input order,
 * with the messages a file run gives; bad lines answered and skipped; a
 * long input streamed; `--shard` over record ids.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {bin, factcheck, makeTempDir, offFlags, quietEnv, removeTempDirs, root, ruleUrl, writeTree} from './cli-helpers.js'

afterEach(removeTempDirs)

const lines = (records: readonly object[]) => records.map((record) => JSON.stringify(record) + '\n').join('')
const parsed = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)

const repeated = (column: number) => ({
  ruleId: 'repeated-word',
  source: 'factcheck',
  severity: 'error',
  reason: 'Unexpected repeated `the`, remove one occurrence',
  line: 1,
  column,
  endLine: 1,
  endColumn: column + 7,
  url: ruleUrl('repeated-word'),
  actual: 'the the',
  expected: ['the']
})

// Inline code is not prose in Markdown: there only the first `the the` is flagged.
const text = 'He said the the plan was `the the` code.'

describe('factcheck --records', {timeout: 120_000}, () => {
  it('should answer each record with its id and messages, in input order, the type from `type` or else `path`', () => {
    const input = lines([
      {id: 'plain', text},
      {id: 'typed', type: 'md', text},
      {id: 'named', path: 'x.md', text},
      {id: 'both', path: 'x.md', type: 'txt', text, source: 'https://example.org/ignored-field'}
    ])
    const result = factcheck(['--records'], {input, only: ['repeated-word']})
    expect(parsed(result.stdout)).toEqual([
      {id: 'plain', messages: [repeated(9), repeated(27)]},
      {id: 'typed', messages: [repeated(9)]},
      {id: 'named', path: 'x.md', messages: [repeated(9)]},
      {id: 'both', path: 'x.md', messages: [repeated(9), repeated(27)]}
    ])
    expect([result.code, result.stderr]).toEqual([1, ''])
  })

  it('should give each record the messages a file run gives the same article, in the same order, on workers too', () => {
    const folder = makeTempDir()
    const articles = fs.readdirSync(path.join(root, 'articles')).filter((name) => /\.(txt|md|html)$/.test(name)).sort().slice(0, 24)
    for (const name of articles) fs.copyFileSync(path.join(root, 'articles', name), path.join(folder, name))
    const files = factcheck(['--format', 'json', '--jobs', '1', '.'], {cwd: folder})
    const input = lines(articles.map((name) => ({id: `rec-${name}`, path: name, text: fs.readFileSync(path.join(folder, name), 'utf8')})))
    const records = factcheck(['--records', '--jobs', '2'], {cwd: folder, input})
    const expected = (JSON.parse(files.stdout) as Array<{path: string; messages: unknown[]}>).map((file) => ({id: `rec-${file.path}`, path: file.path, messages: file.messages}))
    expect(expected.some((record) => record.messages.length > 0)).toBe(true)
    expect(parsed(records.stdout)).toEqual(expected)
    expect(records.code).toBe(files.code)
  })

  it('should answer a bad line with its line number and go on, exit 2', () => {
    const input = [
      '{"id": "first", "text": "He said the the plan."}',
      'not json',
      '',
      '[1, 2]',
      '{"text": "no id"}',
      '{"id": 7, "text": "a number"}',
      '{"id": "no-text"}',
      '{"id": "number-text", "text": 12}',
      '{"id": "pdf", "text": "x", "type": "pdf"}',
      '{"id": "bad-path", "text": "x", "path": 5}',
      '{"id": "bad-position", "text": "x", "position": -1}',
      Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1'),
      '{"id": "last", "text": "She said the the plan."}\r'
    ].join('\n')
    const result = factcheck(['--records'], {input: Buffer.from(input, 'latin1'), only: ['repeated-word']})
    const output = parsed(result.stdout)
    expect(output.map((line) => ('error' in line ? line : line.id))).toEqual([
      'first',
      {line: 2, error: 'not JSON'},
      {line: 4, error: 'not a JSON object'},
      {line: 5, error: 'no `id`'},
      {line: 6, error: '`id` must be a non-empty string'},
      {id: 'no-text', line: 7, error: 'no `text`'},
      {id: 'number-text', line: 8, error: '`text` must be a string'},
      {id: 'pdf', line: 9, error: '`type` must be "txt", "md" or "html"'},
      {id: 'bad-path', line: 10, error: '`path` must be a non-empty string'},
      {id: 'bad-position', line: 11, error: '`position` must be a whole number'},
      {line: 12, error: 'not UTF-8'},
      'last'
    ])
    expect(output.at(-1)).toEqual({id: 'last', messages: [{...repeated(10), endColumn: 17}]})
    expect([result.code, result.stderr]).toEqual([2, ''])
  })

  it('should skip a line over 16 MiB without holding it, and go on', () => {
    const long = '{"id": "long", "text": "' + 'word '.repeat(3_400_000) + '"}'
    const input = long + '\n{"id": "after", "text": "Fine."}\n'
    const result = factcheck(['--records'], {input, only: ['repeated-word']})
    expect(parsed(result.stdout)).toEqual([
      {line: 1, error: 'line longer than 16777216 bytes (the --records limit), skipped'},
      {id: 'after', messages: []}
    ])
    expect(result.code).toBe(2)
  })

  it('should pick the config by `path`, as for a file there, and the working folder’s without one', () => {
    const folder = makeTempDir()
    writeTree(folder, {'quiet/.factcheckrc.json': JSON.stringify({rules: {'repeated-word': 'off'}})})
    const input = lines([
      {id: 'in-quiet', path: 'quiet/a.txt', text},
      {id: 'elsewhere', path: 'loud/a.txt', text},
      {id: 'no-path', text}
    ])
    const result = factcheck(['--records', ...offFlags(['repeated-word'])], {cwd: folder, input})
    expect(parsed(result.stdout).map((line) => [line.id, (line.messages as unknown[]).length])).toEqual([
      ['in-quiet', 0],
      ['elsewhere', 2],
      ['no-path', 2]
    ])
  })

  it('should refuse other formats and paths, exit 2', () => {
    expect(factcheck(['--records', '--format', 'stylish'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: --records writes JSON lines (the messages of the json format); --format stylish cannot be used with it\n'
    })
    expect(factcheck(['--records', 'articles']).stderr).toBe(
      'factcheck: --records reads standard input: it takes no paths and cannot be used with --stdin, --staged, --fix or --cache\n'
    )
    expect(factcheck(['--records', '--format', 'json'], {input: lines([{id: 'ok', text: 'Fine.'}]), only: []}).stdout).toBe('{"id":"ok","messages":[]}\n')
  })

  it('should split records by id with --shard, each in exactly one shard', () => {
    const input = lines(Array.from({length: 30}, (_, index) => ({id: `r${index}`, text: index % 5 === 0 ? text : 'Fine.'})).concat([{text: 'no id'} as never]))
    const whole = parsed(factcheck(['--records'], {input, only: ['repeated-word']}).stdout)
    const shards = [1, 2, 3].map((index) => parsed(factcheck(['--records', '--shard', `${index}/3`], {input, only: ['repeated-word']}).stdout))
    for (const shard of shards) expect(shard.length).toBeGreaterThan(3)
    // The bad line without an id goes to shard 1 only.
    expect(shards.map((shard) => shard.filter((line) => 'error' in line).length)).toEqual([1, 0, 0])
    const byLine = (a: Record<string, unknown>, b: Record<string, unknown>) => whole.indexOf(whole.find((line) => JSON.stringify(line) === JSON.stringify(a))!) - whole.indexOf(whole.find((line) => JSON.stringify(line) === JSON.stringify(b))!)
    expect(shards.flat().sort(byLine)).toEqual(whole)
  })

  it('should stream: answer the first records before the input ends, over a long input, in order', async () => {
    const child = spawn(process.execPath, [bin, '--records', '--jobs', '1', ...offFlags(['repeated-word'])], {env: quietEnv()})
    let output = ''
    let firstAnswerAt: number | undefined
    let written = 0
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      firstAnswerAt ??= written
    })
    const total = 5000
    for (; written < total; written++) {
      const line = JSON.stringify({id: `n${written}`, text: written % 100 === 0 ? text : 'A short and clean sentence about the weather today.'}) + '\n'
      if (!child.stdin.write(line)) await new Promise((resolve) => child.stdin.once('drain', resolve))
      // Let the reader run now and then, as a slow producer would.
      if (written % 250 === 0) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    child.stdin.end()
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(1)
    expect(firstAnswerAt).toBeLessThan(total / 2)
    const answered = parsed(output)
    expect(answered.map((line) => line.id)).toEqual(Array.from({length: total}, (_, index) => `n${index}`))
    expect(answered.filter((line) => (line.messages as unknown[]).length > 0)).toHaveLength(total / 100)
  }, 120_000)
})
