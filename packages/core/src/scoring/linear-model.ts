import { ownerLabel, type FeatureTrace, type SparseVector } from './features';
import type { DenseFeature } from './signals/spam-signals';
import type { Token } from './text';

/** Platt scaling: probability = sigmoid(slope * rawScore + intercept). */
export interface Calibration {
  slope: number;
  intercept: number;
}

/** A logistic regression over hashed features, plus its calibration. */
export interface LinearModel {
  hashBits: number;
  weights: Float32Array;
  bias: number;
  calibration: Calibration;
}

/** An n-gram's share of the calibrated logit. */
export interface Contribution {
  feature: string;
  weight: number;
}

/** Logistic function, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Uncalibrated logit: bias plus weights · features. */
export function rawScore(model: LinearModel, vector: SparseVector): number {
  let z = model.bias;
  const { indices, values } = vector;
  for (let i = 0; i < indices.length; i += 1) z += model.weights[indices[i]!]! * values[i]!;
  return z;
}

/** Calibrated probability that the text is positive. */
export function predictProbability(model: LinearModel, vector: SparseVector): number {
  const { slope, intercept } = model.calibration;
  return sigmoid(slope * rawScore(model, vector) + intercept);
}

/**
 * The strongest positive contributors, in calibrated-logit units. A bucket's
 * contribution is split evenly over the occurrences that hit it, and
 * character n-grams are credited to the word they came from, because a
 * moderator can act on "idiot" but not on "dio". A word's figure is its net
 * contribution: its unigram plus all its character n-grams. Dense features
 * (signals such as "[phone number]") are named as they are. `silent` says
 * which labels are never evidence (stop words, function words).
 */
export function explain(
  model: LinearModel,
  vector: SparseVector,
  trace: FeatureTrace,
  tokens: readonly Token[],
  limit = 3,
  dense: readonly DenseFeature[] = [],
  silent: (label: string) => boolean = () => false,
): Contribution[] {
  const { indices, values } = vector;
  const contribution = new Float64Array(indices.length);
  const occurrences = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i += 1) contribution[i] = model.weights[indices[i]!]! * values[i]! * model.calibration.slope;
  for (let k = 0; k < trace.length; k += 1) {
    const slot = trace.slots[k]!;
    occurrences[slot] = occurrences[slot]! + 1;
  }
  // Sum per owner first (tokens, then bigrams), then merge owners that read
  // the same, e.g. a word used twice.
  const denseStart = tokens.length * 2;
  const perOwner = new Float64Array(denseStart + dense.length);
  for (let k = 0; k < trace.length; k += 1) {
    const slot = trace.slots[k]!;
    const owner = trace.owners[k]!;
    const at = owner >= 0 ? owner : tokens.length - owner - 1;
    perOwner[at] = perOwner[at]! + contribution[slot]! / occurrences[slot]!;
  }
  const byLabel = new Map<string, number>();
  for (let i = 0; i < perOwner.length; i += 1) {
    if (perOwner[i] === 0) continue;
    const label = ownerLabel(tokens, i < tokens.length || i >= denseStart ? i : tokens.length - i - 1, dense);
    byLabel.set(label, (byLabel.get(label) ?? 0) + perOwner[i]!);
  }
  return [...byLabel]
    .filter(([label, weight]) => weight > 0 && !silent(label))
    .map(([feature, weight]) => ({ feature, weight }))
    // Ties broken by name so the same text always explains the same way.
    .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0))
    .slice(0, limit);
}
