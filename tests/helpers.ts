/** Shared test helpers: lint a string with one rule on, format messages as fixture lines. */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../rules/index.js'
import type {RuleSetting} from '../src/rule-api/define-rule.js'
import {articleTypeOf, type ArticleType} from '../src/parse/article-type.js'
import {matchCorpus} from '../rules/shared-paragraph.js'
import {CorpusIndex, type ParagraphKey} from '../src/rule-api/corpus-index.js'
import {createProcessor} from '../src/run/processor.js'
import type {RuleSettings} from '../src/rule-api/define-rule.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Settings with every rule off but `id`. */
export function only(id: string, options: Readonly<Record<string, unknown>> = {}): RuleSettings {
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) settings[rule.meta.id] = rule.meta.id === id ? [rule.meta.severity, options] : ['off', {}]
  return settings
}

/** Lint `value` as an article of `type` and return the file with its messages. */
export function lint(
  value: string,
  settings: RuleSettings,
  type: ArticleType = 'text',
  filePath = 'article.txt',
  corpus?: CorpusIndex
): VFile {
  const file = new VFile({path: filePath, value})
  const keys: ParagraphKey[] = []
  if (corpus) file.data.paragraphKeys = keys
  createProcessor(type, settings).lint(file)
  // As a run does: the file's paragraphs are matched against the corpus after linting.
  const [severity] = settings['shared-paragraph'] ?? ['off']
  if (corpus && severity !== 'off') matchCorpus(file, keys, corpus, severity)
  return file
}

export interface FixtureFile {
  readonly name: string
  readonly value: string
  readonly file: VFile
}

/**
 * Lint every article of a fixture folder with only rule `id` on, in name order
 * and as one run (one corpus), as `factcheck folder/` would: `corpus-*` files
 * feed the run, `ok*` and `not-ok*` files are asserted on.
 */
export function lintFixtureFolder(id: string, folder: string, options: Readonly<Record<string, unknown>> = {}): FixtureFile[] {
  const corpus = new CorpusIndex()
  return fs
    .readdirSync(folder)
    .filter((name) => articleTypeOf(name))
    .sort()
    .map((name) => {
      const value = fs.readFileSync(path.join(folder, name), 'utf8')
      return {name, value, file: lint(value, only(id, options), articleTypeOf(name), name, corpus)}
    })
}

/** One fixture line: `3:14-3:20: reason`. */
export function fixtureLine(message: VFileMessage): string {
  const place = message.place
  if (!place || !('start' in place)) return `${message.line ?? 1}:${message.column ?? 1}: ${message.reason}`
  return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}: ${message.reason}`
}
