/**
 * The progress bar end to end: under a real pseudo-terminal (util-linux
 * `script`) a run over many files draws it on stderr and erases it at the end;
 * in a pipe (every other CLI test), with `CI` set or with `--no-progress` it
 * never appears, and the report is the same byte for byte.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bin, factcheck, makeTempDir, quietEnv, removeTempDirs, root} from './cli-helpers.js'

const script = '/usr/bin/script'
const columns = 72
const files = 24

afterAll(removeTempDirs)

let folder = ''

beforeAll(() => {
  // Copies of the sample articles: enough files, and enough work, for the bar's half-second delay.
  folder = makeTempDir()
  const samples = fs.readdirSync(path.join(root, 'articles')).filter((name) => name.endsWith('.txt'))
  for (let copy = 0; copy < files / samples.length; copy++) {
    for (const sample of samples) fs.copyFileSync(path.join(root, 'articles', sample), path.join(folder, `${copy}-${sample}`))
  }
})

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

/**
 * Run `factcheck …args` with stdin, stdout and stderr on a pseudo-terminal
 * `columns` wide, stdout sent to `reportFile` when given; what the terminal
 * showed comes back (the pty turns `\n` into `\r\n`).
 */
function onTerminal(args: readonly string[], options: {env?: NodeJS.ProcessEnv; reportFile?: string} = {}): string {
  const command = [process.execPath, bin, ...args].map(quote).join(' ')
  const redirect = options.reportFile === undefined ? '' : ` > ${quote(options.reportFile)}`
  const env = {...quietEnv(), TERM: 'xterm', ...options.env}
  // The suite may itself run in CI; the child decides from the env given here.
  if (options.env?.CI === undefined) delete env.CI
  const result = spawnSync(script, ['-qec', `stty cols ${columns}; ${command}${redirect}`, '/dev/null'], {cwd: folder, env, encoding: 'utf8', input: '', timeout: 60_000})
  expect(result.stderr).toBe('')
  return result.stdout
}

/** Each drawing of the bar: `\r[==>   ] 3/24 files  12%  0.8 s` then erase-to-end. */
const drawing = /\r(\[[=> ]+\] \d+\/\d+ files {2}\d+% {2}\d+\.\d s)\u001B\[K/g
const erase = '\r\u001B[K'

// Several runs of the command each, on a machine that may be busy with other suites.
describe.skipIf(!fs.existsSync(script))('the progress bar on a terminal', {timeout: 120_000}, () => {
  it('should draw on stderr over many files, fit the terminal, erase itself, and leave the JSON report intact', () => {
    const reportFile = path.join(folder, 'report.json')
    const shown = onTerminal(['--format', 'json', '.'], {reportFile})

    const lines = [...shown.matchAll(drawing)].map((match) => match[1])
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      expect(line).toMatch(new RegExp(`\\] \\d+/${files} files`))
      expect(line.length).toBeLessThan(columns)
    }
    // Nothing but drawings, and the last thing done is to erase the line.
    expect(shown.replaceAll(drawing, '').replaceAll(erase, '')).toBe('')
    expect(shown.endsWith(erase)).toBe(true)

    const piped = factcheck(['--format', 'json', '.'], {cwd: folder})
    expect(piped.stderr).toBe('')
    expect(fs.readFileSync(reportFile, 'utf8')).toBe(piped.stdout)
    expect((JSON.parse(piped.stdout) as unknown[]).length).toBe(files)
  })

  it('should erase the bar before a warning and draw it again after', () => {
    const shown = onTerminal(['--format', 'json', '.', 'nope.txt'], {reportFile: '/dev/null'})
    const warning = 'factcheck: nope.txt: no such file or folder\r\n'
    const at = shown.indexOf(warning)
    expect(at).toBeGreaterThan(0)
    expect(shown.slice(0, at).endsWith(erase)).toBe(true)
    // Files are still in flight when the walk meets the missing path: any count, drawn again at once.
    expect(shown.slice(at + warning.length)).toMatch(/^\r\[[=> ]+\] \d+\/24 files {2}\d+% /)
    expect(shown.endsWith(erase)).toBe(true)
  })

  it('should keep the stylish report whole when it shares the terminal with the bar', () => {
    const shown = onTerminal(['.'])
    expect(shown).toMatch(drawing)
    const piped = factcheck(['.'], {cwd: folder})
    expect(shown.replaceAll(drawing, '').replaceAll(erase, '')).toBe(piped.stdout.replaceAll('\n', '\r\n'))
  })

  it('should draw nothing with CI set, with --no-progress, or over few files', () => {
    expect(onTerminal(['--format', 'json', '.'], {env: {CI: 'true'}, reportFile: '/dev/null'})).toBe('')
    expect(onTerminal(['--format', 'json', '--no-progress', '.'], {reportFile: '/dev/null'})).toBe('')
    expect(onTerminal(['--format', 'json', '0-*.txt'], {reportFile: '/dev/null'})).toBe('')
  })
})
