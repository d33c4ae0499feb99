/**
 * Check a config object as data (SPEC section 2): known keys only, known
 * rule ids, valid severities, options of the right type. Every problem names
 * the offending key and, for typos, the nearest known name.
 */
import {findRule, ruleIds} from '../../rules/index.js'
import type {RuleSetting} from '../rule-api/define-rule.js'
import {optionProblem} from '../rule-api/options.js'
import {isSeverity, severities} from '../rule-api/severity.js'
import {didYouMean} from './suggest.js'

export interface ConfigData {
  /** Only the rules this config names. */
  readonly rules: Readonly<Record<string, RuleSetting>>
  /** Person → aliases, for speaker resolution. */
  readonly people: Readonly<Record<string, readonly string[]>>
  /** Gitignore-style patterns, relative to the config's folder. */
  readonly ignore: readonly string[]
  /** Only the limits this config sets. */
  readonly limits?: Partial<Limits>
}

/** What a file may be and still be linted; over a limit it gets one message instead. */
export interface Limits {
  /** The largest article linted, in bytes of UTF-8. */
  readonly maxBytes: number
  /** The deepest nesting of Markdown or HTML markup linted (see src/parse/nesting-depth.ts). */
  readonly maxDepth: number
}

/**
 * 2 MiB: twice the benchmark's 1 MB article, some twenty times the longest
 * real article; a 2 MB article with no sentence break takes about 25 s. Depth
 * 100: real articles nest under 20, and the parsers handle some 500 levels on
 * the main thread's stack.
 */
export const defaultLimits: Limits = {maxBytes: 2 * 1024 * 1024, maxDepth: 100}

const topKeys = ['rules', 'people', 'ignore', 'limits']

/** The checked config, or the first problem found, as a sentence naming the key. */
export function checkConfig(raw: unknown): ConfigData | string {
  if (!isRecord(raw)) return 'expected an object with `rules`, `people` or `ignore`'
  for (const key of Object.keys(raw)) {
    if (!topKeys.includes(key)) return `unknown key \`${key}\`${didYouMean(key, topKeys)}`
  }

  const rules: Record<string, RuleSetting> = {}
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) return '`rules` must be an object of rule id → severity'
    for (const [id, value] of Object.entries(raw.rules)) {
      const setting = checkRuleSetting(id, value, `rules.${id}`)
      if (typeof setting === 'string') return setting
      rules[id] = setting
    }
  }

  const people: Record<string, readonly string[]> = {}
  if (raw.people !== undefined) {
    if (!isRecord(raw.people)) return '`people` must be an object of name → array of aliases'
    for (const [name, aliases] of Object.entries(raw.people)) {
      // `"__proto__": […]` would replace the object's prototype, `toString` shadow its method: no one is called so.
      if (name in Object.prototype) return `\`people.${name}\` is not a person's name (a name JavaScript reserves)`
      if (!isStringArray(aliases)) return `\`people.${name}\` must be an array of strings`
      people[name] = aliases
    }
  }

  if (raw.ignore !== undefined && !isStringArray(raw.ignore)) return '`ignore` must be an array of strings'
  const ignore = (raw.ignore as string[] | undefined) ?? []

  const limits = checkLimits(raw.limits)
  if (typeof limits === 'string') return limits

  return {rules, people, ignore, ...(limits ? {limits} : {})}
}

function checkLimits(raw: unknown): Partial<Limits> | string | undefined {
  if (raw === undefined) return undefined
  if (!isRecord(raw)) return '`limits` must be an object with `maxBytes` or `maxDepth`'
  const known = Object.keys(defaultLimits)
  const limits: Record<string, number> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (!Object.hasOwn(defaultLimits, name)) return `unknown key \`limits.${name}\`${didYouMean(name, known)}`
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return `\`limits.${name}\` is ${JSON.stringify(value)}: expected a whole number from 1`
    limits[name] = value
  }
  return limits
}

/** Check one `id: setting` pair, as written in a config or a `--rule` flag. */
export function checkRuleSetting(id: string, value: unknown, key: string): RuleSetting | string {
  const rule = findRule(id)
  if (!rule) return `unknown rule \`${id}\`${didYouMean(id, ruleIds)}`

  const [severity, options = {}] = Array.isArray(value) ? value : [value]
  if (!isSeverity(severity)) {
    return `\`${key}\` has severity ${JSON.stringify(severity)}, expected one of ${severities.map((s) => `\`${s}\``).join(', ')}`
  }
  if (Array.isArray(value) && value.length > 2) return `\`${key}\` must be \`severity\` or \`[severity, options]\``
  if (!isRecord(options)) return `\`${key}\` options must be an object`

  const known = Object.keys(rule.meta.options)
  for (const [name, option] of Object.entries(options)) {
    // Own options only: `constructor` or `toString` is found on every object's prototype.
    const spec = Object.hasOwn(rule.meta.options, name) ? rule.meta.options[name] : undefined
    if (!spec) {
      const hint = known.length === 0 ? ' (this rule has no options)' : didYouMean(name, known)
      return `unknown option \`${key}.${name}\`${hint}`
    }
    const problem = optionProblem(spec, option)
    if (problem) return `\`${key}.${name}\` is ${JSON.stringify(option)}: ${problem}`
  }

  return [severity, options]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
