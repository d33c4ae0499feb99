/**
 * The wrapper every rule goes through, after `unified-lint-rule`: it turns a
 * `check(tree, file, options)` into a retext plugin that accepts a resolved
 * `[severity, options]` setting, does nothing when off, and stamps `ruleId`,
 * `source`, `url` and severity on every message the check adds, and makes
 * `actual` the source at `place`. A check that
 * throws becomes one `internal-error` message; the other rules' messages stay.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {docUrl} from './doc-url.js'
import {defaultsOf, type OptionSpecs} from './options.js'
import {fatalOf, type Severity} from './severity.js'
import {withoutStackTraces} from './stackless.js'

export interface RuleMeta {
  /** Kebab-case id naming the defect; also the doc's and fixtures' name. */
  readonly id: string
  /** Severity when the config says nothing. */
  readonly severity: Exclude<Severity, 'off'>
  /** One line for `--list-rules` and the README table. */
  readonly summary: string
  /** Whether messages can carry a sure fix (`expected` with one value). */
  readonly fixable: boolean
  readonly options: OptionSpecs
}

/** A rule's setting once the config is resolved. */
export type RuleSetting = readonly [Severity, Readonly<Record<string, unknown>>]

/** Rule id → resolved setting; rules not listed run with their defaults. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>

export type Check<Options> = (tree: Root, file: VFile, options: Options) => void

export interface Rule {
  readonly meta: RuleMeta
  readonly plugin: Plugin<[RuleSetting], Root>
}

export const toolName = 'factcheck'

const escalated = new WeakSet<VFileMessage>()

/**
 * Raise one message to an error whatever the rule's configured severity, when
 * a rule option asks for it (`unsourced-number`'s `errorKinds`: casualty
 * figures as errors). The wrapper still stamps the message; it only keeps the
 * higher severity.
 */
export function escalate(message: VFileMessage): void {
  escalated.add(message)
}

export function defineRule<Options>(meta: RuleMeta, check: Check<Options>): Rule {
  const defaults = defaultsOf(meta.options)
  const url = docUrl(meta.id)

  const plugin: Plugin<[RuleSetting], Root> = function (setting) {
    const [severity, given] = setting
    if (severity === 'off') return
    const options = {...defaults, ...given} as Options

    return function (tree, file) {
      const before = file.messages.length
      // A failure is reported by its message only (no stack: src/stackless.ts).
      const failed = withoutStackTraces(() => {
        try {
          check(tree, file, options)
          return false
        } catch (error) {
          const failure = file.message(`Rule \`${meta.id}\` failed on this file: ${reasonOf(error)}`, {
            ruleId: 'internal-error',
            source: toolName
          })
          failure.fatal = true
          failure.expected = []
          return true
        }
      })
      if (failed) return

      for (let index = before; index < file.messages.length; index++) stamp(file, file.messages[index], meta.id, url, severity)
    }
  }

  return {meta, plugin}
}

/**
 * What the wrapper does to each message of a rule; also for the messages a
 * run adds after linting (`shared-paragraph`'s, matched in run order).
 */
export function stamp(file: VFile, message: VFileMessage, id: string, url: string, severity: Severity): void {
  message.ruleId = id
  message.source = toolName
  message.url = url
  message.fatal = escalated.has(message) ? true : fatalOf(severity)
  normaliseFix(file, message)
}

/**
 * `actual` is always the source text at `place`, and `expected` always an
 * array. When a rule's `actual` is not that source (“the <b>the</b>”: the
 * place spans markup), replacing the place would destroy the markup, so the
 * fix is dropped.
 */
function normaliseFix(file: VFile, message: VFileMessage): void {
  const place = message.place
  const from = place && 'start' in place ? place.start.offset : undefined
  const to = place && 'start' in place ? place.end.offset : undefined
  if (place && 'start' in place && from !== undefined && to !== undefined && (to < from || to > String(file.value).length)) {
    // A place that ends before it starts (tokens of one sentence placed out of order): keep its start
    // only, so the message points somewhere true and carries no fix.
    message.place = place.start
    message.actual = undefined
    message.expected = []
    return
  }
  const source = sourceAt(file, message.place)
  if (message.actual !== undefined && source !== undefined && message.actual !== source) message.expected = []
  if (source !== undefined) message.actual = source
  if (!message.expected) message.expected = []
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The source text a message points at, when its place has offsets. */
function sourceAt(file: VFile, place: VFileMessage['place']): string | undefined {
  if (!place || !('start' in place)) return undefined
  const {start, end} = place
  if (start.offset === undefined || end.offset === undefined) return undefined
  return String(file.value).slice(start.offset, end.offset)
}
