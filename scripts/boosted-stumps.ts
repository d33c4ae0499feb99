/**
 * Gradient-boosted stumps for a binary label (logistic loss, Newton steps,
 * shrinkage): the fitting half of src/analysis/lines/model.ts. Each round
 * adds the one-feature split that most lowers the loss, with a value on each
 * side. Deterministic: features are tried in order, ties keep the first.
 */
import type {Stump, StumpModel} from '../src/analysis/lines/model.js'

export interface FitOptions {
  readonly rounds: number
  readonly shrinkage: number
  /** L2 penalty on a leaf's value (XGBoost's lambda). */
  readonly lambda: number
  /** Least hessian weight a side of a split must hold. */
  readonly minWeight: number
}

export const defaultFit: FitOptions = {rounds: 250, shrinkage: 0.1, lambda: 1, minWeight: 1}

/** Fit on rows `x` (feature vectors) with labels `y` (0 or 1) and row weights `w` (0 leaves a row out). */
export function fitStumps(x: readonly (readonly number[])[], y: readonly number[], w: readonly number[], options: FitOptions = defaultFit): StumpModel {
  const rows = x.map((_, index) => index).filter((index) => w[index] > 0)
  const features = x[0]?.length ?? 0
  // Each feature's rows in ascending order of its value, sorted once.
  const order = Array.from({length: features}, (_, feature) => [...rows].sort((a, b) => x[a][feature] - x[b][feature] || a - b))
  let positive = 0
  let total = 0
  for (const row of rows) {
    positive += w[row] * y[row]
    total += w[row]
  }
  const rate = Math.min(Math.max(positive / Math.max(total, 1e-9), 1e-4), 1 - 1e-4)
  const base = Math.log(rate / (1 - rate))
  const score = new Float64Array(x.length).fill(base)
  const gradient = new Float64Array(x.length)
  const hessian = new Float64Array(x.length)
  const stumps: Stump[] = []

  for (let round = 0; round < options.rounds; round++) {
    let gradientSum = 0
    let hessianSum = 0
    for (const row of rows) {
      const p = 1 / (1 + Math.exp(-score[row]))
      gradient[row] = w[row] * (p - y[row])
      hessian[row] = w[row] * Math.max(p * (1 - p), 1e-6)
      gradientSum += gradient[row]
      hessianSum += hessian[row]
    }
    const parent = (gradientSum * gradientSum) / (hessianSum + options.lambda)
    let best: {gain: number; feature: number; threshold: number; left: number; right: number} | undefined
    for (let feature = 0; feature < features; feature++) {
      const sorted = order[feature]
      let leftGradient = 0
      let leftHessian = 0
      for (let index = 0; index < sorted.length - 1; index++) {
        const row = sorted[index]
        leftGradient += gradient[row]
        leftHessian += hessian[row]
        const value = x[row][feature]
        const next = x[sorted[index + 1]][feature]
        if (next === value) continue
        const rightGradient = gradientSum - leftGradient
        const rightHessian = hessianSum - leftHessian
        if (leftHessian < options.minWeight || rightHessian < options.minWeight) continue
        const gain =
          (leftGradient * leftGradient) / (leftHessian + options.lambda) + (rightGradient * rightGradient) / (rightHessian + options.lambda) - parent
        if (!best || gain > best.gain) {
          best = {
            gain,
            feature,
            threshold: (value + next) / 2,
            left: -leftGradient / (leftHessian + options.lambda),
            right: -rightGradient / (rightHessian + options.lambda)
          }
        }
      }
    }
    if (!best || best.gain <= 1e-9) break
    const stump: Stump = [best.feature, round6(best.threshold), round6(best.left * options.shrinkage), round6(best.right * options.shrinkage)]
    stumps.push(stump)
    for (const row of rows) score[row] += x[row][stump[0]] <= stump[1] ? stump[2] : stump[3]
  }
  return {base: round6(base), stumps, threshold: 0.5}
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
