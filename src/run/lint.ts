/**
 * Lint one article's text with a resolved config: pick the processor by
 * type, run it, keep one message per defect (precedence.ts), and return the
 * messages detached from the syntax tree
 * (no `ancestors`), sorted by place, so nothing of the tree outlives the file.
 * A message without a place (an unreadable file, a rule that failed) is put at
 * 1:1, where every report shows it. The file's paragraph keys come back too,
 * for the run to match against its corpus (`addCorpusMessages`).
 */
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {matchCorpus} from '../../rules/shared-paragraph.js'
import type {CorpusIndex, ParagraphKey} from '../rule-api/corpus-index.js'
import {toolName} from '../rule-api/define-rule.js'
import type {ResolvedConfig} from '../config/resolve-config.js'
import type {Limits} from '../config/check-config.js'
import {emphasisRuns, nestingDepth} from '../parse/nesting-depth.js'
import {articleTypeOf, type ArticleType} from '../parse/article-type.js'
import {addDirectives, directivesOf, textDirectives} from '../parse/directives.js'
import {withPrecedence} from './precedence.js'
import {createProcessor, type ArticleProcessor} from './processor.js'
import type {ReadResult} from './read-article.js'
import type {CorpusPart, EmittedParagraph, LintedFile} from '../report/reporter.js'
import {withoutStackTraces} from '../rule-api/stackless.js'
import {analyse} from '../analysis/analysis.js'
import {ledgerOf, type LedgerQuote} from '../analysis/speakers/ledger.js'
import {pointAt} from '../analysis/nlcst/offset-place.js'

/** What a lint returns besides the messages. */
export interface LintWants {
  /** The quote ledger (`--format quotes`). */
  readonly quotes?: boolean | undefined
}

const processors = new WeakMap<ResolvedConfig, Map<ArticleType, ArticleProcessor>>()

function processorFor(config: ResolvedConfig, type: ArticleType): ArticleProcessor {
  let byType = processors.get(config)
  if (!byType) {
    byType = new Map()
    processors.set(config, byType)
  }
  let processor = byType.get(type)
  if (!processor) {
    processor = createProcessor(type, config.rules)
    byType.set(type, processor)
  }
  return processor
}

/**
 * Lint text that was read; `type` picks the parser (by default `filePath`'s
 * extension, plain text otherwise).
 */
export function lintArticle(
  filePath: string,
  displayPath: string,
  read: ReadResult,
  config: ResolvedConfig,
  type: ArticleType = articleTypeOf(filePath) ?? 'text',
  wants: LintWants = {}
): LintedFile {
  const file = new VFile({path: displayPath})
  const paragraphs: ParagraphKey[] = []
  if (read.kind === 'unreadable') {
    systemMessage(file, 'unreadable', `Cannot lint \`${displayPath}\`: ${read.problem}`, true)
    return detach(file, paragraphs, wants.quotes ? [] : undefined)
  }

  file.value = read.value
  const over = overLimit(read.value, type, config.limits)
  if (over) {
    systemMessage(file, over.ruleId, over.reason, true)
    return detach(file, paragraphs, wants.quotes ? [] : undefined)
  }
  file.data.people = config.people
  file.data.paragraphKeys = paragraphs
  if (read.badByte) {
    const {byte, byteOffset, offset} = read.badByte
    const hex = byte.toString(16).toUpperCase().padStart(2, '0')
    systemMessage(file, 'encoding', `Invalid UTF-8 byte 0x${hex} at byte ${byteOffset}, read as U+FFFD`, false, offset)
  }

  if (type === 'text') {
    const {directives, value} = textDirectives(file)
    file.value = value
    addDirectives(file, directives)
  }
  const tree = processorFor(config, type).lint(file)
  // One message per defect: what `repeated-paragraph`, `boilerplate` or `fragment` accounts for goes.
  file.messages = withPrecedence(file.messages)
  const quotes = wants.quotes ? quoteLedger(tree, file) : undefined
  return detach(file, paragraphs, quotes)
}

/** The article's quotes with their speakers, from the analysis the rules shared. */
function quoteLedger(tree: Parameters<typeof analyse>[0], file: VFile): LedgerQuote[] {
  const value = String(file.value)
  return ledgerOf(analyse(tree, file).quoteCredits, value, (offset) => pointAt(file, offset))
}

/**
 * Add `shared-paragraph`'s messages to a linted file: its paragraphs that an
 * earlier file of the run has (SPEC section 8). Called in run order.
 */
export function addCorpusMessages(linted: LintedFile, source: string, config: ResolvedConfig, corpus: CorpusIndex): LintedFile {
  const [severity] = config.rules['shared-paragraph'] ?? ['off']
  if (severity === 'off') return linted
  const file = new VFile({path: linted.path, value: source})
  withoutStackTraces(() => matchCorpus(file, linted.paragraphs, corpus, severity))
  if (file.messages.length === 0) return linted
  return {...linted, messages: [...linted.messages, ...file.messages].sort(byPlace)}
}

/**
 * Why an article is past the config's limits and is not linted, if it is:
 * parsing and the tree walks recurse once per level of markup, and some steps
 * grow faster than the text (see README, Exit codes and bad input).
 */
function overLimit(value: string, type: ArticleType, limits: Limits): {ruleId: string; reason: string} | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: count only when it may matter.
  const bytes = value.length * 3 > limits.maxBytes ? Buffer.byteLength(value, 'utf8') : 0
  if (bytes > limits.maxBytes) {
    return {ruleId: 'too-large', reason: `Not linted: ${count(bytes)} bytes, over the limit of ${count(limits.maxBytes)} (\`limits.maxBytes\` in the config)`}
  }
  if (nestingDepth(value, type, limits.maxDepth) > limits.maxDepth) {
    return {ruleId: 'too-deep', reason: `Not linted: markup nested more than ${count(limits.maxDepth)} levels deep (\`limits.maxDepth\` in the config)`}
  }
  // Each run of `*` or `_` may open emphasis, one more level: at most ten per allowed level in a block.
  const maxRuns = limits.maxDepth * 10
  if (type === 'markdown' && emphasisRuns(value, maxRuns) > maxRuns) {
    return {
      ruleId: 'too-deep',
      reason: `Not linted: more than ${count(maxRuns)} runs of \`*\` or \`_\` in one block, which Markdown parses in quadratic time (10 × \`limits.maxDepth\` in the config)`
    }
  }
  return undefined
}

function count(value: number): string {
  return value.toLocaleString('en-US')
}

/**
 * `--emit-paragraph-hashes`: what `--merge-corpus` needs of a linted file
 * (none when `shared-paragraph` is off for it, as then a run does not index
 * its paragraphs either): each key with the source text at its place.
 */
export function corpusPartOf(linted: LintedFile, source: string, config: ResolvedConfig): CorpusPart | undefined {
  const [severity] = config.rules['shared-paragraph'] ?? ['off']
  if (severity === 'off') return undefined
  const paragraphs = linted.paragraphs.map((key): EmittedParagraph => {
    const {start, end} = key
    const text = start.offset === undefined || end.offset === undefined ? undefined : source.slice(start.offset, end.offset)
    return {hash: key.hash, line: key.line, start: [start.line, start.column], end: [end.line, end.column], ...(text === undefined ? {} : {text})}
  })
  return {severity, paragraphs}
}

function systemMessage(file: VFile, ruleId: string, reason: string, fatal: boolean, offset?: number): void {
  const point = offset === undefined ? undefined : location(file).toPoint(offset)
  const message = file.message(reason, {ruleId, source: toolName, place: point})
  message.fatal = fatal
  message.expected = []
}

function detach(file: VFile, paragraphs: readonly ParagraphKey[], quotes?: readonly LedgerQuote[]): LintedFile {
  const messages = file.messages
  for (const message of messages) {
    if (!message.place) {
      message.place = {line: 1, column: 1}
      message.line = 1
      message.column = 1
    }
    message.ancestors = undefined
    if (message.cause && typeof message.cause === 'object' && 'ancestors' in message.cause) {
      ;(message.cause as VFileMessage).ancestors = undefined
    }
  }
  messages.sort(byPlace)
  const directives = directivesOf(file)
  return {
    path: file.path,
    messages,
    paragraphs,
    ...(directives.length > 0 ? {directives} : {}),
    ...(quotes ? {quotes} : {})
  }
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId))
}
