/**
 * `--shard I/N`: lint only the articles whose key hashes into shard I of N
 * (1-based), so N hosts, a Slurm job array or a Kubernetes indexed job split
 * a corpus with no coordinator. The key is a file's path as the report shows
 * it (relative to the working folder, `/`-separated) or a record's `id`.
 *
 * The hash is 32-bit FNV-1a over the key's UTF-8 bytes, and the shard is
 * `hash mod N`, plus one: integer arithmetic on bytes only, so every
 * machine, run and Node version puts a key in the same shard.
 */

export interface Shard {
  /** 1-based. */
  readonly index: number
  readonly count: number
}

const fnvOffset = 0x81_1c_9d_c5
const fnvPrime = 0x01_00_01_93
const utf8 = new TextEncoder()

/** 32-bit FNV-1a over the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = fnvOffset
  for (const byte of utf8.encode(text)) hash = Math.imul(hash ^ byte, fnvPrime)
  return hash >>> 0
}

/** The shard (1-based) of `count` that `key` falls in. */
export function shardOf(key: string, count: number): number {
  return (fnv1a32(key) % count) + 1
}

/** Whether `key` falls in `shard`. */
export function inShard(key: string, shard: Shard): boolean {
  return shardOf(key, shard.count) === shard.index
}

// “3/8”, not “0/8”, “3/”, “3 / 8” or “-1/8”.
const shardPattern = /^(\d+)\/(\d+)$/

/** Read `I/N`; `undefined` when it is not a shard (`0/4`, `5/4`, `2`). */
export function parseShard(text: string): Shard | undefined {
  const match = shardPattern.exec(text)
  if (!match) return undefined
  const index = Number(match[1])
  const count = Number(match[2])
  if (index < 1 || index > count || !Number.isSafeInteger(count)) return undefined
  return {index, count}
}
