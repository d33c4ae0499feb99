/** `--shard I/N`: a stable hash of a path or record id, every key in exactly one shard. */
import {describe, expect, it} from 'vitest'
import {fnv1a32, inShard, parseShard, shardOf} from '../src/run/shard.js'

describe('fnv1a32', () => {
  it('should give the published FNV-1a values', () => {
    expect(fnv1a32('')).toBe(0x81_1c_9d_c5)
    expect(fnv1a32('a')).toBe(0xe4_0c_29_2c)
    expect(fnv1a32('foobar')).toBe(0xbf_9c_f9_68)
  })

  it('should hash UTF-8 bytes, not UTF-16 code units', () => {
    // “é” is C3 A9 in UTF-8; “記事” six bytes. Pinned: a change here moves articles between shards.
    expect(fnv1a32('é')).toBe(0x1e_9d_e8_c1)
    expect(fnv1a32('記事')).toBe(0x86_c5_d1_4e)
    expect(fnv1a32('business-001.txt')).toBe(0xc4_32_e7_cf)
  })
})

describe('shardOf', () => {
  // Pinned values, checked against an independent implementation (Python, over `str.encode()`).
  it('should put fixed keys in fixed shards', () => {
    expect(shardOf('business-001.txt', 4)).toBe((0xc4_32_e7_cf % 4) + 1)
    expect(['business-001.txt', 'business-002.txt', 'sport/2024/a.md', 'rec-17'].map((key) => shardOf(key, 4))).toEqual([4, 3, 2, 1])
  })

  it('should put every key in exactly one shard, and every shard gets some', () => {
    const keys = Array.from({length: 2000}, (_, index) => `politics/${String(index).padStart(3, '0')}.txt`)
    for (const count of [1, 2, 3, 4, 7, 16]) {
      const sizes = new Array<number>(count).fill(0)
      for (const key of keys) {
        const shards = Array.from({length: count}, (_, index) => index + 1).filter((index) => inShard(key, {index, count}))
        expect(shards).toHaveLength(1)
        sizes[shards[0] - 1]++
      }
      // Balanced: no shard more than a third off its fair share.
      for (const size of sizes) expect(Math.abs(size - keys.length / count)).toBeLessThan(keys.length / count / 3)
    }
  })
})

describe('parseShard', () => {
  it('should read I/N with 1 ≤ I ≤ N', () => {
    expect(parseShard('1/1')).toEqual({index: 1, count: 1})
    expect(parseShard('3/8')).toEqual({index: 3, count: 8})
  })

  it('should refuse anything else', () => {
    for (const text of ['0/4', '5/4', '2', '2/', '/4', '-1/4', '1 / 4', '1.5/4', '1/0']) expect(parseShard(text)).toBeUndefined()
  })
})
