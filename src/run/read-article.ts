/**
 * Read one article from disk or stdin into text, never losing any: a BOM is
 * set aside (and put back by fixes), invalid UTF-8 is decoded with U+FFFD and
 * its first bad byte reported, binary content (NUL bytes) is refused.
 */
import fs from 'node:fs'

export type ReadResult =
  | {
      readonly kind: 'text'
      readonly value: string
      readonly bom: boolean
      /** First byte that is not valid UTF-8, with its offset in `value`. */
      readonly badByte?: {readonly byte: number; readonly byteOffset: number; readonly offset: number}
    }
  | {readonly kind: 'unreadable'; readonly problem: string}

const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
const lenient = new TextDecoder('utf-8', {fatal: false, ignoreBOM: true})

export function readArticleFile(filePath: string): ReadResult {
  let buffer: Buffer
  try {
    buffer = fs.readFileSync(filePath)
  } catch (error) {
    return {kind: 'unreadable', problem: describeReadError(error)}
  }
  return decodeArticle(buffer)
}

export function decodeArticle(buffer: Uint8Array): ReadResult {
  if (buffer.includes(0)) {
    return {kind: 'unreadable', problem: `binary content (NUL byte at byte ${buffer.indexOf(0)}), not text`}
  }
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf
  const body = bom ? buffer.subarray(3) : buffer
  try {
    return {kind: 'text', value: strict.decode(body), bom}
  } catch {
    const byteOffset = firstInvalidByte(body)
    return {
      kind: 'text',
      value: lenient.decode(body),
      bom,
      badByte: {byte: body[byteOffset], byteOffset: byteOffset + (bom ? 3 : 0), offset: lenient.decode(body.subarray(0, byteOffset)).length}
    }
  }
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder, not a file'
  return `cannot read file (${code ?? String(error)})`
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    if (length === 0) return index
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next]
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index
    }
    // Overlong 3-byte forms, surrogates and code points past U+10FFFF.
    const second = bytes[index + 1]
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f)) return index
    if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return index
    index += length
  }
  return bytes.length
}
