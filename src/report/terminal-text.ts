/**
 * Text from articles and file names, made safe to print on a terminal: a
 * control character (C0, DEL, C1) or a bidirectional override in a reason, a
 * quoted span or a file name is shown as `\x1B` or `\u202E` instead of being
 * sent raw, so `ESC]0;…` cannot retitle the window, `ESC[2J` cannot clear the
 * screen and U+202E cannot reorder what a reader sees (issue 15, item 11).
 */

// C0 controls (tab and line breaks included: a report line is one line), DEL, C1 controls;
// bidi embeddings, overrides and isolates. Matches "\u001B[2J" and "\u202E"; not "é" or "…".
const unsafe = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** `text` with every control character written as an escape. */
export function printable(text: string): string {
  return text.replace(unsafe, escape)
}

function escape(character: string): string {
  const code = character.charCodeAt(0)
  return code <= 0xff ? '\\x' + code.toString(16).toUpperCase().padStart(2, '0') : '\\u' + code.toString(16).toUpperCase().padStart(4, '0')
}
