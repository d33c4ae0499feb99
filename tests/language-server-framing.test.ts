/**
 * The language server survives bad framing on its standard input: after a
 * bad `Content-Length`, garbage bytes or an LF-only header it logs the problem
 * on stderr and answers the next well-framed request. Before, vscode-jsonrpc's
 * reader waited for ever and the server never answered again, logging nothing.
 * Each case runs its own `factcheck-language-server --stdio` child process.
 */
import {spawn} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {root} from './cli-helpers.js'

const serverBin = path.join(root, 'dist/src/server/bin.js')

function frame(message: object): string {
  const body = JSON.stringify(message)
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
}

const initialize = (id: number) => frame({jsonrpc: '2.0', id, method: 'initialize', params: {processId: null, rootUri: pathToFileURL(root).href, capabilities: {}}})

/**
 * Send `bytes`, then (unless `id` is given) an initialize request numbered 42;
 * resolve with the server's stderr once it answers request `id`.
 */
function answersAfter(bytes: string | Buffer, id?: number): Promise<string> {
  const child = spawn(process.execPath, [serverBin, '--stdio'], {cwd: root, stdio: 'pipe'})
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`no answer within 15 s; stderr: ${JSON.stringify(stderr)}`))
    }, 15_000)
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      if (stdout.includes(`"id":${id ?? 42},"result":{"capabilities"`)) {
        clearTimeout(timer)
        child.kill()
        resolve(stderr)
      }
    })
    child.stdin.write(bytes)
    // Apart, as an editor would send the next message.
    if (id === undefined) setTimeout(() => child.stdin.write(initialize(42)), 300)
  })
}

const cases: ReadonlyArray<readonly [string, string | Buffer, RegExp]> = [
  ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}', /bad Content-Length/],
  ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0"}', /bad Content-Length/],
  ['a Content-Length too long for its body', 'Content-Length: 5000\r\n\r\n{"jsonrpc":"2.0","method":"exit-not"}', /shorter than its Content-Length/],
  ['a Content-Length too short for its body', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}', /not JSON/],
  ['a Content-Length over the message limit', 'Content-Length: 99999999999\r\n\r\n{}', /over the limit/],
  ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0"}', /not a message/],
  ['garbage bytes', Buffer.from([0, 255, 13, 10, 13, 10, 80, 75, 3, 4, 0x7b, 0x7d, 10, 10]), /not a message/],
  ['an LF-only header (read as one)', 'Content-Length: 2\n\n{}', /not a JSON object|^$/]
]

describe('factcheck-language-server --stdio and bad framing', () => {
  it.each(cases)('should log %s and answer the next request', async (_name, bytes, logged) => {
    const stderr = await answersAfter(bytes)
    expect(stderr).toMatch(logged)
    // Each problem is one line naming the server.
    for (const line of stderr.trimEnd().split('\n').filter(Boolean)) expect(line).toMatch(/^factcheck-language-server: /)
  }, 20_000)

  it('should read a message with an LF-only header', async () => {
    const stderr = await answersAfter(initialize(41).replace('\r\n\r\n', '\n\n'), 41)
    expect(stderr).toBe('')
  }, 20_000)
})
