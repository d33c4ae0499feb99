/**
 * The language server (SPEC section 6) as an editor meets it: the built
 * `factcheck-language-server --stdio` runs as a child process and a real LSP
 * client (vscode-languageserver-protocol) speaks to it over its standard
 * input and output. The tests run in order against one server, as one editing
 * session: open seed 004, fix a copy, save, break the server's inputs, shut down.
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeTempDirs, root, ruleUrl, writeTree} from './cli-helpers.js'

const serverBin = path.join(root, 'dist/src/server/bin.js')
const seedPath = path.join(root, 'articles/004_dd9860ece21027d1.txt')
const seedUri = pathToFileURL(seedPath).href
const seedText = fs.readFileSync(seedPath, 'utf8')

/** How long to wait for one answer before a test fails with a clear message. */
const patience = 20_000

/** An LSP client on a server child process, keeping every diagnostics notification it receives. */
class Client {
  readonly connection: ProtocolConnection
  readonly published: PublishDiagnosticsParams[] = []
  private readonly waiters: Array<{test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void}> = []
  stderr = ''

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')))
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params)
      for (const waiter of [...this.waiters]) {
        if (!waiter.test(params)) continue
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        waiter.resolve(params)
      }
    })
    this.connection.listen()
  }

  /** The next diagnostics published for `uri` (at `version`, when given) after this call. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return within(
      new Promise((resolve) => {
        this.waiters.push({test: (params) => params.uri === uri && (version === undefined || params.version === version), resolve})
      }),
      `diagnostics for ${uri}${version === undefined ? '' : ` at version ${version}`}`
    )
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'plaintext', version, text}})
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
    const request = this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range,
      context: {diagnostics, ...(only ? {only} : {})}
    })
    return within(request.then((actions) => (actions ?? []) as CodeAction[]), 'code actions')
  }
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} from the server within ${patience} ms`)), patience)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
}

function byRule(params: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return params.diagnostics.filter((diagnostic) => diagnostic.code === code)
}

/** Deterministic bytes that look like a binary file read as Latin-1 (NULs, control codes, high bytes). */
function garbage(length: number): string {
  let state = 20_170_605
  let text = ''
  for (let index = 0; index < length; index++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    text += String.fromCharCode(state % 256)
  }
  return text
}

let client: Client

beforeAll(async () => {
  const child = spawn(process.execPath, [serverBin, '--stdio'], {cwd: root, stdio: 'pipe'})
  client = new Client(child)
  const result = await within(
    client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: {},
      workspaceFolders: null
    }),
    'initialize result'
  )
  expect(result.serverInfo?.name).toBe('factcheck')
  await client.connection.sendNotification('initialized', {})
})

afterAll(() => {
  client.connection.dispose()
  if (client.child.exitCode === null) client.child.kill()
  removeTempDirs()
})

describe('factcheck-language-server --stdio', () => {
  let copy: Diagnostic
  let fixedText: string

  it('should publish diagnostics on open, with repeated-paragraph at line 32 and its first copy as related information', async () => {
    const published = client.diagnostics(seedUri, 1)
    await client.open(seedUri, seedText)
    const params = await published

    const copies = byRule(params, 'repeated-paragraph')
    expect(copies.map((diagnostic) => diagnostic.range.start.line)).toEqual([32, 36])
    copy = copies[0]
    expect(copy).toMatchObject({
      range: {start: {line: 32, character: 0}, end: {line: 32, character: 113}},
      severity: 1,
      source: 'factcheck',
      codeDescription: {href: ruleUrl('repeated-paragraph')},
      data: {expected: ['']},
      relatedInformation: [{location: {uri: seedUri, range: {start: {line: 30, character: 0}}}, message: 'First copy, at line 31'}]
    })
    expect(copy.message).toMatch(/^Unexpected copy of the paragraph at line 31/)
  })

  it('should offer one preferred quick fix that removes the copy and the blank line before it', async () => {
    const actions = await client.codeActions(seedUri, [copy])
    expect(actions).toHaveLength(2)
    const [action, disable] = actions
    expect(disable).toEqual({
      title: 'Disable repeated-paragraph for this line',
      kind: 'quickfix',
      diagnostics: [copy],
      edit: {changes: {[seedUri]: [{range: {start: {line: 32, character: 0}, end: {line: 32, character: 0}}, newText: '<!-- factcheck-disable-next-line repeated-paragraph -->\n'}]}}
    })
    expect(action).toMatchObject({title: 'Remove `Kuwaiti Army Chief of Staff General Lie…`', kind: 'quickfix', isPreferred: true, diagnostics: [copy]})

    const edits = action.edit?.changes?.[seedUri] ?? []
    expect(edits).toEqual([{range: {start: {line: 30, character: 113}, end: {line: 32, character: 113}}, newText: ''}])
    fixedText = TextDocument.applyEdits(TextDocument.create(seedUri, 'plaintext', 1, seedText), edits)
    const lines = seedText.split('\n')
    lines.splice(31, 2)
    expect(fixedText).toBe(lines.join('\n'))
  })

  it('should clear that diagnostic when the fixed text arrives as an incremental change', async () => {
    const published = client.diagnostics(seedUri, 2)
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri: seedUri, version: 2},
      contentChanges: [{range: {start: {line: 30, character: 113}, end: {line: 32, character: 113}}, text: ''}]
    })
    const params = await published

    // The other copy remains, two lines higher now.
    expect(byRule(params, 'repeated-paragraph').map((diagnostic) => diagnostic.range.start.line)).toEqual([34])
  })

  it('should lint again on save', async () => {
    const published = client.diagnostics(seedUri, 2)
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, {textDocument: {uri: seedUri}})
    expect(byRule(await published, 'repeated-paragraph')).toHaveLength(1)
  })

  it('should offer a fix-all source action that removes the remaining copy', async () => {
    const actions = await client.codeActions(seedUri, [], ['source.fixAll'])
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.factcheck'])
    const edits = actions[0].edit?.changes?.[seedUri] ?? []
    const result = TextDocument.applyEdits(TextDocument.create(seedUri, 'plaintext', 2, fixedText), edits)
    const copyLine = seedText.split('\n')[36]
    expect(result.split('\n').filter((line) => line === copyLine)).toHaveLength(1)
  })

  it('should clear the diagnostics of a closed document', async () => {
    const published = client.diagnostics(seedUri)
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri: seedUri}})
    expect((await published).diagnostics).toEqual([])
  })

  it('should keep answering after garbage documents, unknown file types, malformed URIs and unknown requests', async () => {
    const folder = makeTempDir()
    for (const name of ['noise.txt', 'noise.md', 'noise.html']) {
      const uri = pathToFileURL(path.join(folder, name)).href
      const published = client.diagnostics(uri, 1)
      await client.open(uri, garbage(20_000) + '\uD800 \uDFFF')
      expect(Array.isArray((await published).diagnostics)).toBe(true)
    }

    // Not ours: no diagnostics, no fixes, no trouble.
    const notes = pathToFileURL(path.join(folder, 'notes.json')).href
    await client.open(notes, '{"the the": 1}')
    await client.open('untitled:Untitled-1', 'the the')
    await client.open('file:///%E0%A4%A.txt', 'the the')
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri: pathToFileURL(path.join(folder, 'never-opened.txt')).href, version: 7},
      contentChanges: [{text: 'the the'}]
    })
    expect(await client.codeActions(notes, [])).toEqual([])
    await expect(within(client.connection.sendRequest('factcheck/nonsense', {}), 'an answer to an unknown method')).rejects.toThrow(/Unhandled method/)
    // A request without its `context`: an error answer or an empty one, but an answer.
    const malformed = client.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri: notes}} as never)
    expect(await within(malformed.then(() => 'answered', () => 'answered'), 'an answer to a malformed request')).toBe('answered')

    // Still serving: a real article is linted as before.
    const article = pathToFileURL(path.join(folder, 'after.txt')).href
    const published = client.diagnostics(article, 1)
    await client.open(article, 'General Mattis stated that the the goal was peace.\n')
    expect(byRule(await published, 'repeated-word')).toHaveLength(1)
    expect(client.published.filter((params) => params.uri === notes || params.uri.startsWith('untitled:'))).toEqual([])
  })

  it('should build quick fixes from its own diagnostics when the client echoes byte columns (Neovim 0.7)', async () => {
    const uri = pathToFileURL(path.join(makeTempDir(), 'cafe.txt')).href
    // “é” is 1 UTF-16 unit and 2 bytes, “🎉” 2 units and 4 bytes: in bytes, the repeated `the` sits 3 columns further right.
    const text = 'Café owners 🎉 said that the the plan would cut costs for families.\n'
    const published = client.diagnostics(uri, 1)
    await client.open(uri, text)
    const [own] = byRule(await published, 'repeated-word')
    const {start, end} = own.range
    // The server's range is in UTF-16 units, as LSP defines: it holds the text its fix data names.
    expect(text.slice(start.character, end.character)).toBe((own.data as {actual: string}).actual)

    const bytes = (character: number) => Buffer.byteLength(text.slice(0, character))
    const echoed = {...own, range: {start: {line: 0, character: bytes(start.character)}, end: {line: 0, character: bytes(end.character)}}}
    expect(echoed.range.start.character).toBe(start.character + 3)
    for (const diagnostics of [[echoed], []]) {
      const actions = await client.codeActions(uri, diagnostics)
      // The fix, and the inline disable the server offers beside every diagnostic.
      expect(actions.map((action) => action.title)).toEqual(['Replace `the the` with `the`', 'Disable repeated-word for this line'])
      const edits = actions[0].edit?.changes?.[uri] ?? []
      expect(TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits)).toBe(
        'Café owners 🎉 said that the plan would cut costs for families.\n'
      )
    }
  })

  it('should report a broken config as one diagnostic at 1:1 and lint once the config is repaired', async () => {
    const folder = makeTempDir()
    writeTree(folder, {'desk/.factcheckrc.json': '{"rules": {"repeated-word": ', 'desk/story.txt': 'General Mattis stated that the the goal was peace.\n'})
    const uri = pathToFileURL(path.join(folder, 'desk/story.txt')).href
    const configUri = pathToFileURL(path.join(folder, 'desk/.factcheckrc.json')).href

    const broken = client.diagnostics(uri, 1)
    await client.open(uri, fs.readFileSync(path.join(folder, 'desk/story.txt'), 'utf8'))
    const [diagnostic, ...others] = (await broken).diagnostics
    expect(others).toEqual([])
    expect(diagnostic).toMatchObject({
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      severity: 1,
      code: 'config',
      source: 'factcheck',
      relatedInformation: [{location: {uri: configUri}}]
    })
    expect(diagnostic.message).toMatch(/^Not linted: broken config: .*\.factcheckrc\.json: invalid JSON/)

    fs.writeFileSync(path.join(folder, 'desk/.factcheckrc.json'), '{"rules": {"repeated-word": "warn"}}\n')
    const repaired = client.diagnostics(uri, 1)
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: configUri, type: FileChangeType.Changed}]})
    expect(byRule(await repaired, 'repeated-word').map((found) => found.severity)).toEqual([2])
  })

  it('should shut down and exit with code 0', async () => {
    const exited = new Promise<number | null>((resolve) => client.child.on('exit', (code) => resolve(code)))
    await within(client.connection.sendRequest(ShutdownRequest.type), 'shutdown result')
    await client.connection.sendNotification(ExitNotification.type)
    expect(await within(exited, 'exit')).toBe(0)
    expect(client.stderr).toBe('')
  })
})

describe('factcheck-language-server without a transport', () => {
  it('should refuse to start and say which flag it needs, with exit 2', () => {
    const result = spawnSync(process.execPath, [serverBin], {encoding: 'utf8', input: ''})
    expect({code: result.status, stdout: result.stdout, stderr: result.stderr}).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factcheck-language-server: expected --stdio (or --node-ipc, --socket=PORT); see --help\n'
    })
  })
})
