/**
 * The language server under load, as an editor meets it (the built
 * `factcheck-language-server --stdio`, a real LSP client): a big document is
 * linted on a worker thread, so a small one opened after it gets its
 * diagnostics first (a 5 MB document once blocked the server for 15 s);
 * a document over the size limit gets one diagnostic at once; a named pipe as
 * `.factcheckignore` is a broken setting, not a server that stops answering.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeTempDirs, root} from './cli-helpers.js'

const serverBin = path.join(root, 'dist/src/server/bin.js')
const seedText = fs.readFileSync(path.join(root, 'articles/004_dd9860ece21027d1.txt'), 'utf8')

const child = spawn(process.execPath, [serverBin, '--stdio'], {cwd: root, stdio: 'pipe'})
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
/** Every publication, in the order it came. */
const published: PublishDiagnosticsParams[] = []
const waiters: Array<() => void> = []
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  published.push(params)
  for (const wake of waiters.splice(0)) wake()
})
connection.listen()

/** The first publication for `uri`, waiting at most `ms`. */
async function diagnosticsFor(uri: string, ms: number): Promise<PublishDiagnosticsParams> {
  const deadline = Date.now() + ms
  for (;;) {
    const found = published.find((params) => params.uri === uri)
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within ${ms} ms`)
    await new Promise<void>((resolve) => {
      waiters.push(resolve)
      setTimeout(resolve, 200)
    })
  }
}

function open(uri: string, text: string): Promise<void> {
  return connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
}

let folder: string

beforeAll(async () => {
  folder = makeTempDir()
  await connection.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null})
  await connection.sendNotification('initialized', {})
})

afterAll(() => {
  connection.dispose()
  child.kill()
  removeTempDirs()
})

describe('factcheck-language-server under load', () => {
  it('should publish a small document opened after a big one first, and the big one after', async () => {
    // About 400 KB of real paragraphs (over the 200,000 linted on a worker): seconds of linting.
    const big = (seedText.trim() + '\n\n').repeat(Math.ceil(400_000 / seedText.length))
    const bigUri = pathToFileURL(path.join(folder, 'big.txt')).href
    const smallUri = pathToFileURL(path.join(folder, 'small.txt')).href
    await open(bigUri, big)
    await open(smallUri, seedText)
    const small = await diagnosticsFor(smallUri, 20_000)
    expect(small.diagnostics.length).toBeGreaterThan(0)
    expect(published.some((params) => params.uri === bigUri)).toBe(false)
    const bigDiagnostics = await diagnosticsFor(bigUri, 110_000)
    expect(bigDiagnostics.diagnostics.filter((diagnostic) => diagnostic.code === 'repeated-paragraph').length).toBeGreaterThan(10)
  }, 120_000)

  it('should give a document over the size limit one diagnostic, at once', async () => {
    const uri = pathToFileURL(path.join(folder, 'huge.txt')).href
    const started = Date.now()
    await open(uri, 'word '.repeat(1_000_000))
    const {diagnostics} = await diagnosticsFor(uri, 20_000)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(diagnostics).toEqual([
      {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        severity: 1,
        code: 'too-large',
        source: 'factcheck',
        message: 'Not linted: 5,000,000 bytes, over the limit of 2,097,152 (`limits.maxBytes` in the config)',
        data: {expected: []}
      }
    ])
  }, 30_000)

  it('should report a named pipe as .factcheckignore as a broken setting and keep answering', async () => {
    const desk = path.join(folder, 'desk')
    fs.mkdirSync(desk)
    expect(spawnSync('mkfifo', [path.join(desk, '.factcheckignore')]).status).toBe(0)
    const uri = pathToFileURL(path.join(desk, 'a.txt')).href
    await open(uri, seedText)
    const {diagnostics} = await diagnosticsFor(uri, 20_000)
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['Not linted: broken config: desk/.factcheckignore: cannot read ignore file: a named pipe, not a regular file'])
    const after = pathToFileURL(path.join(folder, 'after.txt')).href
    await open(after, seedText)
    expect((await diagnosticsFor(after, 20_000)).diagnostics.length).toBeGreaterThan(0)
  }, 60_000)
})
