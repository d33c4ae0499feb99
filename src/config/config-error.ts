/** A configuration problem, named by file and key, reported on one line (exit 2). */
export class ConfigError extends Error {
  constructor(
    /** The config file (or `--rule` flag) at fault. */
    readonly source: string,
    problem: string
  ) {
    super(`${source}: ${problem}`)
    this.name = 'ConfigError'
  }
}
