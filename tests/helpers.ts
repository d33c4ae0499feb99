/** Shared test helpers: lint a string with one rule on, format messages as fixture lines. */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../rules/index.js'
import type {RuleSetting} from '../src/define-rule.js'
import type {ArticleType} from '../src/parse/article-type.js'
import {createProcessor, type RuleSettings} from '../src/processor.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Settings with every rule off but `id`. */
export function only(id: string, options: Readonly<Record<string, unknown>> = {}): RuleSettings {
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) settings[rule.meta.id] = rule.meta.id === id ? [rule.meta.severity, options] : ['off', {}]
  return settings
}

/** Lint `value` as an article of `type` and return the file with its messages. */
export function lint(value: string, settings: RuleSettings, type: ArticleType = 'text', filePath = 'article.txt'): VFile {
  const file = new VFile({path: filePath, value})
  createProcessor(type, settings).lint(file)
  return file
}

/** One fixture line: `3:14-3:20: reason`. */
export function fixtureLine(message: VFileMessage): string {
  const place = message.place
  if (!place || !('start' in place)) return `${message.line ?? 1}:${message.column ?? 1}: ${message.reason}`
  return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}: ${message.reason}`
}
