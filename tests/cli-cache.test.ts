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
    writeTree(folder, {'.factcheckcache/killed.json.1.x.tmp': '{"stamp"', '.factcheckcache/writing.json.2.y.tmp': '{"stamp"'})
    fs.utimesSync(path.join(cache, 'killed.json.1.x.tmp'), daysAgo(1), daysAgo(1))
    lint(folder)
    // Pruned less than a day ago: nothing goes.
    expect(entries(folder)).toHaveLength(3)

    fs.utimesSync(marker, daysAgo(2), daysAgo(2))
    lint(folder)
    expect(pathsOf()).toEqual(['a.txt', 'c.md'].map((name) => path.join(folder, name)))
    expect(fs.readdirSync(cache).filter((name) => !name.endsWith('.json')).sort()).toEqual(['CACHEDIR.TAG', 'last-pruned', 'writing.json.2.y.tmp'])
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
