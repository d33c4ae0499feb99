/**
 * The posting lists of a small inverted index: for each key number (a
 * shingle's, from `TripleIds`), the entry numbers added under it, in order of
 * addition and up to a cap. Linked lists in typed arrays, rather than an
 * array per key: most keys hold one entry. Reused after `clear`.
 */
import {grown} from './grown.js'

export class Postings {
  /** By key: how many entries were added (at most `cap + 1`), the first and the last posting. */
  private counts = new Int32Array(1024)
  private heads = new Int32Array(1024)
  private tails = new Int32Array(1024)
  /** By posting: its entry number and the next posting of its key (-1 after the last). */
  private entries = new Int32Array(1024)
  private nexts = new Int32Array(1024)
  /** Keys below this may have postings; postings below this are in use. */
  private keyEnd = 0
  private size = 0

  /** `cap`: entries kept per key; one more marks the key as too common (`count(key) > cap`). */
  constructor(private readonly cap: number) {}

  clear(): void {
    this.counts.fill(0, 0, this.keyEnd)
    this.keyEnd = 0
    this.size = 0
  }

  /** Entries added under `key`, at most `cap + 1`. */
  count(key: number): number {
    return key < this.keyEnd ? this.counts[key] : 0
  }

  /** Add `entry` under `key`, unless the key already holds more than `cap` entries. */
  add(key: number, entry: number): void {
    if (key >= this.keyEnd) this.reachKey(key)
    const count = this.counts[key]
    if (count > this.cap) return
    if (this.size === this.entries.length) this.growPostings()
    const posting = this.size++
    this.entries[posting] = entry
    this.nexts[posting] = -1
    if (count === 0) this.heads[key] = posting
    else this.nexts[this.tails[key]] = posting
    this.tails[key] = posting
    this.counts[key] = count + 1
  }

  /** The first posting of `key`, or -1; walk on with `next`, read with `entryAt`. */
  first(key: number): number {
    return this.count(key) > 0 ? this.heads[key] : -1
  }

  next(posting: number): number {
    return this.nexts[posting]
  }

  entryAt(posting: number): number {
    return this.entries[posting]
  }

  /** Make keys up to `key` usable. Counts past `keyEnd` are 0 already: `clear` and growing leave them so. */
  private reachKey(key: number): void {
    if (key >= this.counts.length) {
      this.counts = grown(this.counts, key)
      this.heads = grown(this.heads, key)
      this.tails = grown(this.tails, key)
    }
    this.keyEnd = key + 1
  }

  private growPostings(): void {
    this.entries = grown(this.entries, this.size)
    this.nexts = grown(this.nexts, this.size)
  }
}
