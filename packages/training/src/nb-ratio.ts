import type { SparseVector } from '@moderato/core/src/scoring/features';
import type { Example } from './sgd-trainer';

/**
 * Naive-Bayes log-count ratio per bucket (Wang & Manning 2012, "NB-SVM"):
 * r = log((p/|p|) / (q/|q|)) with p, q the smoothed, example-weighted feature
 * sums over positives and negatives. Scaling features by r before logistic
 * regression lets rare but telling n-grams start with the right sign, which
 * helps most when the training set is small (per-video spam).
 */
export function nbLogCountRatio(examples: readonly Example[], hashBits: number, alpha = 1): Float32Array {
  const size = 1 << hashBits;
  const positive = new Float64Array(size).fill(alpha);
  const negative = new Float64Array(size).fill(alpha);
  for (const { vector, label, weight = 1 } of examples) {
    const sums = label === 1 ? positive : negative;
    for (let k = 0; k < vector.indices.length; k += 1) {
      const bucket = vector.indices[k]!;
      sums[bucket] = sums[bucket]! + vector.values[k]! * weight;
    }
  }
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let i = 0; i < size; i += 1) {
    positiveTotal += positive[i]!;
    negativeTotal += negative[i]!;
  }
  const ratio = new Float32Array(size);
  for (let i = 0; i < size; i += 1) ratio[i] = Math.log(positive[i]! / positiveTotal / (negative[i]! / negativeTotal));
  return ratio;
}

/** Multiplies each feature by its bucket's ratio (a new vector; the input is kept). */
export function scaleByRatio(vector: SparseVector, ratio: Float32Array): SparseVector {
  const values = new Float32Array(vector.values.length);
  for (let k = 0; k < values.length; k += 1) values[k] = vector.values[k]! * ratio[vector.indices[k]!]!;
  return { indices: vector.indices, values };
}

/**
 * Folds the ratio into trained weights: w·(r⊙x) = (w⊙r)·x, so the shipped
 * model needs neither the ratio nor a different scoring path.
 */
export function foldRatioIntoWeights(weights: Float32Array, ratio: Float32Array): Float32Array {
  return weights.map((w, i) => w * ratio[i]!);
}
