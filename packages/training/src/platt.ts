import type { Calibration } from '@moderato/core/src/scoring/linear-model';
import { sigmoid } from '@moderato/core/src/scoring/linear-model';

const MAX_ITERATIONS = 100;

// Mean cross-entropy against smoothed targets, written with log1p(exp(.))
// so very confident scores neither overflow nor round to log(0).
function loss(scores: readonly number[], targets: readonly number[], slope: number, intercept: number): number {
  let sum = 0;
  scores.forEach((s, i) => {
    const z = slope * s + intercept;
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    sum += softplus - targets[i]! * z;
  });
  return sum / scores.length;
}

/**
 * Fits Platt scaling, p = sigmoid(slope·score + intercept), by Newton's method
 * on log-loss. Targets are Platt's smoothed labels ((N₊+1)/(N₊+2) and
 * 1/(N₋+2)) so a small, separable calibration set cannot push the slope to
 * infinity. Steps are halved until the loss falls (Newton alone diverges
 * when every score starts out saturated). The slope is kept ≥ 0, so
 * calibration never reverses the ranking.
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[]): Calibration {
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const targets = labels.map((y) => (y === 1 ? high : low));
  let slope = 1;
  let intercept = 0;
  let current = loss(scores, targets, slope, intercept);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    // Gradient and Hessian of the mean log-loss in (slope, intercept).
    let gA = 0, gB = 0, hAA = 0, hAB = 0, hBB = 0;
    scores.forEach((s, i) => {
      const p = sigmoid(slope * s + intercept);
      const t = targets[i]!;
      const w = Math.max(p * (1 - p), 1e-12);
      gA += (p - t) * s;
      gB += p - t;
      hAA += w * s * s;
      hAB += w * s;
      hBB += w;
    });
    // A tiny ridge keeps the 2x2 solve stable when scores are nearly constant.
    hAA += 1e-9;
    hBB += 1e-9;
    const det = hAA * hBB - hAB * hAB;
    const stepA = (hBB * gA - hAB * gB) / det;
    const stepB = (hAA * gB - hAB * gA) / det;
    let scale = 1;
    let next = loss(scores, targets, slope - stepA, intercept - stepB);
    while (next > current && scale > 1e-10) {
      scale /= 2;
      next = loss(scores, targets, slope - scale * stepA, intercept - scale * stepB);
    }
    if (next > current) break;
    slope -= scale * stepA;
    intercept -= scale * stepB;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-12) break;
  }
  return { slope: Math.max(slope, 0), intercept };
}

/** Applies a fitted calibration to a raw score. */
export function applyPlatt(calibration: Calibration, score: number): number {
  return sigmoid(calibration.slope * score + calibration.intercept);
}
