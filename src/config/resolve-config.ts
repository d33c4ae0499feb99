/**
 * The settings a file is linted with: every rule's default, then the config
 * file's rules, then `--rule` flags; plus `people` and `ignore`.
 */
import {rules} from '../../rules/index.js'
import type {RuleSetting, RuleSettings} from '../rule-api/define-rule.js'
import {defaultsOf} from '../rule-api/options.js'
import {checkRuleSetting, defaultLimits, type Limits} from './check-config.js'
import {ConfigError} from './config-error.js'
import type {LoadedConfig} from './load-config.js'

export interface ResolvedConfig {
  readonly configFile: string | undefined
  /** Every rule, with its severity and full options. */
  readonly rules: RuleSettings
  readonly people: Readonly<Record<string, readonly string[]>>
  readonly ignore: readonly string[]
  readonly limits: Limits
}

export function resolveConfig(loaded: LoadedConfig, overrides: RuleSettings): ResolvedConfig {
  const resolved: Record<string, RuleSetting> = {}
  for (const rule of rules) {
    const id = rule.meta.id
    const chosen = overrides[id] ?? loaded.data.rules[id]
    const severity = chosen?.[0] ?? rule.meta.severity
    resolved[id] = [severity, {...defaultsOf(rule.meta.options), ...loaded.data.rules[id]?.[1], ...overrides[id]?.[1]}]
  }
  const limits = {...defaultLimits, ...loaded.data.limits}
  return {configFile: loaded.path, rules: resolved, people: loaded.data.people, ignore: loaded.data.ignore, limits}
}

// "fragment=off", "unsourced-number=[\"warn\",{\"minimum\":10}]"
const ruleFlag = /^([a-z][a-z\d-]*)=(.+)$/

/** Parse `--rule ID=SEVERITY` flags (the value may also be a JSON `[severity, options]`). */
export function parseRuleFlags(flags: readonly string[]): RuleSettings {
  const result: Record<string, RuleSetting> = {}
  for (const flag of flags) {
    const match = ruleFlag.exec(flag)
    if (!match) throw new ConfigError('--rule', `expected \`ID=SEVERITY\`, got \`${flag}\``)
    const [, id, text] = match
    let value: unknown = text
    if (text.startsWith('[')) {
      try {
        value = JSON.parse(text)
      } catch {
        throw new ConfigError('--rule', `invalid JSON in \`${flag}\``)
      }
    }
    const setting = checkRuleSetting(id, value, id)
    if (typeof setting === 'string') throw new ConfigError('--rule', setting)
    result[id] = setting
  }
  return result
}
