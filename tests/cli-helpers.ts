/**
 * Helpers for the CLI suites: run the built command (`dist/bundle/bin.js`, what `factcheck` runs) as a
 * child process and collect its exit code, stdout and stderr; make temporary
 * folders for generated inputs. Build first (`npx tsc -p .`).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bin = path.join(root, 'dist/bundle/bin.js')
/** The scenario folders. */
export const scenarios = path.join(root, 'tests/cli')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  /** Working folder (default: the repository root). */
  cwd?: string
  /** Standard input (default: empty). */
  input?: string | Uint8Array
  /**
   * Rules to leave as configured; every other registered rule is turned off
   * with `--rule ID=off`, so output stays exact when rules are added.
   */
  only?: readonly string[]
  /** Extra environment variables. */
  env?: Readonly<Record<string, string>>
  /** Run as this user and group (a test running as root that needs permissions to apply). */
  user?: {readonly uid: number; readonly gid: number}
  /** Kill the command after this many milliseconds (default 60,000); `code` is then `null`. */
  timeout?: number
}

/** Run `factcheck …args` and return what it did. */
export function factcheck(args: readonly string[], options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...offFlags(options.only), ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    env: {...quietEnv(), ...options.env},
    timeout: options.timeout ?? 60_000,
    ...options.user
  })
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

/** Run a shell command line (for pipes), from `cwd`. */
export function shell(command: string, cwd = root): Run {
  const result = spawnSync('sh', ['-c', command], {cwd, env: quietEnv(), encoding: 'utf8', timeout: 60_000})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

let builtRuleIds: string[] | undefined

/** `--rule ID=off` for every rule of the built command (`--list-rules`) not in `keep`. */
export function offFlags(keep: readonly string[] | undefined): string[] {
  if (keep === undefined) return []
  builtRuleIds ??= spawnSync(process.execPath, [bin, '--list-rules'], {encoding: 'utf8'})
    .stdout.split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ')[0])
  return builtRuleIds.filter((id) => !keep.includes(id)).flatMap((id) => ['--rule', `${id}=off`])
}

/** The `url` a rule's messages carry. */
export function ruleUrl(id: string): string {
  return pathToFileURL(path.join(root, 'rules', id + '.md')).href
}

const temporaryFolders: string[] = []

/** A new empty folder in the system's temporary folder; see `removeTempDirs`. */
export function makeTempDir(): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-cli-')))
  temporaryFolders.push(folder)
  return folder
}

export function removeTempDirs(): void {
  for (const folder of temporaryFolders.splice(0)) {
    // Give back what a test took away (`chmod 000`) so the folder can go.
    for (const file of walkFiles(folder)) fs.chmodSync(file, 0o644)
    fs.rmSync(folder, {recursive: true, force: true})
  }
}

/** Write `files` (relative path → content) below `folder`, making folders as needed. */
export function writeTree(folder: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, value] of Object.entries(files)) {
    const target = path.join(folder, name)
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.writeFileSync(target, value)
  }
}

function* walkFiles(folder: string): Generator<string> {
  for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
    const child = path.join(folder, entry.name)
    if (entry.isDirectory()) yield* walkFiles(child)
    else if (entry.isFile()) yield child
  }
}

/**
 * The environment without settings that change output (color, debugging) or
 * git's behaviour (a running hook's `GIT_INDEX_FILE`, the user's git config).
 */
export function quietEnv(): NodeJS.ProcessEnv {
  const env = {...process.env}
  delete env.FORCE_COLOR
  delete env.DEBUG
  for (const name of Object.keys(env)) if (name.startsWith('GIT_')) delete env[name]
  env.GIT_CONFIG_NOSYSTEM = '1'
  env.GIT_CONFIG_GLOBAL = '/dev/null'
  env.NO_COLOR = '1'
  return env
}
