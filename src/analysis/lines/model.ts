/**
 * The line classifier's models: gradient-boosted stumps (one feature and one
 * threshold each), fitted by `npm run train` (scripts/train-lines.ts) on the
 * hand-labelled scraped pages and shipped as data (data/line-model.json). A
 * model's score is the sum of its stumps' values; its probability the
 * logistic of that.
 */

/** A stump: `[feature index, threshold, value at or below, value above]`. */
export type Stump = readonly [number, number, number, number]

export interface StumpModel {
  readonly base: number
  readonly stumps: readonly Stump[]
  /** The probability at or above which the model's class is given. */
  readonly threshold: number
}

export interface LineModel {
  /** Feature names, in the order the stumps index them (features.ts `featureNames`). */
  readonly features: readonly string[]
  readonly furniture: StumpModel
  readonly caption: StumpModel
  /** One model a furniture kind, one against the rest: the highest names the kind. */
  readonly kinds: Readonly<Record<string, StumpModel>>
}

/** The model's probability for one feature vector. */
export function probability(model: StumpModel, values: readonly number[]): number {
  let score = model.base
  for (const [feature, threshold, below, above] of model.stumps) score += values[feature] <= threshold ? below : above
  return 1 / (1 + Math.exp(-score))
}

/**
 * The features that pushed the score up most, by name (what a message says
 * as its evidence): each stump's value less the model's mean for it.
 */
export function strongestFeatures(model: StumpModel, values: readonly number[], names: readonly string[], count: number): string[] {
  const push = new Map<number, number>()
  for (const [feature, threshold, below, above] of model.stumps) {
    const value = values[feature] <= threshold ? below : above
    push.set(feature, (push.get(feature) ?? 0) + value - (below + above) / 2)
  }
  return [...push.entries()]
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([feature]) => names[feature])
}
