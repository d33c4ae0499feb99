/**
 * Read a config or ignore file, only when it is a regular file of at most
 * `maxSettingsBytes`. A named pipe would block the run for ever (opening it
 * waits for a writer, reading it waits for an end), and `/dev/zero` never
 * ends: both are refused by what `fstat` says of the opened file. The file is
 * opened non-blocking, so opening a pipe returns at once; a regular file
 * reads the same either way.
 */
import fs from 'node:fs'

/** The largest config or ignore file read: 1 MiB, far past any real one (this repo's is 300 bytes). */
export const maxSettingsBytes = 1024 * 1024

/**
 * The text of `filePath`, or a short phrase saying why it was not read
 * (`{problem: 'a named pipe, not a regular file'}`); `undefined` when there is no such file.
 */
export function readSettingsFile(filePath: string): {readonly text: string} | {readonly problem: string} | undefined {
  let fd: number
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    return {problem: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))}
  }
  try {
    const stats = fs.fstatSync(fd)
    if (!stats.isFile()) return {problem: `${kindOf(stats)}, not a regular file`}
    if (stats.size > maxSettingsBytes) return {problem: `${stats.size} bytes, over the limit of ${maxSettingsBytes} for config and ignore files`}
    return {text: fs.readFileSync(fd, 'utf8')}
  } catch (error) {
    return {problem: (error as NodeJS.ErrnoException).code ?? String(error)}
  } finally {
    fs.closeSync(fd)
  }
}

function kindOf(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a named pipe'
  if (stats.isSocket()) return 'a socket'
  return 'a device'
}
