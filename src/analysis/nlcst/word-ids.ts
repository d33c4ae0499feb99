/**
 * Small numbers for the words of one article (`the` → 0, `minister` → 1):
 * equal words get equal numbers, counted from 0 in order of first sight. An
 * open addressing table on typed arrays, reused after `clear`: a `Map` per
 * article would grow its table afresh for every article, and one `Map` kept
 * for all articles is slow to look up (its words are cold in memory).
 */
import {grown} from './grown.js'

/** Slots start empty (`-1`); the table doubles past half full. */
const initialSlots = 1024

export class WordIds {
  /** The number of the word in each slot, or -1 for an empty slot. */
  private slots = new Int32Array(initialSlots).fill(-1)
  /** By number: the word and its hash. Past `size`, words of an earlier article wait to be overwritten. */
  private readonly words: string[] = []
  private hashes = new Int32Array(initialSlots / 2)
  /** How many words have a number. */
  size = 0

  /** Forget every word: numbers start from 0 again. */
  clear(): void {
    if (this.size === 0) return
    this.slots.fill(-1)
    this.size = 0
  }

  /** The number of `word`, given on first sight. */
  idOf(word: string): number {
    const hash = hashOf(word)
    const mask = this.slots.length - 1
    let slot = hash & mask
    for (;;) {
      const id = this.slots[slot]
      if (id === -1) break
      if (this.hashes[id] === hash && this.words[id] === word) return id
      slot = (slot + 1) & mask
    }
    const id = this.size++
    if (id === this.words.length) this.words.push(word)
    else this.words[id] = word
    if (id === this.hashes.length) this.hashes = grown(this.hashes, id)
    this.hashes[id] = hash
    this.slots[slot] = id
    if (2 * this.size > this.slots.length) this.grow()
    return id
  }

  private grow(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(-1)
    const mask = this.slots.length - 1
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask
      this.slots[slot] = id
    }
  }
}

/** FNV-1a over the UTF-16 code units of `word`, 32 bits. */
function hashOf(word: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193)
  return hash
}
