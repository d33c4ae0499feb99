/**
 * The progress bar a run over many files draws on standard error when that is
 * a terminal: `[=====>     ] 1234/22250 files  5%  12.3 s`, redrawn in place.
 * It is never drawn in pipes or CI, where it would only be noise in a log.
 */
import type {RunProgress} from '../run/run.js'

/** The terminal the bar draws on. */
export interface ProgressTerminal {
  readonly write: (text: string) => void
  /** Its width now (it can be resized mid-run); 0 or less when unknown. */
  readonly columns: () => number
}

export interface ProgressBarOptions {
  /** Milliseconds; injected by tests. */
  readonly now?: () => number
  /** No bar before the run has lasted this long, so a quick run never flashes one. */
  readonly delay?: number
  /** At most one redraw per this many milliseconds, so 100,000 files cost no time. */
  readonly interval?: number
}

/** Whether a bar may be drawn on a terminal: not a dumb one, and not in CI. */
export function progressAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  // `CI` set to anything is CI, as most tools take it (GitHub Actions, GitLab, Travis set `CI=true`).
  return !env.CI && env.TERM !== 'dumb'
}

// Back to the line's start, and erase from the cursor to the line's end.
const lineStart = '\r'
const eraseToEnd = '\u001B[K'

/** Width used when the terminal does not say (a pseudo-terminal with no size). */
const fallbackColumns = 80
/** The bar's inside is at most this wide, and under `minimumBar` it is left out. */
const widestBar = 40
const minimumBar = 10
/** A run over fewer files gets no bar: it is over in a moment, and `2/3 files` tells little. */
const fewestFiles = 10

export class ProgressBar implements RunProgress {
  private readonly now: () => number
  private readonly delay: number
  private readonly interval: number
  private readonly began: number
  private total: number | undefined
  private done = 0
  private lastDraw = -Infinity
  private visible = false
  private ended = false

  constructor(
    private readonly terminal: ProgressTerminal,
    options: ProgressBarOptions = {}
  ) {
    this.now = options.now ?? Date.now
    this.delay = options.delay ?? 500
    this.interval = options.interval ?? 100
    // From creation, so counting the files is part of the wait the bar answers.
    this.began = this.now()
  }

  start(total: number): void {
    this.total = total
  }

  tick(): void {
    this.done++
    if (this.ended || this.total === undefined || this.total < fewestFiles) return
    const now = this.now()
    if (now - this.began < this.delay || now - this.lastDraw < this.interval) return
    this.draw(now)
  }

  /**
   * `write`, made to erase the bar before it writes and to draw it again after,
   * so warnings (and a report on the same terminal) never land inside the bar's line.
   */
  around(write: (text: string) => void): (text: string) => void {
    return (text) => {
      if (!this.visible || text === '') {
        write(text)
        return
      }
      this.erase()
      write(text)
      this.draw(this.now())
    }
  }

  /** Erase the bar for good: the run is over, or failed. */
  end(): void {
    this.erase()
    this.ended = true
  }

  private draw(now: number): void {
    const line = renderProgress(this.done, this.total ?? this.done, now - this.began, this.terminal.columns())
    this.terminal.write(lineStart + line + eraseToEnd)
    this.lastDraw = now
    this.visible = true
  }

  private erase(): void {
    if (!this.visible) return
    this.terminal.write(lineStart + eraseToEnd)
    this.visible = false
  }
}

/** The bar's line for `done` of `total` files after `elapsed` ms, fitted to `columns`. */
export function renderProgress(done: number, total: number, elapsed: number, columns: number): string {
  // More files than counted (some appeared since): never past 100%.
  const shownDone = Math.min(done, total)
  const fraction = total > 0 ? shownDone / total : 1
  const text = `${shownDone}/${total} files  ${Math.floor(fraction * 100)}%  ${formatElapsed(elapsed)}`
  // The last column stays empty: writing there wraps the line on some terminals.
  const room = (columns > 0 ? columns : fallbackColumns) - 1
  const inside = Math.min(widestBar, room - text.length - 3)
  if (inside < minimumBar) return text.slice(0, Math.max(0, room))
  const filled = Math.floor(fraction * inside)
  const bar = filled === inside ? '='.repeat(inside) : '='.repeat(filled) + '>' + ' '.repeat(inside - filled - 1)
  return `[${bar}] ${text}`
}

/** `12.3 s` under a minute, then `4 min 05 s`. */
export function formatElapsed(milliseconds: number): string {
  // 59.96 s would round to `60.0 s`: switch to minutes there instead.
  if (milliseconds < 59_950) return `${(milliseconds / 1000).toFixed(1)} s`
  const whole = Math.floor(milliseconds / 1000)
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`
}
