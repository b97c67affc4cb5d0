import type { SiteAdjustment } from '@moderato/core';
import type { SparseVector } from '@moderato/core/src/scoring/features';
import { sigmoid } from '@moderato/core/src/scoring/linear-model';
import { seededRandom, shuffledOrder } from '../sgd-trainer';
import type { TakeTurns } from './event-loop-turn';

/** One labelled comment as a site adjustment reads it. */
export interface AdjustmentExample {
  /** The comment's features, as the base model reads them. */
  vector: SparseVector;
  /** The base model's calibrated logit for it. */
  offset: number;
  label: 0 | 1;
}

/** Hyper-parameters of {@link trainSiteAdjustment}. */
export interface AdjustmentOptions {
  epochs: number;
  /** Adagrad's base step. */
  learningRate: number;
  /**
   * Precision (1 / variance) of the Gaussian prior around the base model:
   * scale around 1, bias and every weight around 0. The labels must outweigh
   * it to move a parameter, so a handful of labels leaves the base model.
   */
  prior: { scale: number; bias: number; weights: number };
  seed: number;
  /** Weights smaller than this are not stored: below it a feature moves no score by a visible amount. */
  pruneBelow: number;
}

export const SITE_ADJUSTMENT_OPTIONS: AdjustmentOptions = {
  epochs: 10,
  learningRate: 0.3,
  // Standard deviations 0.1 for scale and bias, about 1.8 for each weight:
  // the site's own words may move a lot, the base model's overall reading of
  // a comment only on broad evidence (a narrow sample of held comments should
  // not rescale every score on the site). Chosen on the Trinity Bay test site
  // and 10,000 real labels (site-training bench): weight precision 1 left
  // consistently marked trade spam at 0.93–0.96, around the reject line, and
  // 0.3 gave both more agreement (0.892 → 0.983; 0.876 → 0.883 on real data)
  // with fewer clean comments held (5.9 % → 5.5 %).
  prior: { scale: 100, bias: 100, weights: 0.3 },
  seed: 20261201,
  pruneBelow: 0.002,
};

// Stored weights are rounded: four decimals move a logit by well under 0.01
// over a comment's features, and keep the stored JSON short.
const roundTo = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Learns logit = scale · offset + bias + Σ w_i x_i by logistic regression:
 * SGD with Adagrad steps over a seeded shuffle, so the same examples in the
 * same order give the same adjustment. The prior (the MAP's L2 penalty) is
 * spread over the examples that touch each parameter, so one epoch applies
 * it once in full whatever the feature's frequency, and only the features
 * the labelled comments hold are ever touched.
 */
export async function trainSiteAdjustment(
  examples: readonly AdjustmentExample[],
  hashBits: number,
  options: AdjustmentOptions,
  turn: TakeTurns,
): Promise<SiteAdjustment> {
  const size = 1 << hashBits;
  const touchedBy = new Int32Array(size);
  for (const { vector } of examples) for (const index of vector.indices) touchedBy[index] = touchedBy[index]! + 1;
  const weights = new Float64Array(size);
  const squares = new Float64Array(size);
  let scale = 1;
  let bias = 0;
  let scaleSquares = 0;
  let biasSquares = 0;
  const { learningRate: eta, prior } = options;
  const perExample = 1 / Math.max(examples.length, 1);
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const at of shuffledOrder(examples.length, random)) {
      await turn();
      const { vector, offset, label } = examples[at]!;
      const { indices, values } = vector;
      let z = scale * offset + bias;
      for (let k = 0; k < indices.length; k += 1) z += weights[indices[k]!]! * values[k]!;
      const error = sigmoid(z) - label;
      for (let k = 0; k < indices.length; k += 1) {
        const i = indices[k]!;
        const g = error * values[k]! + (prior.weights * weights[i]!) / touchedBy[i]!;
        const sum = squares[i]! + g * g;
        squares[i] = sum;
        weights[i] = weights[i]! - (eta * g) / (Math.sqrt(sum) + 1e-8);
      }
      const gScale = error * offset + prior.scale * (scale - 1) * perExample;
      scaleSquares += gScale * gScale;
      scale -= (eta * gScale) / (Math.sqrt(scaleSquares) + 1e-8);
      const gBias = error + prior.bias * bias * perExample;
      biasSquares += gBias * gBias;
      bias -= (eta * gBias) / (Math.sqrt(biasSquares) + 1e-8);
    }
  }
  const kept: number[] = [];
  const keptWeights: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const w = roundTo(weights[i]!, 4);
    if (Math.abs(w) < options.pruneBelow) continue;
    kept.push(i);
    keptWeights.push(w);
  }
  return { scale: roundTo(scale, 6), bias: roundTo(bias, 6), indices: kept, weights: keptWeights };
}
