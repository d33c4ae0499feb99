/**
 * Word-overlap measures for near-copy detection, on normalised word lists
 * (multisets: a word counts as often as it occurs).
 */

/** How many words two lists share, counting repeats. */
export function sharedWords(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>()
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1)
  let shared = 0
  for (const word of b) {
    const count = counts.get(word)
    if (count) {
      shared++
      counts.set(word, count - 1)
    }
  }
  return shared
}

/** Overlapping runs of `size` words, joined: the shingles an index is built on. */
export function shingles(words: readonly string[], size: number): string[] {
  if (words.length < size) return words.length > 0 ? [words.join(' ')] : []
  const result: string[] = []
  for (let index = 0; index + size <= words.length; index++) result.push(words.slice(index, index + size).join(' '))
  return result
}
