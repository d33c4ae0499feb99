/**
 * `--cache`: an unchanged article's result comes from `.factcheckcache`; a
 * changed article, a changed config or another version lints again. A result
 * read from the cache is told apart from a fresh one by planting a marker in
 * the entry: the marker shows in the report only when the entry was used.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, writeTree} from './cli-helpers.js'

afterEach(removeTempDirs)

// Seed 000: a paragraph with an unsourced figure, and wire copy that two outlets might both carry.
const figure = 'About 2,000 people have been killed in attacks across the province this year.'
const wire =
  'The top US commander in Afghanistan, Gen. John Nicholson, said last week that Pakistan had yet to take significant actions against the groups and that senior Taliban leadership resides in Pakistan.'

const rules = ['unsourced-number', 'shared-paragraph']

function corpus(): string {
  const folder = makeTempDir()
  writeTree(folder, {
    'a.txt': `Mattis seeks more cooperation with Pakistan.\n\n${figure}\n\n${wire}\n`,
    'b.txt': `Jim Mattis arrives in Pakistan.\n\n${wire}\n`,
    'c.md': `# Pakistan\n\n${figure}\n`
  })
  return folder
}

const lint = (folder: string, ...extra: string[]) => factcheck(['--format', 'json', '--cache', ...extra, '.'], {cwd: folder, only: rules})

function entries(folder: string): string[] {
  return fs.readdirSync(path.join(folder, '.factcheckcache')).filter((name) => name.endsWith('.json')).map((name) => path.join(folder, '.factcheckcache', name))
}

/** Add a marker message to every cache entry, so a report shows which results came from the cache. */
function plantMarkers(folder: string): void {
  for (const entry of entries(folder)) {
    const data = JSON.parse(fs.readFileSync(entry, 'utf8')) as {messages: unknown[]}
    data.messages.push({reason: 'from the cache', ruleId: 'cache-marker', source: 'test', place: {line: 1, column: 1}})
    fs.writeFileSync(entry, JSON.stringify(data))
  }
}

function cachedFiles(stdout: string): string[] {
  const report = JSON.parse(stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
  return report.filter((file) => file.messages.some((message) => message.ruleId === 'cache-marker')).map((file) => file.path)
}

describe('factcheck --cache', () => {
  it('should give the same report from the cache, shared paragraphs included, and keep one entry per article', () => {
    const folder = corpus()
    const cold = lint(folder)
    expect(cold.code).toBe(0)
    expect(cold.stdout).toContain('"ruleId":"shared-paragraph"')
    expect(cold.stdout).toContain('"ruleId":"unsourced-number"')
    expect(entries(folder)).toHaveLength(3)
    expect(fs.readFileSync(path.join(folder, '.factcheckcache/CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n/)
    expect(lint(folder)).toEqual(cold)
    expect(entries(folder)).toHaveLength(3)
  })

  it('should use the entries of unchanged articles and lint a changed one again', () => {
    const folder = corpus()
    lint(folder)
    plantMarkers(folder)
    expect(cachedFiles(lint(folder).stdout)).toEqual(['a.txt', 'b.txt', 'c.md'])

    fs.appendFileSync(path.join(folder, 'c.md'), '\nMore than 300 soldiers were wounded.\n')
    const changed = lint(folder)
    expect(cachedFiles(changed.stdout)).toEqual(['a.txt', 'b.txt'])
    expect(changed.stdout).toContain('Unexpected figure `300`')
    expect(entries(folder)).toHaveLength(3)
  })

  it('should lint everything again when the config changes, and only the files under it', () => {
    const folder = corpus()
    writeTree(folder, {'sub/d.txt': `${figure}\n`})
    lint(folder)
    plantMarkers(folder)
    writeTree(folder, {'sub/.factcheckrc.json': JSON.stringify({rules: {'unsourced-number': ['warn', {minimum: 5000}]}})})
    expect(cachedFiles(lint(folder).stdout)).toEqual(['a.txt', 'b.txt', 'c.md'])
    writeTree(folder, {'.factcheckrc.json': JSON.stringify({rules: {'unsourced-number': 'error'}})})
    const result = lint(folder)
    expect(cachedFiles(result.stdout)).toEqual([])
    expect(result.code).toBe(1)
  })

  it('should lint again when a rule is set on the command line', () => {
    const folder = corpus()
    lint(folder)
    plantMarkers(folder)
    expect(cachedFiles(lint(folder, '--rule', 'unsourced-number=error').stdout)).toEqual([])
  })

  it('should treat a damaged entry as missing and write it anew', () => {
    const folder = corpus()
    const cold = lint(folder)
    for (const entry of entries(folder)) fs.writeFileSync(entry, '{"stamp": "x", "messa')
    expect(lint(folder)).toEqual(cold)
    plantMarkers(folder)
    expect(cachedFiles(lint(folder).stdout)).toEqual(['a.txt', 'b.txt', 'c.md'])
  })

  it('should prune, at most once a day, the entries of deleted articles and the temporary files of killed runs', () => {
    const folder = corpus()
    lint(folder)
    const cache = path.join(folder, '.factcheckcache')
    const marker = path.join(cache, 'last-pruned')
    const pathsOf = () => entries(folder).map((entry) => (JSON.parse(fs.readFileSync(entry, 'utf8')) as {path: string}).path).sort()
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)
    expect(pathsOf()).toEqual(['a.txt', 'b.txt', 'c.md'].map((name) => path.join(folder, name)))
    expect(fs.existsSync(marker)).toBe(true)

    fs.rmSync(path.join(folder, 'b.txt'))
    // Temporary names as the cache makes them (`<entry>.<pid>.<random>.tmp`): other names are not its own.
    const killed = `${'a'.repeat(40)}.json.1.x.tmp`
    const writing = `${'b'.repeat(40)}.json.2.y.tmp`
    writeTree(folder, {[`.factcheckcache/${killed}`]: '{"stamp"', [`.factcheckcache/${writing}`]: '{"stamp"'})
    fs.utimesSync(path.join(cache, killed), daysAgo(1), daysAgo(1))
    lint(folder)
    // Pruned less than a day ago: nothing goes.
    expect(entries(folder)).toHaveLength(3)

    fs.utimesSync(marker, daysAgo(2), daysAgo(2))
    lint(folder)
    expect(pathsOf()).toEqual(['a.txt', 'c.md'].map((name) => path.join(folder, name)))
    expect(fs.readdirSync(cache).filter((name) => !name.endsWith('.json')).sort()).toEqual(['CACHEDIR.TAG', 'last-pruned', writing].sort())
    expect(Date.now() - fs.statSync(marker).mtimeMs).toBeLessThan(60_000)
  })

  it('should keep, when it prunes, the entries of existing articles the run did not lint', () => {
    const folder = corpus()
    lint(folder)
    fs.utimesSync(path.join(folder, '.factcheckcache/last-pruned'), new Date(0), new Date(0))
    expect(factcheck(['--cache', 'a.txt'], {cwd: folder, only: rules}).code).toBe(0)
    expect(entries(folder)).toHaveLength(3)
    plantMarkers(folder)
    expect(cachedFiles(lint(folder).stdout)).toEqual(['a.txt', 'b.txt', 'c.md'])
  })

  it('should keep the cache where --cache-location says, and need --cache for it', () => {
    const folder = corpus()
    expect(factcheck(['--cache', '--cache-location', 'tmp/lint-cache', '.'], {cwd: folder, only: rules}).code).toBe(0)
    expect(fs.readdirSync(path.join(folder, 'tmp/lint-cache')).filter((name) => name.endsWith('.json'))).toHaveLength(3)
    expect(fs.existsSync(path.join(folder, '.factcheckcache'))).toBe(false)
    const result = factcheck(['--cache-location', 'x', '.'], {cwd: folder})
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: 'factcheck: --cache-location needs --cache\n'})
  })

  it('should say once that it cannot write the cache and still report everything', () => {
    const folder = corpus()
    const expected = factcheck(['--format', 'json', '.'], {cwd: folder, only: rules})
    writeTree(folder, {'.factcheckcache': 'a file where the cache folder should be'})
    const result = lint(folder)
    expect(result.stdout).toBe(expected.stdout)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(`factcheck: ${path.join(folder, '.factcheckcache')}: cannot write the cache (EEXIST); results were not kept\n`)
  })
})

/** A file's bytes and mtime, to show it was left exactly as it was. */
function snapshot(file: string): {text: string; mtime: number} {
  return {text: fs.readFileSync(file, 'utf8'), mtime: fs.statSync(file).mtimeMs}
}

describe('factcheck --cache owns only what it created', () => {
  it('should refuse, with one line and exit 2, a --cache-location that holds other files and no marker, and touch nothing there', () => {
    const folder = corpus()
    const old = new Date(Date.now() - 3 * 86_400_000)
    writeTree(folder, {'package.json': '{"name": "site"}\n', 'tsconfig.json': '{}\n', 'notes.tmp': 'draft\n'})
    for (const name of ['package.json', 'tsconfig.json', 'notes.tmp']) fs.utimesSync(path.join(folder, name), old, old)
    const before = fs.readdirSync(folder).sort()
    const kept = ['package.json', 'tsconfig.json', 'notes.tmp'].map((name) => snapshot(path.join(folder, name)))

    expect(lint(folder, '--cache-location', '.')).toEqual({
      code: 2,
      stdout: '',
      stderr: `factcheck: ${folder}: not a factcheck cache folder: it holds other files and no CACHEDIR.TAG written by factcheck (use an empty or new folder)\n`
    })
    expect(fs.readdirSync(folder).sort()).toEqual(before)
    expect(['package.json', 'tsconfig.json', 'notes.tmp'].map((name) => snapshot(path.join(folder, name)))).toEqual(kept)
  })

  it('should refuse a .factcheckcache folder that is not its own', () => {
    const folder = corpus()
    writeTree(folder, {'.factcheckcache/CACHEDIR.TAG': 'Signature: 8a477f597d28d172789f06886806bc55\n# another tool\n', '.factcheckcache/data.json': '{}'})
    const result = lint(folder)
    expect({code: result.code, stdout: result.stdout}).toEqual({code: 2, stdout: ''})
    expect(result.stderr).toBe(`factcheck: ${path.join(folder, '.factcheckcache')}: not a factcheck cache folder: it holds other files and no CACHEDIR.TAG written by factcheck (use an empty or new folder)\n`)
    expect(fs.readdirSync(path.join(folder, '.factcheckcache')).sort()).toEqual(['CACHEDIR.TAG', 'data.json'])
  })

  it('should take an empty folder, and in its own folder leave files of other names alone when it prunes', () => {
    const folder = corpus()
    fs.mkdirSync(path.join(folder, 'cache'))
    expect(lint(folder, '--cache-location', 'cache').code).toBe(0)
    const cache = path.join(folder, 'cache')
    const old = new Date(Date.now() - 3 * 86_400_000)
    writeTree(folder, {'cache/README.json': '{"path": "/gone.txt"}', 'cache/keep.tmp': 'x'})
    for (const name of ['README.json', 'keep.tmp', 'last-pruned']) fs.utimesSync(path.join(cache, name), old, old)
    expect(lint(folder, '--cache-location', 'cache').code).toBe(0)
    expect(fs.readdirSync(cache).filter((name) => !/^[\da-f]{40}\.json$/.test(name)).sort()).toEqual(['CACHEDIR.TAG', 'README.json', 'keep.tmp', 'last-pruned'])
    expect(Date.now() - fs.statSync(path.join(cache, 'last-pruned')).mtimeMs).toBeLessThan(60_000)
  })

  it('should not write through a last-pruned link committed in its folder', () => {
    const folder = corpus()
    lint(folder)
    const cache = path.join(folder, '.factcheckcache')
    writeTree(folder, {'precious.txt': 'Do not truncate me.\n'})
    const old = new Date(Date.now() - 3 * 86_400_000)
    fs.utimesSync(path.join(folder, 'precious.txt'), old, old)
    fs.rmSync(path.join(cache, 'last-pruned'))
    fs.symlinkSync('../precious.txt', path.join(cache, 'last-pruned'))

    expect(lint(folder).code).toBe(0)
    expect(fs.readFileSync(path.join(folder, 'precious.txt'), 'utf8')).toBe('Do not truncate me.\n')
    // Pruning replaced the link with its own file.
    expect(fs.lstatSync(path.join(cache, 'last-pruned')).isFile()).toBe(true)
  })

  it('should not create a file outside its folder through a dangling CACHEDIR.TAG link', () => {
    const folder = corpus()
    const outside = path.join(folder, 'outside.txt')
    fs.mkdirSync(path.join(folder, '.factcheckcache'))
    fs.symlinkSync(outside, path.join(folder, '.factcheckcache/CACHEDIR.TAG'))
    const result = lint(folder)
    expect({code: result.code, stdout: result.stdout}).toEqual({code: 2, stdout: ''})
    expect(result.stderr).toContain('not a factcheck cache folder')
    expect(fs.existsSync(outside)).toBe(false)
  })

  it('should not read an entry through a link, nor write through one', () => {
    const folder = corpus()
    lint(folder)
    const cache = path.join(folder, '.factcheckcache')
    const [entry] = entries(folder)
    const planted = path.join(folder, 'planted.json')
    const data = JSON.parse(fs.readFileSync(entry, 'utf8')) as {messages: unknown[]}
    data.messages.push({reason: 'from the cache', ruleId: 'cache-marker', source: 'test', place: {line: 1, column: 1}})
    fs.writeFileSync(planted, JSON.stringify(data))
    fs.rmSync(entry)
    fs.symlinkSync(planted, entry)

    const result = lint(folder)
    expect(cachedFiles(result.stdout)).toEqual([])
    expect(fs.lstatSync(entry).isFile()).toBe(true)
    expect(fs.readFileSync(planted, 'utf8')).toBe(JSON.stringify(data))
    expect(fs.readdirSync(cache)).toContain('CACHEDIR.TAG')
  })
})
