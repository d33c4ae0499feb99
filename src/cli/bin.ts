#!/usr/bin/env node
/** The `factcheck` command. */
import {cli, writeProblem} from './cli.js'

// `factcheck … | head`: a closed pipe ends the output, not the process with a stack trace.
// Any other failure (`> /dev/full`, a full disk) is an I/O error: one line, exit 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  process.stderr.write(`factcheck: stdout: cannot write the report (${writeProblem(error)})\n`)
  process.exit(2)
})

const color = process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env.FORCE_COLOR !== '0'

cli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: readStdin,
  stdinChunks: () => process.stdin,
  stdout: (text) => {
    if (text) process.stdout.write(text)
  },
  stderr: (text) => {
    process.stderr.write(text)
  },
  color,
  stderrTerminal: process.stderr.isTTY ? {columns: () => process.stderr.columns} : undefined,
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not a user error: say so in one line, keep the stack for `DEBUG`.
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`factcheck: internal error: ${message}\n`)
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(String(error.stack) + '\n')
    process.exitCode = 2
  }
)

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
