/**
 * Rule options as data: each rule declares its options with a kind, a default
 * and a description, so config checking, `--print-config` and the docs all
 * read the same table.
 */

export type OptionKind = 'number' | 'integer' | 'boolean' | 'string' | 'string[]'

export interface OptionSpec {
  readonly kind: OptionKind
  readonly default: number | boolean | string | readonly string[]
  readonly description: string
  /** Smallest accepted value, for `number` and `integer`. */
  readonly min?: number
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>

/** Why `value` does not fit `spec`, or `undefined` when it does. */
export function optionProblem(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number'
      if (spec.kind === 'integer' && !Number.isInteger(value)) return 'expected a whole number'
      if (spec.min !== undefined && value < spec.min) return `expected at least ${spec.min}`
      return undefined
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected true or false'
    case 'string':
      return typeof value === 'string' ? undefined : 'expected a string'
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? undefined
        : 'expected an array of strings'
  }
}

/** The defaults of a table of option specs. */
export function defaultsOf(specs: OptionSpecs): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(specs)) result[name] = spec.default
  return result
}
