/**
 * The language server's reader of LSP messages (`Content-Length: N`, a blank
 * line, N bytes of JSON), one that survives bad framing. vscode-jsonrpc's own
 * reader fires an error and keeps its buffer on a header it cannot read, and
 * trusts any `Content-Length`: after garbage bytes, an LF-only header or a
 * wrong length it waits for ever, and the server never answers again, saying
 * nothing. This one logs each problem on stderr (the protocol owns stdout) and
 * resynchronises on the next `Content-Length` header:
 *
 * - bytes before a `Content-Length` header are skipped (other headers, such as
 *   `Content-Type`, are skipped silently);
 * - header lines may end in `\n` as well as `\r\n`;
 * - a length that is not a whole number, or over `maxMessageBytes`, skips that header;
 * - a body that holds the next header (`Content-Length: 12\r\n` cannot occur in
 *   JSON, which allows no raw line break inside a string and no bare word between
 *   tokens) had too long a length: reading starts again at that header;
 * - a body that is not JSON (too short a length, or garbage) is dropped.
 */
import {AbstractMessageReader, type DataCallback, type Disposable, type Message} from 'vscode-languageserver/node.js'

/** The largest message read: a document over the article size limit is refused after it arrives anyway. */
export const maxMessageBytes = 64 * 1024 * 1024
/** A header this long without its blank line is not a header. */
const maxHeaderBytes = 8 * 1024

// "Content-Length: 52\r\n" anywhere: the start of a message.
const lengthHeader = /content-length[ \t]*:/i
// The same, whole, with its line end: what a body can never contain.
const wholeLengthHeader = /content-length[ \t]*:[ \t]*\d+[ \t]*\r?\n/i
// The blank line that ends the headers: "\r\n\r\n" or "\n\n" (or mixed).
const headerEnd = /\r?\n\r?\n/
// "Content-Length: 52"; not "Content-Length: 52x" or "-1".
const lengthValue = /^content-length[ \t]*:[ \t]*(\d+)[ \t]*$/im

/** Splits a byte stream into messages; `log` hears each framing problem. */
export class MessageFramer {
  /** What has arrived and is not read yet, in chunks: joined only when a message may be whole. */
  private chunks: Buffer[] = []
  private buffered = 0
  private buffer: Buffer = Buffer.alloc(0)
  /** The body length being waited for, once its header is read. */
  private bodyLength = -1

  constructor(
    private readonly deliver: (message: Message) => void,
    private readonly log: (problem: string) => void
  ) {}

  push(chunk: Buffer): void {
    const last = this.chunks.at(-1)
    this.chunks.push(chunk)
    this.buffered += chunk.length
    // Part of a long body (a 5 MB document comes in 64 KB chunks): wait, unless the new bytes hold a header.
    if (this.bodyLength !== -1 && this.buffered < this.bodyLength) {
      const seam = last ? Buffer.concat([last.subarray(-40), chunk]) : chunk
      if (!wholeLengthHeader.test(seam.toString('latin1'))) return
    }
    this.buffer = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks)
    while (this.bodyLength === -1 ? this.readHeader() : this.readBody()) {
      // Each step consumed something; go on while whole messages are buffered.
    }
    this.chunks = this.buffer.length > 0 ? [this.buffer] : []
    this.buffered = this.buffer.length
  }

  /** Read one header block; `false` when more bytes are needed. */
  private readHeader(): boolean {
    // Latin-1: one character per byte, so offsets in the text are offsets in the buffer.
    const text = this.buffer.toString('latin1', 0, Math.min(this.buffer.length, maxHeaderBytes * 4))
    const start = text.search(lengthHeader)
    if (start === -1) {
      // Keep a tail that may be the start of a header cut by the chunk boundary.
      const keep = Math.min(text.length, 'content-length'.length)
      this.skip(text.length - keep, 'bytes that are not a message')
      return text.length < this.buffer.length
    }
    // Other headers before ours (`Content-Type`) are not an error; anything else is.
    const before = text.slice(0, start)
    if (before.trim() !== '' && !/^(?:[\w-]+[ \t]*:[^\n]*\r?\n)+$/.test(before)) this.skip(start, 'bytes that are not a message')
    else this.buffer = this.buffer.subarray(start)
    const rest = text.slice(start)
    const end = headerEnd.exec(rest)
    if (!end) {
      if (rest.length > maxHeaderBytes) this.skip(1, 'a header without its blank line')
      return rest.length > maxHeaderBytes
    }
    const headers = rest.slice(0, end.index)
    const length = lengthValue.exec(headers)
    if (!length) {
      this.skip(1, `a header with a bad Content-Length (${JSON.stringify(headers.split(/\r?\n/)[0].slice(0, 80))})`)
      return true
    }
    const bytes = Number(length[1])
    if (bytes > maxMessageBytes) {
      this.skip(1, `a message of ${bytes} bytes, over the limit of ${maxMessageBytes}`)
      return true
    }
    this.buffer = this.buffer.subarray(end.index + end[0].length)
    this.bodyLength = bytes
    return true
  }

  /** Read the body the header announced; `false` when more bytes are needed. */
  private readBody(): boolean {
    if (this.buffer.length < this.bodyLength) {
      // A header inside what should be this body: its length was too long.
      const next = this.buffer.toString('latin1').search(wholeLengthHeader)
      if (next === -1) return false
      this.bodyLength = -1
      this.skip(next, 'a message shorter than its Content-Length')
      return true
    }
    const body = this.buffer.subarray(0, this.bodyLength)
    this.buffer = this.buffer.subarray(this.bodyLength)
    this.bodyLength = -1
    let message: unknown
    try {
      message = JSON.parse(body.toString('utf8'))
    } catch {
      this.log(`dropped a message that is not JSON (${body.length} bytes; a wrong Content-Length?)`)
      return true
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.log('dropped a message that is not a JSON object')
      return true
    }
    this.deliver(message as Message)
    return true
  }

  private skip(bytes: number, what: string): void {
    if (bytes <= 0) return
    this.log(`skipped ${bytes} byte${bytes === 1 ? '' : 's'}: ${what}`)
    this.buffer = this.buffer.subarray(bytes)
  }
}

/** A `MessageReader` on a byte stream (standard input) that frames with `MessageFramer`. */
export class ResyncingMessageReader extends AbstractMessageReader {
  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly log: (problem: string) => void
  ) {
    super()
  }

  listen(callback: DataCallback): Disposable {
    const framer = new MessageFramer(callback, this.log)
    const onData = (chunk: Buffer | string) => framer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)
    const onError = (error: Error) => this.fireError(error)
    const onClose = () => this.fireClose()
    this.input.on('data', onData)
    this.input.on('error', onError)
    this.input.on('close', onClose)
    this.input.on('end', onClose)
    return {
      dispose: () => {
        this.input.off('data', onData)
        this.input.off('error', onError)
        this.input.off('close', onClose)
        this.input.off('end', onClose)
      }
    }
  }
}
