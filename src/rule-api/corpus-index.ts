/**
 * What a run over many files remembers of each paragraph, for
 * `shared-paragraph` (SPEC section 8): a 53-bit hash of its normalised words,
 * and where it was first seen (file number and line) — 16 bytes a distinct
 * paragraph in typed arrays, never its text or tree. One linear pass, no
 * pairwise comparison.
 */

export interface FirstSeen {
  readonly file: string
  readonly line: number
}

interface Point {
  readonly line: number
  readonly column: number
  readonly offset?: number | undefined
}

/**
 * A paragraph of one file as the corpus sees it: the hash of its normalised
 * words and its place. Rules record these while linting (in a worker, or
 * from the cache); the run matches them against the index in run order.
 */
export interface ParagraphKey {
  readonly hash: number
  /** The paragraph's first line, which messages elsewhere name. */
  readonly line: number
  readonly start: Point
  readonly end: Point
}

const empty = 0xff_ff_ff_ff

export class CorpusIndex {
  private keysHigh = new Uint32Array(1024)
  private keysLow = new Uint32Array(1024)
  private files = new Uint32Array(1024).fill(empty)
  private lines = new Uint32Array(1024)
  private size = 0
  private readonly paths: string[] = []
  private current = -1

  /** Start a new file; its paragraphs are matched against earlier files only. */
  startFile(filePath: string): void {
    this.paths.push(filePath)
    this.current = this.paths.length - 1
  }

  /**
   * Record a paragraph of the current file by its `cyrb53` hash: where it was
   * first seen when an earlier file has it, otherwise `undefined` (and it is
   * remembered).
   */
  seen(hash: number, line: number): FirstSeen | undefined {
    const high = Math.floor(hash / 0x1_00_00_00_00) >>> 0
    const low = hash >>> 0
    const slot = this.find(high, low)
    if (this.files[slot] !== empty) {
      const file = this.files[slot]
      return file === this.current ? undefined : {file: this.paths[file], line: this.lines[slot]}
    }
    this.keysHigh[slot] = high
    this.keysLow[slot] = low
    this.files[slot] = this.current
    this.lines[slot] = line
    if (++this.size * 2 > this.files.length) this.grow()
    return undefined
  }

  /** Distinct paragraphs remembered. */
  get count(): number {
    return this.size
  }

  private find(high: number, low: number): number {
    const mask = this.files.length - 1
    let slot = (low ^ (high * 0x9e_37_79_b1)) & mask
    while (this.files[slot] !== empty && (this.keysHigh[slot] !== high || this.keysLow[slot] !== low)) slot = (slot + 1) & mask
    return slot
  }

  private grow(): void {
    const {keysHigh, keysLow, files, lines} = this
    const capacity = files.length * 2
    this.keysHigh = new Uint32Array(capacity)
    this.keysLow = new Uint32Array(capacity)
    this.files = new Uint32Array(capacity).fill(empty)
    this.lines = new Uint32Array(capacity)
    for (let index = 0; index < files.length; index++) {
      if (files[index] === empty) continue
      const slot = this.find(keysHigh[index], keysLow[index])
      this.keysHigh[slot] = keysHigh[index]
      this.keysLow[slot] = keysLow[index]
      this.files[slot] = files[index]
      this.lines[slot] = lines[index]
    }
  }
}

/** cyrb53: a fast 53-bit string hash (public domain, bryc). */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xde_ad_be_ef ^ seed
  let h2 = 0x41_c6_ce_57 ^ seed
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2_654_435_761)
    h2 = Math.imul(h2 ^ code, 1_597_334_677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909)
  return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0)
}

/**
 * Where rules record the file's paragraph keys (absent when linting one text
 * alone, as the editor does: there is no corpus then).
 */
export function paragraphKeysOf(data: object): ParagraphKey[] | undefined {
  return (data as {paragraphKeys?: ParagraphKey[]}).paragraphKeys
}
