#!/usr/bin/env node
/**
 * The `factcheck-language-server` command: the language server over
 * `--stdio` (or `--node-ipc`, `--socket=PORT`, as vscode-languageserver reads
 * them). Standard output belongs to the protocol: nothing else writes there.
 */
import {createConnection, ProposedFeatures, StreamMessageWriter} from 'vscode-languageserver/node.js'
import {loadParser} from '../run/processor.js'
import {packageVersion} from '../rule-api/version.js'
import {ResyncingMessageReader} from './message-reader.js'
import {startServer} from './server.js'

const usage = `Usage: factcheck-language-server --stdio

The factcheck language server: diagnostics, quick fixes and related places for
news articles (.txt, .md, .markdown, .html, .htm), configured as the CLI is
(the nearest .factcheckrc.json). Transports: --stdio, --node-ipc, --socket=PORT.
`

// "--stdio", "--node-ipc", "--socket=6009" (not "--studio")
const transportFlag = /^--(stdio|node-ipc|socket=\d+)$/

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage)
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(packageVersion() + '\n')
} else if (!args.some((arg) => transportFlag.test(arg))) {
  process.stderr.write('factcheck-language-server: expected --stdio (or --node-ipc, --socket=PORT); see --help\n')
  process.exitCode = 2
} else {
  // Over stdio, a reader that survives bad framing (see message-reader.ts); other transports as vscode-languageserver reads them.
  const log = (problem: string) => process.stderr.write(`factcheck-language-server: ${problem}\n`)
  const reader = args.includes('--stdio') ? new ResyncingMessageReader(process.stdin, log) : undefined
  const connection = reader ? createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all)
  // A bug in a handler must not take the editor's diagnostics down with it: log it and keep serving.
  process.on('uncaughtException', (error) => {
    try {
      connection.console.error(`factcheck: internal error: ${error.stack ?? error.message}`)
    } catch {
      // The connection is closed: stderr is left.
      log(`internal error: ${error.stack ?? error.message}`)
    }
  })
  // Every parser up front: documents are linted synchronously as they change.
  await Promise.all([loadParser('markdown'), loadParser('html')])
  const server = startServer(connection)
  // The editor went away (standard input closed): exit as vscode-languageserver does for its own streams,
  // though a worker linting a big document would keep the process alive.
  reader?.onClose(() => process.exit(server.shutDown() ? 0 : 1))
  connection.listen()
}
