/**
 * Messages without stack traces. A VFileMessage is an Error, so V8 captures a
 * stack when one is made, and vfile-message then replaces it with `''`: the
 * capture is wasted work on every message. It was a quarter of the CPU time of
 * the run's own thread with lint workers (messages rebuilt from workers'
 * data), and 0.8 s of it over the 22,250-file bench input (`shared-paragraph`
 * messages on copies).
 */
export function withoutStackTraces<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}
