/**
 * `--format sarif`, end to end: the report of the seed articles is valid
 * against the official SARIF 2.1.0 schema (OASIS errata01, kept in
 * tests/data/), and says what the `json` report says of each message.
 */
import fs from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {afterAll, describe, expect, it} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {factcheck, makeTempDir, removeTempDirs, root, ruleUrl, writeTree} from './cli-helpers.js'

afterAll(removeTempDirs)

const schema = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/sarif-schema-2.1.0.json'), 'utf8')) as object
const ajv = new Ajv({allErrors: true, strict: false})
addFormats(ajv)
const validate = ajv.compile(schema)

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
  snippet?: {text: string}
}
interface Result {
  ruleId: string
  ruleIndex?: number
  level: string
  message: {text: string}
  locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId?: string}; region: Region}}>
  relatedLocations?: Array<{physicalLocation: {region: Region}; message: {text: string}}>
  fixes?: Array<{description: {text: string}; artifactChanges: Array<{replacements: Array<{deletedRegion: Region; insertedContent: {text: string}}>}>}>
}
interface Sarif {
  version: string
  runs: Array<{
    results: Result[]
    tool: {driver: {name: string; rules: Array<{id: string; shortDescription: {text: string}; fullDescription?: {text: string}; helpUri?: string; defaultConfiguration: {level: string}}>}}
    originalUriBaseIds: Record<string, {uri: string}>
  }>
}

function schemaErrors(document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
}

describe('--format sarif', () => {
  const seeds = ['articles/']
  const run = factcheck(['--format', 'sarif', ...seeds])
  const sarif = JSON.parse(run.stdout) as Sarif

  it('should be valid SARIF 2.1.0 by the official schema', () => {
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(sarif.version).toBe('2.1.0')
    expect(schemaErrors(sarif)).toEqual([])
  })

  it('should be checked by a validator that rejects what the schema forbids', () => {
    const broken = structuredClone(sarif)
    broken.runs[0]!.results[0]!.level = 'info'
    expect(schemaErrors(broken)).toContain('/runs/0/results/0/level must be equal to one of the allowed values')
  })

  it('should give one result per message of the json report, at its place, relative to the working folder', () => {
    const files = JSON.parse(factcheck(['--format', 'json', ...seeds]).stdout) as JsonFile[]
    const expected = files.flatMap((file) =>
      file.messages.map((m) => ({
        ruleId: m.ruleId,
        level: {error: 'error', warning: 'warning', info: 'note'}[m.severity],
        uri: file.path,
        region: [m.line, m.column, m.endLine, m.endColumn]
      }))
    )
    const results = sarif.runs[0]!.results.map((result) => {
      const {artifactLocation, region} = result.locations[0]!.physicalLocation
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%')
      return {ruleId: result.ruleId, level: result.level, uri: artifactLocation.uri, region: [region.startLine, region.startColumn, region.endLine, region.endColumn]}
    })
    expect(results).toEqual(expected)
    expect(sarif.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${root}/`)
  })

  it('should describe every rule in the driver, and point each result at its rule', () => {
    const driver = sarif.runs[0]!.tool.driver
    expect(driver.name).toBe('factcheck')
    const listed = factcheck(['--list-rules']).stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/))
    for (const [id, severity] of listed) {
      const rule = driver.rules.find((descriptor) => descriptor.id === id)
      expect(rule, id).toBeDefined()
      expect(rule!.helpUri).toBe(ruleUrl(id!))
      expect(rule!.shortDescription.text.length).toBeGreaterThan(10)
      expect(rule!.fullDescription!.text.length).toBeGreaterThan(rule!.shortDescription.text.length)
      expect(rule!.defaultConfiguration.level).toBe({error: 'error', warn: 'warning', info: 'note'}[severity!])
    }
    const fragment = driver.rules.find((descriptor) => descriptor.id === 'fragment')!
    expect(fragment.fullDescription!.text).toMatch(/^A verbless line in the body reads as broken prose\. /)
    for (const result of sarif.runs[0]!.results) expect(driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId)
  })

  it('should give `cause` as a related location and `expected` as a fix replacing the flagged region', () => {
    const ofSeed = sarif.runs[0]!.results.filter((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === 'articles/000_3f8e3d0fb9951cbf.txt')
    const mismatch = ofSeed.find((result) => result.ruleId === 'attribution-mismatch')!
    expect(mismatch.locations[0]!.physicalLocation.region).toEqual({startLine: 9, startColumn: 1, endLine: 9, endColumn: 8, snippet: {text: 'He said'}})
    expect(mismatch.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {artifactLocation: {uri: 'articles/000_3f8e3d0fb9951cbf.txt', uriBaseId: '%SRCROOT%'}, region: {startLine: 7, startColumn: 52, endLine: 7, endColumn: 58}},
        message: {text: 'Mattis is the last person named before the pronoun'}
      }
    ])
    expect(mismatch.fixes).toBeUndefined()
    const furniture = ofSeed.find((result) => result.ruleId === 'boilerplate')!
    expect(furniture.fixes).toEqual([
      {
        description: {text: 'Remove `Latest News`'},
        artifactChanges: [
          {
            artifactLocation: {uri: 'articles/000_3f8e3d0fb9951cbf.txt', uriBaseId: '%SRCROOT%'},
            replacements: [{deletedRegion: {startLine: 37, startColumn: 1, endLine: 37, endColumn: 12}, insertedContent: {text: ''}}]
          }
        ]
      }
    ])
  })

  it('should be valid with no results, and encode paths as URIs', () => {
    const folder = makeTempDir()
    writeTree(folder, {'desk one/clean.txt': 'The council approved the budget on Tuesday.\n', 'desk one/50% off.txt': 'The the council met.\n'})
    const clean = factcheck(['--format', 'sarif', '--rule', 'readability=off', 'desk one/clean.txt'], {cwd: folder})
    expect(clean.code).toBe(0)
    const empty = JSON.parse(clean.stdout) as Sarif
    expect(empty.runs[0]!.results).toEqual([])
    expect(schemaErrors(empty)).toEqual([])
    const odd = JSON.parse(factcheck(['--format', 'sarif', '--rule', 'readability=off', 'desk one/50% off.txt'], {cwd: folder}).stdout) as Sarif
    expect(schemaErrors(odd)).toEqual([])
    expect(odd.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['desk%20one/50%25%20off.txt'])
  })
})
