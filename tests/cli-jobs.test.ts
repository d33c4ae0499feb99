/**
 * `--jobs N`: linting on worker threads changes nothing in the report — the
 * same messages, files in the same order, `shared-paragraph` matched in run
 * order — only who does the work.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {factcheck, makeTempDir, removeTempDirs, root} from './cli-helpers.js'

afterEach(removeTempDirs)

/** A folder of real articles in all three formats, the rules' fixtures among them, and copies that share paragraphs. */
function articleFolder(): string {
  const folder = makeTempDir()
  fs.cpSync(path.join(root, 'articles'), path.join(folder, 'articles'), {recursive: true})
  fs.cpSync(path.join(root, 'tests/fixtures'), path.join(folder, 'fixtures'), {recursive: true})
  fs.copyFileSync(path.join(root, 'articles/000_3f8e3d0fb9951cbf.txt'), path.join(folder, 'copy-of-000.txt'))
  return folder
}

describe('factcheck --jobs', () => {
  it('should report exactly what one thread reports, in the same order, corpus matches included', () => {
    const folder = articleFolder()
    const one = factcheck(['--format', 'json', '--jobs', '1', '.'], {cwd: folder})
    const two = factcheck(['--format', 'json', '--jobs', '2', '.'], {cwd: folder})
    const three = factcheck(['--format', 'json', '--jobs', '3', '.'], {cwd: folder})
    expect(one.code).toBe(1)
    const report = JSON.parse(one.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
    expect(report.length).toBeGreaterThan(50)
    expect(report.map((file) => file.path)).toEqual(report.map((file) => file.path).sort())
    const shared = report.find((file) => file.path === 'copy-of-000.txt')!.messages.filter((message) => message.ruleId === 'shared-paragraph')
    expect(shared.length).toBeGreaterThan(5)
    expect(two).toEqual(one)
    expect(three).toEqual(one)
  })

  it('should lint on its own thread, with the same report, what the workers cannot', () => {
    const folder = articleFolder()
    const one = factcheck(['--format', 'json', '--jobs', '1', '.'], {cwd: folder})
    // A heap too small for a worker to load in: every worker dies, and the run says so once.
    const starved = factcheck(['--format', 'json', '--jobs', '2', '.'], {cwd: folder, env: {FACTCHECK_WORKER_HEAP_MB: '4'}})
    expect(starved.stdout).toBe(one.stdout)
    expect(starved.code).toBe(one.code)
    expect(starved.stderr).toMatch(/^factcheck: no lint worker could start \(.*memory limit.*\); linted on one thread\n$/)
  })

  it('should refuse a number of jobs that is not a whole number from 1', () => {
    for (const value of ['0', 'two', '-1', '1.5']) {
      const result = factcheck([`--jobs=${value}`, 'articles'])
      expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: `factcheck: --jobs expects a whole number from 1, got \`${value}\`\n`})
    }
  })
})
