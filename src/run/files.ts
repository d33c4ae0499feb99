/**
 * Expand the paths, folders and globs given on the command line into article
 * files, lazily and in a stable order (each folder sorted by name), so a run
 * over 100,000 files never lists them all at once. `node_modules` and
 * dot-folders are skipped; `skip` prunes ignored files and folders.
 */
import fs from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import {articleTypeOf} from '../parse/article-type.js'

export type Found =
  | {readonly kind: 'file'; readonly path: string}
  | {readonly kind: 'problem'; readonly input: string; readonly problem: string}

export interface FindOptions {
  readonly cwd: string
  /** Whether an absolute path is ignored (`.factcheckignore`, config `ignore`). */
  readonly skip: (filePath: string, isFolder: boolean) => boolean
}

/** What expanding an input meets: an article, a problem, or something an ignore pattern skipped. */
type Step = Found | {readonly kind: 'ignored'}

export function* findArticles(inputs: readonly string[], options: FindOptions): Generator<Found> {
  const seen = inputs.length > 1 ? new Set<string>() : undefined
  for (const input of inputs) {
    let found = 0
    let ignored = 0
    for (const step of expand(input, options)) {
      if (step.kind === 'ignored') {
        ignored++
        continue
      }
      found++
      if (step.kind === 'file') {
        if (seen?.has(step.path)) continue
        seen?.add(step.path)
      }
      yield step
    }
    // `factcheck archive` with `archive/**` ignored: skipped silently, as an ignored file is.
    if (found === 0 && ignored === 0) yield {kind: 'problem', input, problem: problemFor(input, options.cwd)}
  }
}

function* expand(input: string, options: FindOptions): Generator<Step> {
  const absolute = path.resolve(options.cwd, input)
  const stats = statOf(absolute)

  if (stats?.isFile()) {
    if (options.skip(absolute, false)) yield {kind: 'ignored'}
    else if (articleTypeOf(absolute)) yield {kind: 'file', path: absolute}
    else yield {kind: 'problem', input, problem: 'not an article file (.txt, .md, .markdown, .html, .htm)'}
  } else if (stats?.isDirectory()) {
    if (options.skip(absolute, true)) yield {kind: 'ignored'}
    else yield* walk(absolute, options, () => true)
  } else if (picomatch.scan(input).isGlob) {
    const {base} = picomatch.scan(input)
    const isMatch = picomatch(path.resolve(options.cwd, input).split(path.sep).join('/'))
    const root = path.resolve(options.cwd, base || '.')
    if (statOf(root)?.isDirectory()) yield* walk(root, options, (file) => isMatch(file.split(path.sep).join('/')))
  }
}

function* walk(folder: string, options: FindOptions, wanted: (file: string) => boolean): Generator<Step> {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(folder, {withFileTypes: true})
  } catch (error) {
    yield {kind: 'problem', input: folder, problem: `cannot read folder (${(error as NodeJS.ErrnoException).code})`}
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

  for (const entry of entries) {
    const child = path.join(folder, entry.name)
    let isFolder = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      // Follow links to files; never links to folders, which can loop.
      isFile = statOf(child)?.isFile() ?? false
      isFolder = false
    }
    if (isFolder) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      if (options.skip(child, true)) yield {kind: 'ignored'}
      else yield* walk(child, options, wanted)
    } else if (isFile && articleTypeOf(child) && wanted(child)) {
      yield options.skip(child, false) ? {kind: 'ignored'} : {kind: 'file', path: child}
    }
  }
}

function statOf(filePath: string): fs.Stats | undefined {
  try {
    return fs.statSync(filePath)
  } catch {
    return undefined
  }
}

function problemFor(input: string, cwd: string): string {
  const stats = statOf(path.resolve(cwd, input))
  if (stats?.isDirectory()) return 'no articles found in this folder'
  if (stats) return 'not an article file'
  return picomatch.scan(input).isGlob ? 'no articles match this pattern' : 'no such file or folder'
}
