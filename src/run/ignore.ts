/**
 * Ignore files, after unified-engine's `Ignore`: the nearest
 * `.factcheckignore` above a path applies, in gitignore syntax, relative to
 * its own folder; a config's `ignore` patterns are relative to the config's
 * folder. Folders are pruned before they are walked. An ignore file that
 * cannot be read (a pipe, a device, too big) is a `ConfigError` for every path
 * under it, as a broken config is.
 */
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {ConfigError} from '../config/config-error.js'
import {readSettingsFile} from '../config/read-settings-file.js'

export const ignoreName = '.factcheckignore'

interface Matcher {
  readonly base: string
  readonly matcher: Ignore
}

export class IgnoreFinder {
  private readonly cache = new Map<string, Matcher | ConfigError | null>()

  /** `cwd` names ignore files in errors, relative to it. */
  constructor(private readonly cwd: string) {}

  /**
   * Whether `filePath` (absolute) is ignored by the nearest ignore file or by
   * `patterns` from `patternBase`; throws `ConfigError` when that ignore file cannot be read.
   */
  ignores(filePath: string, isFolder = false, patterns?: {base: string; list: readonly string[]}): boolean {
    const found = this.nearest(path.dirname(filePath))
    if (found instanceof ConfigError) throw found
    if (found && matches(found, filePath, isFolder)) return true
    if (patterns && patterns.list.length > 0) {
      return matches({base: patterns.base, matcher: this.compile(patterns.list)}, filePath, isFolder)
    }
    return false
  }

  private readonly compiled = new Map<string, Ignore>()

  private compile(list: readonly string[]): Ignore {
    const key = list.join('\n')
    let matcher = this.compiled.get(key)
    if (!matcher) {
      matcher = ignore().add([...list])
      this.compiled.set(key, matcher)
    }
    return matcher
  }

  private nearest(folder: string): Matcher | ConfigError | undefined {
    const cached = this.cache.get(folder)
    if (cached !== undefined) return cached ?? undefined
    let found: Matcher | ConfigError | null = null
    const candidate = path.join(folder, ignoreName)
    const read = readSettingsFile(candidate)
    if (read && 'problem' in read) {
      found = new ConfigError(path.relative(this.cwd, candidate) || ignoreName, `cannot read ignore file: ${read.problem}`)
    } else if (read) {
      found = {base: folder, matcher: ignore().add(read.text)}
    } else {
      const parent = path.dirname(folder)
      found = parent === folder ? null : (this.nearest(parent) ?? null)
    }
    this.cache.set(folder, found)
    return found ?? undefined
  }
}

function matches(found: Matcher, filePath: string, isFolder: boolean): boolean {
  const relative = path.relative(found.base, filePath)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false
  const posix = relative.split(path.sep).join('/')
  return found.matcher.ignores(isFolder ? posix + '/' : posix)
}
