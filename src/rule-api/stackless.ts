/**
 * Messages without stack traces. A VFileMessage is an Error, so V8 captures a
 * stack when one is made, and vfile-message then replaces it with `''`: the
 * capture is wasted work on every message. On the run's own thread with lint
 * workers, over the 22,250-file bench input, it took 2.0 of 8.4 CPU-seconds
 * for the messages rebuilt from workers' data, and later 0.9 of 5.1 for
 * `shared-paragraph`'s messages on the copies.
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
