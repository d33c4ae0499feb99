/**
 * The layout is the pipeline: each top folder of `src/` (and `rules/`) is a
 * layer, and imports only point down the stack (a layer may import itself
 * and the layers below it, never a layer above it nor a sibling on its own
 * level). Read from the import statements themselves, so a new file is
 * checked the day it is added.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from './helpers.js'

/** Top to bottom; layers on one row are siblings that do not import each other. */
const stack: readonly (readonly string[])[] = [
  ['src/cli', 'src/server'],
  ['src/run'],
  ['src/config', 'src/report'],
  ['rules'],
  ['src/rule-api'],
  ['src/analysis'],
  ['src/parse']
]

const levelOf = new Map(stack.flatMap((row, level) => row.map((layer) => [layer, level] as const)))

function layerOf(file: string): string | undefined {
  return [...levelOf.keys()].find((layer) => file === layer || file.startsWith(layer + '/'))
}

function sourceFiles(folder: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(path.join(root, folder), {withFileTypes: true})) {
    const relative = folder + '/' + entry.name
    if (entry.isDirectory()) found.push(...sourceFiles(relative))
    else if (entry.name.endsWith('.ts')) found.push(relative)
  }
  return found
}

/** Folders below `folder` that hold source files (not data folders). */
function sourceFolders(folder: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(path.join(root, folder), {withFileTypes: true})) {
    if (!entry.isDirectory()) continue
    const relative = folder + '/' + entry.name
    const inside = fs.readdirSync(path.join(root, relative))
    if (inside.some((name) => name.endsWith('.ts'))) found.push(relative)
    found.push(...sourceFolders(relative))
  }
  return found
}

/** Relative module specifiers of static imports, re-exports and `import()`. */
export function importsOf(source: string): string[] {
  const pattern = /(?:^|[\s;])(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^import\s*['"](\.{1,2}\/[^'"]+)['"]/gm
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3]!)
}

/** Every import that points up the stack or across to a sibling, as `file → target (why)`. */
export function layerViolations(files: readonly string[], read: (file: string) => string): string[] {
  const broken: string[] = []
  for (const file of files) {
    const from = layerOf(file)
    if (!from) continue
    for (const specifier of importsOf(read(file))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      const to = layerOf(target)
      if (!to || to === from) continue
      const up = levelOf.get(to)! < levelOf.get(from)!
      const across = levelOf.get(to) === levelOf.get(from)
      if (up || across) broken.push(`${file} → ${target} (${from} may not import ${up ? 'the layer above it,' : 'its sibling'} ${to})`)
    }
  }
  return broken
}

describe('layers', () => {
  it('every file of src/ and rules/ is in a layer', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('rules')]
    expect(files.filter((file) => layerOf(file) === undefined)).toEqual([])
  })

  it('every folder of src/ says what it does in a README', () => {
    const folders = ['src', ...sourceFolders('src')]
    expect(folders.filter((folder) => !fs.existsSync(path.join(root, folder, 'README.md')))).toEqual([])
  })

  it('imports only point down the stack', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('rules')]
    expect(layerViolations(files, (file) => fs.readFileSync(path.join(root, file), 'utf8'))).toEqual([])
  })

  it('names a file that imports up the stack, across, or through import()', () => {
    const sources: Record<string, string> = {
      'src/analysis/numbers/find.ts': "import {rules} from '../../../rules/index.js'\n",
      'src/report/json.ts': "import type {LintedFile} from '../run/lint.js'\n",
      'src/config/load.ts': "import {x} from '../report/json.js'\n",
      'src/run/lint.ts': "const m = await import('../cli/cli.js')\nimport {analyse} from '../analysis/analysis.js'\n",
      'rules/ok.ts': "import {defineRule} from '../src/rule-api/define-rule.js'\nexport {a} from './data/a.js'\n"
    }
    expect(layerViolations(Object.keys(sources), (file) => sources[file]!)).toEqual([
      'src/analysis/numbers/find.ts → rules/index.js (src/analysis may not import the layer above it, rules)',
      'src/report/json.ts → src/run/lint.js (src/report may not import the layer above it, src/run)',
      'src/config/load.ts → src/report/json.js (src/config may not import its sibling src/report)',
      'src/run/lint.ts → src/cli/cli.js (src/run may not import the layer above it, src/cli)'
    ])
  })
})
