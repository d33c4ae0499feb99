/**
 * Memory of a long run. Between articles little stays alive (~40 MB), but
 * every article leaves garbage behind, and V8 lets the old generation grow to
 * up to four times what survived its last full collection before it collects
 * again: 330 MiB peak on the 22,250-file bench input. Letting it grow by 100%
 * holds 236 MiB in the same CPU time (50%: 213 MiB for 25% more CPU). V8
 * reads the flag at every collection, so a run can set it once it knows it is
 * long. The flag is process-wide: a run with lint workers leaves it alone.
 */
import v8 from 'node:v8'

let limited = false

export function limitHeapGrowth(): void {
  if (limited) return
  limited = true
  v8.setFlagsFromString('--heap-growing-percent=100')
}
