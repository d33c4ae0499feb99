/**
 * Lint one open document for the language server. The URI's extension picks
 * the parser (documents of other types are left alone); the config is found
 * from the document's folder upward exactly as the CLI finds it (`Linter`), and
 * found afresh on every pass, so a config edited beside an open article
 * applies on its next lint. Ignored files get no diagnostics. A broken config,
 * or anything that throws, becomes one diagnostic at 1:1 instead of an
 * exception: the server keeps serving.
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Diagnostic} from 'vscode-languageserver'
import type {VFileMessage} from 'vfile-message'
import {ConfigError} from '../config/config-error.js'
import {toolName} from '../rule-api/define-rule.js'
import {articleTypeOf} from '../parse/article-type.js'
import {toDiagnostic} from '../report/lsp.js'
import type {ResolvedConfig} from '../config/resolve-config.js'
import {ruleIds} from '../../rules/index.js'
import {applyDirectives} from '../run/directives.js'
import type {LintPool} from '../run/jobs/lint-pool.js'
import {lintArticle} from '../run/lint.js'
import {Linter} from '../run/run.js'

export type LintOutcome =
  /** Not a `file:` URI with an article extension: not ours to lint. */
  | {readonly kind: 'not-article'}
  /** Skipped by `.factcheckignore` or the config's `ignore`. */
  | {readonly kind: 'ignored'}
  | {readonly kind: 'linted'; readonly messages: readonly VFileMessage[]}
  /** A broken config or a failure: one diagnostic that says so. */
  | {readonly kind: 'failed'; readonly diagnostic: Diagnostic}

const origin = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}

/** The article path a URI stands for, or `undefined` when it is not a `file:` article. */
export function articlePathOf(uri: string): string | undefined {
  let filePath: string
  try {
    filePath = fileURLToPath(uri)
  } catch {
    return undefined
  }
  return articleTypeOf(filePath) === undefined ? undefined : filePath
}

/**
 * Lint `text` as the article at `uri`. `workspace` (the client's root folder)
 * is the working folder config errors are named from; without one, the
 * document's own folder.
 */
export function lintDocument(uri: string, text: string, workspace: string | undefined): LintOutcome {
  const filePath = articlePathOf(uri)
  if (filePath === undefined) return {kind: 'not-article'}
  const cwd = workspace ?? path.dirname(filePath)
  try {
    const linter = new Linter(cwd, undefined, {})
    if (linter.skips(filePath, false)) return {kind: 'ignored'}
    const config = sameConfig(linter.configFor(filePath))
    const linted = lintArticle(filePath, linter.display(filePath), {kind: 'text', value: text, bom: false}, config)
    return {kind: 'linted', messages: applyDirectives(linted, {ruleIds, reportUnused: false}).messages}
  } catch (error) {
    return {kind: 'failed', diagnostic: failureDiagnostic(error, cwd)}
  }
}

/**
 * `lintDocument` on a worker thread of `pool`, for a big document: linting
 * 1 MB takes seconds, and the server must answer other requests meanwhile.
 * The config and ignore files are read here, as `lintDocument` reads them.
 */
export async function lintDocumentOn(pool: LintPool, uri: string, text: string, workspace: string | undefined): Promise<LintOutcome> {
  const filePath = articlePathOf(uri)
  if (filePath === undefined) return {kind: 'not-article'}
  const cwd = workspace ?? path.dirname(filePath)
  try {
    const linter = new Linter(cwd, undefined, {})
    if (linter.skips(filePath, false)) return {kind: 'ignored'}
    const config = sameConfig(linter.configFor(filePath))
    const linted = await pool.lint(filePath, linter.display(filePath), {kind: 'text', value: text, bom: false}, config, articleTypeOf(filePath) ?? 'text')
    return {kind: 'linted', messages: applyDirectives(linted, {ruleIds, reportUnused: false}).messages}
  } catch (error) {
    return {kind: 'failed', diagnostic: failureDiagnostic(error, cwd)}
  }
}

/**
 * Configs are found afresh on every pass, each a new object; the processor
 * built for a config is kept by the object (lint.ts). One object per distinct
 * config, so a document linted a thousand times reuses its processor instead of
 * building a thousand (garbage that took the server from 125 to 171 MiB over
 * 1,000 open/close cycles). Bounded: an edited config adds one entry.
 */
const configs = new Map<string, ResolvedConfig>()
const maxConfigs = 32

function sameConfig(config: ResolvedConfig): ResolvedConfig {
  const key = JSON.stringify(config)
  const known = configs.get(key)
  if (known) return known
  if (configs.size >= maxConfigs) configs.delete(configs.keys().next().value!)
  configs.set(key, config)
  return config
}

/** The diagnostics to publish for an outcome; `undefined` when the document is not ours. */
export function diagnosticsOf(uri: string, outcome: LintOutcome): Diagnostic[] | undefined {
  switch (outcome.kind) {
    case 'not-article':
      return undefined
    case 'ignored':
      return []
    case 'linted':
      return outcome.messages.map((message) => toDiagnostic(message, uri))
    case 'failed':
      return [outcome.diagnostic]
  }
}

function failureDiagnostic(error: unknown, cwd: string): Diagnostic {
  if (error instanceof ConfigError) {
    const configUri = pathToFileURL(path.resolve(cwd, error.source)).href
    return {
      range: origin,
      severity: 1,
      code: 'config',
      source: toolName,
      message: `Not linted: broken config: ${error.message}`,
      relatedInformation: [{location: {uri: configUri, range: origin}, message: 'The config file at fault'}]
    }
  }
  const reason = error instanceof Error ? error.message : String(error)
  return {range: origin, severity: 1, code: 'internal-error', source: toolName, message: `Not linted: internal error: ${reason}`}
}
