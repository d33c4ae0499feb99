/**
 * The language server (SPEC section 6): diagnostics for open articles on open,
 * change (after a short pause in typing) and save; cleared on close; quick
 * fixes from `expected` and a “fix all” source action; a saved or changed
 * config relints every open article. Every handler survives bad input: a
 * document that cannot be linted gets one diagnostic saying why.
 */
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {configNames} from '../config/load-config.js'
import {toolName} from '../rule-api/define-rule.js'
import {packageVersion} from '../rule-api/version.js'
import {disableActions, fixAll, fixAllKind, ownDiagnostics, quickFixes} from './code-actions.js'
import {diagnosticsOf, lintDocument, lintDocumentOn, type LintOutcome} from './lint-document.js'
import {LintPool} from '../run/jobs/lint-pool.js'

/** Pause after the last keystroke before a changed document is linted (default; `initializationOptions.debounce`). */
const defaultDebounce = 150

/**
 * Documents this long (UTF-16 code units, about bytes) are linted on a worker
 * thread: a 200 KB article takes about half a second, and up to the size limit
 * (2 MiB) several seconds, during which the server could answer nothing.
 */
const bigDocument = 200_000
/** The worker's heap: a 2 MiB article with no sentence break peaks near 400 MB. */
const bigDocumentHeapMb = 1024

/** Files whose change can change any article's diagnostics. */
const settingFiles = new Set<string>([...configNames, '.factcheckignore'])

/** Wire the handlers onto `connection`; the caller then calls `connection.listen()`. */
export function startServer(connection: Connection): {readonly shutDown: () => boolean} {
  let shutDown = false
  const documents = new TextDocuments(TextDocument)
  const pending = new Map<string, NodeJS.Timeout>()
  /** Version last linted per URI, so the change event that follows an open does not lint it again. */
  const linted = new Map<string, number>()
  /** The diagnostics last published per URI: quick fixes are built from these, not from what a client echoes. */
  const published = new Map<string, Diagnostic[]>()
  let workspace: string | undefined
  let debounce = defaultDebounce
  let canWatch = false

  let pool: LintPool | undefined

  const send = (document: TextDocument, outcome: LintOutcome) => {
    const diagnostics = diagnosticsOf(document.uri, outcome)
    if (diagnostics === undefined) return
    published.set(document.uri, diagnostics)
    try {
      connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics}).catch((error: unknown) => {
        connection.console.error(`${toolName}: cannot publish diagnostics: ${String(error)}`)
      })
    } catch {
      // The connection closed while a worker linted: no one to tell.
    }
  }

  const publish = (document: TextDocument) => {
    cancel(document.uri)
    linted.set(document.uri, document.version)
    const text = document.getText()
    if (text.length < bigDocument) return send(document, lintDocument(document.uri, text, workspace))
    // A big document on a worker: the server goes on answering; a result for an older version is dropped.
    pool ??= new LintPool(1, {FACTCHECK_WORKER_HEAP_MB: String(bigDocumentHeapMb)})
    void lintDocumentOn(pool, document.uri, text, workspace).then((outcome) => {
      if (!shutDown && documents.get(document.uri)?.version === document.version) send(document, outcome)
    })
  }

  const cancel = (uri: string) => {
    clearTimeout(pending.get(uri))
    pending.delete(uri)
  }

  const schedule = (document: TextDocument) => {
    if (linted.get(document.uri) === document.version) return
    cancel(document.uri)
    if (debounce <= 0) return publish(document)
    pending.set(
      document.uri,
      setTimeout(() => {
        const current = documents.get(document.uri)
        if (current) publish(current)
      }, debounce)
    )
  }

  const relintAll = () => {
    for (const document of documents.all()) publish(document)
  }

  connection.onInitialize((params) => {
    workspace = workspaceOf(params)
    const options: unknown = params.initializationOptions
    if (typeof options === 'object' && options !== null && 'debounce' in options && typeof options.debounce === 'number') {
      debounce = options.debounce
    }
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]}
      },
      serverInfo: {name: toolName, version: packageVersion()}
    }
  })

  connection.onInitialized(() => {
    if (!canWatch) return
    const globPattern = `**/{${[...settingFiles].join(',')}}`
    connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern}]}).catch(() => {
      // A client that offered dynamic registration and then refused it: configs apply on the next edit.
    })
  })

  documents.onDidOpen(({document}) => publish(document))
  documents.onDidChangeContent(({document}) => schedule(document))
  documents.onDidSave(({document}) => {
    if (isSettingFile(document.uri)) relintAll()
    else publish(document)
  })
  documents.onDidClose(({document}) => {
    cancel(document.uri)
    linted.delete(document.uri)
    published.delete(document.uri)
    connection.sendDiagnostics({uri: document.uri, diagnostics: []}).catch(() => {})
  })
  connection.onDidChangeWatchedFiles(relintAll)

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const only = params.context.only
    const actions: CodeAction[] = []
    if (wants(only, CodeActionKind.QuickFix)) {
      const own = ownDiagnostics(published.get(document.uri) ?? [], params.context.diagnostics, params.range)
      actions.push(...quickFixes(document, own), ...disableActions(document, own))
    }
    // The whole-document fix only when asked for by kind (Source Action…, fix on save).
    if (only && wants(only, fixAllKind)) {
      const outcome = lintDocument(document.uri, document.getText(), workspace)
      const action = outcome.kind === 'linted' ? fixAll(document, outcome.messages) : undefined
      if (action) actions.push(action)
    }
    return actions
  })

  connection.onShutdown(async () => {
    shutDown = true
    for (const uri of [...pending.keys()]) cancel(uri)
    await pool?.close()
  })

  documents.listen(connection)
  return {shutDown: () => shutDown}
}

/** Whether a client's `only` filter admits `kind` (`source` admits `source.fixAll.factcheck`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((wanted) => kind === wanted || kind.startsWith(wanted + '.'))
}

function isSettingFile(uri: string): boolean {
  // `file:///desk/.factcheckrc.json`: `.factcheckrc.json`; a malformed URI is no setting file.
  try {
    return settingFiles.has(decodeURIComponent(path.posix.basename(new URL(uri).pathname)))
  } catch {
    return false
  }
}

/** The client's root folder, when it is on disk. */
function workspaceOf(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri
  if (!uri?.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}
