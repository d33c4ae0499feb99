/** A copy of `array` long enough to index `index`: its length doubled as often as that takes (the small tables of word-ids, postings and repeated-paragraph). */
export function grown(array: Int32Array, index: number): Int32Array<ArrayBuffer> {
  let length = Math.max(1, array.length)
  while (length <= index) length *= 2
  const copy = new Int32Array(length)
  copy.set(array)
  return copy
}
