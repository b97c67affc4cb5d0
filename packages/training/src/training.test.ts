import { extractFeatures, wordBucket } from '@moderato/core/src/scoring/features';
import { rawScore } from '@moderato/core/src/scoring/linear-model';
import { analyseText } from '@moderato/core/src/scoring/text';
import { capPolitenessWeights } from './identity-terms';
import { brierScore, rocAuc, thresholdMetrics } from './metrics';
import { applyPlatt, fitPlatt } from './platt';
import { trainLogisticRegression, type Example } from './sgd-trainer';

const BITS = 12;
const vectorOf = (text: string) => extractFeatures(analyseText(text).tokens, BITS);

describe('trainLogisticRegression', () => {
  const positives = ['buy cheap pills now', 'cheap pills here', 'pills for sale cheap', 'buy pills'];
  const negatives = ['lovely song', 'great video thanks', 'this song is great', 'thanks for the video'];
  const examples: Example[] = [
    ...positives.map((text) => ({ vector: vectorOf(text), label: 1 as const })),
    ...negatives.map((text) => ({ vector: vectorOf(text), label: 0 as const })),
  ];
  const options = { hashBits: BITS, epochs: 30, learningRate: 0.5, l2: 1e-4, seed: 7 };

  it('separates a toy separable set', () => {
    const model = { hashBits: BITS, ...trainLogisticRegression(examples, options), calibration: { slope: 1, intercept: 0 } };
    for (const e of examples) expect(rawScore(model, e.vector) > 0).toBe(e.label === 1);
    expect(rawScore(model, vectorOf('cheap pills')) > rawScore(model, vectorOf('great song'))).toBe(true);
  });

  it('gives identical weights for the same seed', () => {
    const a = trainLogisticRegression(examples, options);
    const b = trainLogisticRegression(examples, options);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.bias).toBe(b.bias);
  });
});

describe('fitPlatt', () => {
  const scores = [-3, -2, -1.5, -1, -0.5, 0, 0.2, 0.5, 1, 1.5, 2, 3];
  const labels = [0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1];

  it('is monotone increasing in the raw score', () => {
    const calibration = fitPlatt(scores, labels);
    expect(calibration.slope).toBeGreaterThan(0);
    const probabilities = [-5, -1, 0, 1, 5].map((s) => applyPlatt(calibration, s));
    for (let i = 1; i < probabilities.length; i += 1) expect(probabilities[i]!).toBeGreaterThan(probabilities[i - 1]!);
  });

  it('improves the Brier score over the raw sigmoid on a shifted scorer', () => {
    const shifted = scores.map((s) => s + 4);
    const calibration = fitPlatt(shifted, labels);
    const raw = brierScore(shifted.map((s) => applyPlatt({ slope: 1, intercept: 0 }, s)), labels);
    expect(brierScore(shifted.map((s) => applyPlatt(calibration, s)), labels)).toBeLessThan(raw);
  });
});

describe('metrics', () => {
  it('computes ROC-AUC with ties as half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBeCloseTo(0.5);
  });

  it('computes positive-class precision, recall and F1 at a threshold', () => {
    const m = thresholdMetrics([0.9, 0.8, 0.3, 0.6], [1, 0, 1, 0], 0.5);
    expect([m.truePositives, m.falsePositives, m.falseNegatives]).toEqual([1, 2, 1]);
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(0.5);
    expect(m.f1).toBeCloseTo(0.4);
  });
});

describe('capPolitenessWeights', () => {
  it('caps thanks and long numbers at 0 but leaves "share" (what spam asks for) as learned', () => {
    const weights = new Float32Array(1 << BITS);
    const thanks = wordBucket('thank', BITS);
    const share = wordBucket('share', BITS);
    const number = wordBucket('0000000', BITS);
    weights[thanks] = 2;
    weights[share] = 3;
    weights[number] = 1;
    capPolitenessWeights(weights, BITS);
    expect([weights[thanks], weights[number]]).toEqual([0, 0]);
    expect(weights[share]).toBe(3);
  });
});
