/**
 * `sarif`: SARIF 2.1.0 (OASIS), one run, for code-scanning upload. The tool's
 * driver lists every rule (id, the summary as short description, the first
 * paragraph of its doc's “Why” as full description, the doc as `helpUri`, the
 * default level). Each message is a result with its rule, level, text and the
 * article's place: URI relative to the working folder (`%SRCROOT%`), 1-based
 * lines and columns in UTF-16 code units (SARIF's default `columnKind`, which
 * JavaScript strings count in), end column exclusive as SARIF's is; `cause` is
 * a related location and each `expected` value a fix replacing the flagged
 * region. Results stream as files are linted; the driver closes the run
 * (members of a JSON object have no order).
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../../rules/index.js'
import {docUrl, packageRoot} from '../rule-api/doc-url.js'
import {fatalOf, levelOf, type Level} from '../rule-api/severity.js'
import {packageVersion} from '../rule-api/version.js'
import {spanOf} from './json.js'
import type {Reporter, ReporterOptions} from './reporter.js'
import {shown} from './reporter.js'

const schemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
const sourceRoot = '%SRCROOT%'

type SarifLevel = 'error' | 'warning' | 'note'
const sarifLevels: Readonly<Record<Level, SarifLevel>> = {error: 'error', warning: 'warning', info: 'note'}

interface Region {
  startLine: number
  startColumn: number
  endLine?: number
  endColumn?: number
  snippet?: {text: string}
}

interface ArtifactLocation {
  uri: string
  uriBaseId?: string
}

interface RuleDescriptor {
  id: string
  shortDescription: {text: string}
  fullDescription?: {text: string}
  helpUri?: string
  defaultConfiguration: {level: SarifLevel}
}

/** Messages the run itself gives, not a rule: described too, so every result names a known rule. */
export const systemRules: ReadonlyArray<{readonly id: string; readonly level: Level; readonly summary: string}> = [
  {id: 'unreadable', level: 'error', summary: 'A file that cannot be read, or is not text, was not linted'},
  {id: 'encoding', level: 'warning', summary: 'Invalid UTF-8, read as U+FFFD'},
  {id: 'internal-error', level: 'error', summary: 'A rule or the parser failed on this file'},
  {id: 'unwritable', level: 'error', summary: 'The fixes of --fix could not be written; the file was not changed'},
  {id: 'too-large', level: 'error', summary: 'An article over the limits.maxBytes of the config, not linted'},
  {id: 'too-deep', level: 'error', summary: 'Markup nested deeper than the limits.maxDepth of the config, not linted'},
  {id: 'directive', level: 'warning', summary: 'An inline factcheck-disable comment that names an unknown rule, or silences nothing'}
]

export function createSarifReporter(options: ReporterOptions): Reporter {
  const cwd = options.cwd ?? process.cwd()
  const descriptors = ruleDescriptors()
  const indexOf = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]))
  const opening = `{"$schema":${JSON.stringify(schemaUri)},"version":"2.1.0","runs":[{"results":[`
  let results = 0
  return {
    file(linted) {
      const artifact = artifactOf(linted.path)
      let chunk = ''
      for (const message of shown(linted.messages, options.quiet)) {
        chunk += (results === 0 ? opening + '\n' : ',\n') + JSON.stringify(toResult(message, artifact, indexOf))
        results++
      }
      return chunk
    },
    end() {
      const run = {
        tool: {driver: {name: 'factcheck', version: packageVersion(), rules: descriptors}},
        originalUriBaseIds: {[sourceRoot]: {uri: pathToFileURL(cwd + path.sep).href}},
        columnKind: 'utf16CodeUnits'
      }
      // `{"tool":…}` without its braces: the members after `results`.
      return (results === 0 ? opening : '\n') + '],' + JSON.stringify(run).slice(1, -1) + '}]}\n'
    }
  }
}

function toResult(message: VFileMessage, artifact: ArtifactLocation, indexOf: ReadonlyMap<string, number>) {
  const ruleId = message.ruleId ?? 'unknown'
  const region = regionOf(message)
  if (message.actual !== undefined && message.actual !== '') region.snippet = {text: message.actual}
  const result: Record<string, unknown> = {
    ruleId,
    ...(indexOf.has(ruleId) ? {ruleIndex: indexOf.get(ruleId)} : {}),
    level: sarifLevels[levelOf(message.fatal)],
    message: {text: message.note ? `${message.reason}\n${message.note}` : message.reason},
    locations: [{physicalLocation: {artifactLocation: artifact, region}}]
  }
  const cause = message.cause
  if (cause && typeof cause === 'object' && 'place' in cause && (cause as VFileMessage).place) {
    const related = cause as VFileMessage
    result.relatedLocations = [
      {id: 1, physicalLocation: {artifactLocation: artifact, region: regionOf(related)}, message: {text: related.reason || 'Related place'}}
    ]
  }
  if (message.expected && message.expected.length > 0) {
    const actual = message.actual ?? ''
    result.fixes = message.expected.map((expected) => ({
      description: {text: expected === '' ? `Remove ${quote(actual)}` : `Replace ${quote(actual)} with ${quote(expected)}`},
      artifactChanges: [{artifactLocation: artifact, replacements: [{deletedRegion: regionOf(message), insertedContent: {text: expected}}]}]
    }))
  }
  return result
}

function regionOf(message: VFileMessage): Region {
  const {start, end} = spanOf(message)
  return {startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column}
}

/** `articles/a b.txt` → `articles/a%20b.txt` under `%SRCROOT%`; a path outside the working folder as a `file:` URL. */
function artifactOf(displayPath: string): ArtifactLocation {
  if (path.isAbsolute(displayPath)) return {uri: pathToFileURL(displayPath).href}
  return {uri: displayPath.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: sourceRoot}
}

function ruleDescriptors(): RuleDescriptor[] {
  const described: RuleDescriptor[] = rules.map((rule) => {
    const why = whyOf(rule.meta.id)
    return {
      id: rule.meta.id,
      shortDescription: {text: rule.meta.summary},
      ...(why ? {fullDescription: {text: why}} : {}),
      helpUri: docUrl(rule.meta.id),
      defaultConfiguration: {level: sarifLevels[levelOf(fatalOf(rule.meta.severity))]}
    }
  })
  for (const rule of systemRules) described.push({id: rule.id, shortDescription: {text: rule.summary}, defaultConfiguration: {level: sarifLevels[rule.level]}})
  return described
}

// The “Why” section of a rule doc: from `## Why` to the next heading.
const whySection = /^## Why\s*\n([\s\S]*?)(?=^## |(?![\s\S]))/m

/** The first paragraph of the rule doc's “Why”, on one line; `undefined` if the doc is missing. */
function whyOf(id: string): string | undefined {
  let doc: string
  try {
    doc = fs.readFileSync(path.join(packageRoot, 'rules', id + '.md'), 'utf8')
  } catch {
    return undefined
  }
  const section = whySection.exec(doc)?.[1]
  const paragraph = section?.trim().split(/\n\s*\n/)[0]
  return paragraph ? paragraph.replace(/\s+/g, ' ') : undefined
}

// Line breaks and runs of spaces in a quoted stretch: “Kuwaiti Army\n\nChief” → “Kuwaiti Army Chief”.
const whitespaceRun = /\s+/g
const quoteWidth = 40

/** `text` in backticks, on one line, cut to 40 characters (as the editor's quick-fix titles). */
function quote(text: string): string {
  const flat = text.replace(whitespaceRun, ' ').trim()
  return '`' + (flat.length > quoteWidth ? flat.slice(0, quoteWidth - 1).trimEnd() + '…' : flat) + '`'
}
