/**
 * string-width for vfile-reporter's columns in the bundled CLI
 * (scripts/bundle.ts puts it in string-width's place). A cell of printable
 * ASCII, bare or in the SGR colour codes vfile-reporter writes, is one column
 * a character, and that is nearly every cell: places, severities, rule ids,
 * English messages. Anything else goes to string-width itself, loaded then:
 * its module makes an `Intl.Segmenter` as it loads, about 15 ms of a
 * one-article run.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
let full: ((text: string) => number) | undefined

export default function stringWidth(text: string): number {
  const width = asciiWidth(text)
  if (width !== undefined) return width
  full ??= (require('string-width') as typeof import('string-width')).default
  return full(text)
}

/** Columns of printable ASCII with SGR escapes (`\x1b[1;33m`, which take none), or `undefined` for any other text. */
export function asciiWidth(text: string): number | undefined {
  let width = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x20 && code < 0x7f) width++
    else if (code === 0x1b && text.charCodeAt(index + 1) === 0x5b) {
      let end = index + 2
      while (isSgrParameter(text.charCodeAt(end))) end++
      if (text.charCodeAt(end) !== 0x6d) return undefined
      index = end
    } else return undefined
  }
  return width
}

/** A digit or `;`. */
function isSgrParameter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x3b
}
