/**
 * Where a report goes: standard output, or a file written atomically (a
 * temporary file beside it, renamed over it when complete), so a reader never
 * sees half a report and a failed run leaves the old file as it was.
 *
 * A rename replaces whatever the name held, so writes go through symbolic
 * links to the file they name, and a device or pipe (`--output /dev/null`,
 * `--output >(gzip)`) is written in place: renaming over it would put a
 * regular file where the device was.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface Sink {
  write(chunk: string): void
  /** Finish: for a file, move it into place. */
  close(): void
  /** Give up: for a file, remove the temporary file. */
  abort(): void
}

export function stdoutSink(): Sink {
  return {
    write(chunk) {
      if (chunk) process.stdout.write(chunk)
    },
    close() {},
    abort() {}
  }
}

export function atomicFileSink(name: string): Sink {
  const target = followLinks(name)
  const stats = fs.statSync(target, {throwIfNoEntry: false})
  // `--output reports`: renaming over a folder would fail only after the whole run.
  if (stats?.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: ${name} is a folder`), {code: 'EISDIR'})
  }
  if (stats !== undefined && !stats.isFile()) return inPlaceSink(target)
  const temporary = temporaryPath(target)
  const fd = fs.openSync(temporary, 'wx', modeOf(target))
  let open = true
  return {
    write(chunk) {
      if (chunk) fs.writeSync(fd, chunk)
    },
    close() {
      if (!open) return
      open = false
      try {
        try {
          fs.fsyncSync(fd)
        } finally {
          fs.closeSync(fd)
        }
        fs.renameSync(temporary, target)
      } catch (error) {
        fs.rmSync(temporary, {force: true})
        throw error
      }
    },
    abort() {
      if (!open) return
      open = false
      fs.closeSync(fd)
      fs.rmSync(temporary, {force: true})
    }
  }
}

/** A device, pipe or socket, written as it is: there is nothing to rename over. */
function inPlaceSink(target: string): Sink {
  const fd = fs.openSync(target, 'w')
  let open = true
  const end = (): void => {
    if (!open) return
    open = false
    fs.closeSync(fd)
  }
  return {
    write(chunk) {
      if (chunk) fs.writeSync(fd, chunk)
    },
    close: end,
    abort: end
  }
}

/**
 * The file a write to `name` should change: the end of its chain of symbolic
 * links (even a dangling one), or `name` itself. Renaming over a link would
 * replace the link and leave the file it names unchanged.
 */
export function followLinks(name: string): string {
  let current = name
  // At most 40 links, Linux's own limit.
  for (let hop = 0; hop < 40; hop++) {
    if (!fs.lstatSync(current, {throwIfNoEntry: false})?.isSymbolicLink()) return current
    current = path.resolve(path.dirname(current), fs.readlinkSync(current))
  }
  throw Object.assign(new Error(`ELOOP: too many symbolic links: ${name}`), {code: 'ELOOP'})
}

/**
 * Write a whole file atomically, with `mode` (default: the mode of the file it
 * replaces, or 0644), set explicitly so the umask cannot take bits away.
 */
export function writeFileAtomic(target: string, value: string | Uint8Array, mode = modeOf(target)): void {
  const temporary = temporaryPath(target)
  try {
    fs.writeFileSync(temporary, value, {flag: 'wx', mode})
    fs.chmodSync(temporary, mode)
    fs.renameSync(temporary, target)
  } catch (error) {
    fs.rmSync(temporary, {force: true})
    throw error
  }
}

/** `.story.txt.tmp-4242-k3x9qa`: the file's name, the writing process's id, six random letters or digits. */
function temporaryPath(target: string): string {
  const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${suffix}`)
}

// The name `temporaryPath` gives, with the process id captured: `.story.txt.tmp-4242-k3x9qa`, not `.story.txt.tmp-old`.
const temporaryName = /^\.(.+)\.tmp-(\d+)-[a-z\d]{6}$/

/**
 * Remove the temporary files an interrupted write to `target` left beside it
 * (killed, or the machine went down): names `temporaryPath` gives for this
 * very file, regular files, whose process no longer runs. Called before
 * `--fix` writes an article, so a leftover goes on the next fix of its file.
 */
export function removeStaleTemporaries(target: string): void {
  const folder = path.dirname(target)
  const base = path.basename(target)
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    const match = temporaryName.exec(name)
    if (!match || match[1] !== base || isRunning(Number(match[2]))) continue
    const leftover = path.join(folder, name)
    if (fs.lstatSync(leftover, {throwIfNoEntry: false})?.isFile()) fs.rmSync(leftover, {force: true})
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function modeOf(target: string): number {
  try {
    return fs.statSync(target).mode & 0o777
  } catch {
    return 0o644
  }
}
