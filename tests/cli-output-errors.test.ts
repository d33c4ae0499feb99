/**
 * A report that cannot be written is an I/O error (exit 2) named in one
 * line: standard output on a full device printed a minified stack trace and
 * exited 1, and `--output` on a full disk did not say which file.
 * `/dev/full` answers every write with ENOSPC; a real full disk is a 64 KiB
 * tmpfs mounted in a private mount namespace (`unshare`), when this machine allows one.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {bin, factcheck, makeTempDir, quietEnv, removeTempDirs, shell, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

/** 1,000 lines with a doubled word each: a JSON report of about 330 KB, far past 64 KiB. */
function manyMessages(): string {
  const folder = makeTempDir()
  writeTree(folder, {'a.txt': 'The minister said the the plan would cut costs.\n'.repeat(1000)})
  return folder
}

const args = "--format json --rule 'readability=off' a.txt"

/** Whether this machine lets a process mount a tmpfs in a mount namespace of its own. */
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], {encoding: 'utf8'}).status === 0

describe('a report that cannot be written', () => {
  it('should say in one line that stdout is full, and exit 2', () => {
    const folder = manyMessages()
    expect(shell(`"${process.execPath}" "${bin}" ${args} > /dev/full`, folder)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: stdout: cannot write the report (no space left on device)\n'
    })
  })

  it('should name the --output file that is full, and exit 2', () => {
    const folder = manyMessages()
    expect(factcheck(['--format', 'json', '--rule', 'readability=off', '--output', '/dev/full', 'a.txt'], {cwd: folder})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck: /dev/full: cannot write the report (no space left on device)\n'
    })
  })

  it.skipIf(!canMount)('should name the --output file on a full disk, exit 2 and leave no temporary file there', () => {
    const folder = manyMessages()
    const disk = path.join(folder, 'disk')
    fs.mkdirSync(disk)
    const script = `mount -t tmpfs -o size=64k tmpfs disk && echo old > disk/report.json && "${process.execPath}" "${bin}" ${args} --output disk/report.json; code=$?; ls -A disk; cat disk/report.json; exit $code`
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], {cwd: folder, env: quietEnv(), encoding: 'utf8', timeout: 60_000})
    expect({code: result.status, stdout: result.stdout, stderr: result.stderr}).toEqual({
      code: 2,
      stdout: 'report.json\nold\n',
      stderr: 'factcheck: disk/report.json: cannot write the report (no space left on device)\n'
    })
  })
})
