/**
 * Find and load config files, after unified-engine's `FindUp`: from each
 * article's folder upward, the first folder holding `.factcheckrc`,
 * `.factcheckrc.json` or a `package.json` with a `factcheck` field wins,
 * cached per folder. Unlike unified-engine, only JSON is read: config files
 * are data and no code is loaded from them.
 */
import fs from 'node:fs'
import path from 'node:path'
import {checkConfig, type ConfigData} from './check-config.js'
import {ConfigError} from './config-error.js'
import {readSettingsFile} from './read-settings-file.js'

export const configNames = ['.factcheckrc', '.factcheckrc.json', 'package.json'] as const
export const packageField = 'factcheck'

export interface LoadedConfig {
  /** Absolute path of the config file; `undefined` for the defaults. */
  readonly path: string | undefined
  readonly data: ConfigData
}

const emptyConfig: LoadedConfig = {path: undefined, data: {rules: {}, people: {}, ignore: []}}

/** Read and check one config file; throws `ConfigError` naming the file. */
export function loadConfigFile(filePath: string, label = filePath): LoadedConfig {
  const read = readSettingsFile(filePath) ?? {problem: 'ENOENT'}
  if ('problem' in read) throw new ConfigError(label, `cannot read config: ${read.problem}`)
  const raw = parseJson(read.text, label)
  const value = path.basename(filePath) === 'package.json' ? (raw as Record<string, unknown>)[packageField] : raw
  const data = checkConfig(value)
  if (typeof data === 'string') throw new ConfigError(label, data)
  return {path: filePath, data}
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ConfigError(label, `invalid JSON: ${jsonProblem(error, text)}`)
  }
}

// Node 20: "Unexpected token } in JSON at position 12".
const jsonPosition = / in JSON at position (\d+)/

function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const match = jsonPosition.exec(message)
  if (!match) return message
  const offset = Number(match[1])
  const before = text.slice(0, offset).split('\n')
  return `${message.slice(0, match.index)} at ${before.length}:${before[before.length - 1].length + 1}`
}

/** Finds the nearest config of each folder, caching folders it has seen. */
export class ConfigFinder {
  private readonly cache = new Map<string, LoadedConfig | ConfigError>()

  constructor(private readonly cwd: string) {}

  /** The config that applies to `filePath`; throws `ConfigError` when it is broken. */
  forFile(filePath: string): LoadedConfig {
    const found = this.forFolder(path.dirname(path.resolve(this.cwd, filePath)))
    if (found instanceof ConfigError) throw found
    return found
  }

  private forFolder(folder: string): LoadedConfig | ConfigError {
    const cached = this.cache.get(folder)
    if (cached) return cached
    let result: LoadedConfig | ConfigError | undefined
    try {
      result = this.inFolder(folder)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      result = error
    }
    const parent = path.dirname(folder)
    result ??= parent === folder ? emptyConfig : this.forFolder(parent)
    this.cache.set(folder, result)
    return result
  }

  private inFolder(folder: string): LoadedConfig | undefined {
    for (const name of configNames) {
      const candidate = path.join(folder, name)
      // `.factcheckrc.json` as a pipe or a folder is a broken config (loading says so); such a package.json is not ours.
      if (!fs.existsSync(candidate)) continue
      if (name === 'package.json' && !hasPackageField(candidate)) continue
      return loadConfigFile(candidate, path.relative(this.cwd, candidate) || name)
    }
    return undefined
  }
}

function hasPackageField(filePath: string): boolean {
  const read = readSettingsFile(filePath)
  if (read === undefined || 'problem' in read) return false
  try {
    const data: unknown = JSON.parse(read.text)
    return typeof data === 'object' && data !== null && packageField in data
  } catch {
    // A broken package.json that is not ours is not our config.
    return false
  }
}
