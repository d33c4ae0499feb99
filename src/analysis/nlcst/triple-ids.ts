/**
 * Small numbers for triples of small numbers (`[12, 7, 40]` → `3`): equal
 * triples get equal numbers, counted from 0 in order of first sight. It gives
 * a shingle of three word ids a number that typed arrays can index, without a
 * string or a boxed number per shingle, as a `Map` key would need. An open
 * addressing table on `Int32Array`s, reused after `clear`.
 */

/** Slots start empty (`-1`); the table doubles past half full. */
const initialSlots = 1024

export class TripleIds {
  private slots = initialSlots
  /** The triple in each slot, three numbers a slot. */
  private keys = new Int32Array(3 * initialSlots)
  /** The number of the triple in each slot, or -1 for an empty slot. */
  private values = new Int32Array(initialSlots).fill(-1)
  /** How many triples have a number. */
  size = 0

  /** Forget every triple: numbers start from 0 again. */
  clear(): void {
    if (this.size === 0) return
    this.values.fill(-1)
    this.size = 0
  }

  /** The number of the triple `a b c` (each at least -1), given on first sight. */
  idOf(a: number, b: number, c: number): number {
    const mask = this.slots - 1
    let slot = hash(a, b, c) & mask
    for (;;) {
      const value = this.values[slot]
      if (value === -1) break
      const key = 3 * slot
      if (this.keys[key] === a && this.keys[key + 1] === b && this.keys[key + 2] === c) return value
      slot = (slot + 1) & mask
    }
    const id = this.size++
    this.put(slot, a, b, c, id)
    if (2 * this.size > this.slots) this.grow()
    return id
  }

  private put(slot: number, a: number, b: number, c: number, id: number): void {
    this.keys[3 * slot] = a
    this.keys[3 * slot + 1] = b
    this.keys[3 * slot + 2] = c
    this.values[slot] = id
  }

  private grow(): void {
    const {keys, values} = this
    this.slots *= 2
    this.keys = new Int32Array(3 * this.slots)
    this.values = new Int32Array(this.slots).fill(-1)
    const mask = this.slots - 1
    for (let old = 0; old < values.length; old++) {
      if (values[old] === -1) continue
      const a = keys[3 * old]
      const b = keys[3 * old + 1]
      const c = keys[3 * old + 2]
      let slot = hash(a, b, c) & mask
      while (this.values[slot] !== -1) slot = (slot + 1) & mask
      this.put(slot, a, b, c, values[old])
    }
  }
}

/** A 32-bit mix of three numbers (multiplicative hashing with odd constants). */
function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1)
  h = Math.imul(h ^ (b + 1), 0x85ebca77)
  h = Math.imul(h ^ (c + 1), 0xc2b2ae3d)
  return h ^ (h >>> 15)
}
