import type { SparseVector } from '@moderato/core/src/scoring/features';
import { sigmoid } from '@moderato/core/src/scoring/linear-model';

/** Hyper-parameters of {@link trainLogisticRegression}. */
export interface SgdOptions {
  hashBits: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty per example update, applied to the weights an example touches. */
  l2: number;
  seed: number;
  /** Weight of positive examples relative to negatives (1 = none). */
  positiveWeight?: number;
}

/** One training example. */
export interface Example {
  vector: SparseVector;
  label: 0 | 1;
  /** A soft target in [0,1] to fit instead of the label (e.g. the share of raters who said toxic). */
  target?: number;
  /** Importance of this example (default 1), e.g. to up-weight the in-domain source. */
  weight?: number;
}

/** Raw weights and bias, before calibration. */
export interface TrainedWeights {
  weights: Float32Array;
  bias: number;
}

/** mulberry32: tiny, seeded, and identical on every platform, unlike Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0 … size-1 in a seeded Fisher-Yates order. */
export function shuffledOrder(size: number, random: () => number): number[] {
  const order = Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * L2-regularised logistic regression by SGD with Adagrad step sizes.
 * Deterministic: a seeded shuffle per epoch and a fixed order of float
 * operations give the same weights on every run. The penalty is applied
 * lazily to the weights an example touches, which keeps an update O(nnz)
 * instead of O(2^hashBits); the bias is not penalised.
 */
export function trainLogisticRegression(examples: readonly Example[], options: SgdOptions): TrainedWeights {
  const size = 1 << options.hashBits;
  const weights = new Float64Array(size);
  const gradSquares = new Float64Array(size);
  let bias = 0;
  let biasGradSquares = 0;
  const random = seededRandom(options.seed);
  const eta = options.learningRate;
  const positiveWeight = options.positiveWeight ?? 1;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const index of shuffledOrder(examples.length, random)) {
      const { vector, label, target = label, weight = 1 } = examples[index]!;
      const { indices, values } = vector;
      let z = bias;
      for (let k = 0; k < indices.length; k += 1) z += weights[indices[k]!]! * values[k]!;
      const error = (sigmoid(z) - target) * weight * (label === 1 ? positiveWeight : 1);
      for (let k = 0; k < indices.length; k += 1) {
        const i = indices[k]!;
        const g = error * values[k]! + options.l2 * weights[i]!;
        const squares = gradSquares[i]! + g * g;
        gradSquares[i] = squares;
        weights[i] = weights[i]! - (eta * g) / (Math.sqrt(squares) + 1e-8);
      }
      biasGradSquares += error * error;
      bias -= (eta * error) / (Math.sqrt(biasGradSquares) + 1e-8);
    }
  }
  return { weights: Float32Array.from(weights), bias };
}
