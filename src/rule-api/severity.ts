/**
 * Severities as configured, and how they map onto vfile's `fatal` flag.
 * vfile: `fatal: true` is an error, `false` a warning, `undefined` an info.
 */

export type Severity = 'off' | 'info' | 'warn' | 'error'

/** Severities in the order of the config docs. */
export const severities: readonly Severity[] = ['off', 'info', 'warn', 'error']

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (severities as readonly string[]).includes(value)
}

export function fatalOf(severity: Severity): boolean | undefined {
  if (severity === 'error') return true
  if (severity === 'warn') return false
  return undefined
}

/** The word reports use for a message's `fatal` flag. */
export type Level = 'error' | 'warning' | 'info'

export function levelOf(fatal: boolean | null | undefined): Level {
  if (fatal === true) return 'error'
  if (fatal === false) return 'warning'
  return 'info'
}
