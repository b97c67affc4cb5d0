import { predictProbability, sigmoid, type LinearModel } from './linear-model';
import { adjustLinearModel, parseSiteModelWeights, siteModelBundle, siteModelVersion } from './site-model';
import { loadModelBundle } from './model-file';
import { classifyText } from './text-classifier';
import type { SparseVector } from './features';
import { ANALYSERS } from './analysers/registry';

const base: LinearModel = {
  hashBits: 4,
  weights: Float32Array.from([0.5, -1, 2, 0, 0.25, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, -0.5]),
  bias: -0.3,
  calibration: { slope: 0.8, intercept: 0.1 },
};
const vector: SparseVector = { indices: Int32Array.from([0, 2, 8, 15]), values: Float32Array.from([1, 0.5, 0.25, 1]) } as SparseVector;

const logit = (p: number) => Math.log(p / (1 - p));

describe('adjustLinearModel', () => {
  it('scores exactly as scale · base logit + bias + the site weights', () => {
    const adjustment = { scale: 1.5, bias: -0.2, indices: [2, 15], weights: [0.7, -0.4] };
    const sut = adjustLinearModel(base, adjustment);
    const expected = sigmoid(1.5 * logit(predictProbability(base, vector)) - 0.2 + 0.7 * 0.5 - 0.4 * 1);
    expect(predictProbability(sut, vector)).toBeCloseTo(expected, 5);
  });

  it('is the base model when the adjustment is the prior', () => {
    const sut = adjustLinearModel(base, { scale: 1, bias: 0, indices: [], weights: [] });
    expect(predictProbability(sut, vector)).toBeCloseTo(predictProbability(base, vector), 6);
  });

  it('refuses a feature outside the model', () => {
    expect(() => adjustLinearModel(base, { scale: 1, bias: 0, indices: [16], weights: [1] })).toThrow(/outside/);
  });
});

describe('parseSiteModelWeights', () => {
  it('refuses weights whose lengths differ', () => {
    expect(() => parseSiteModelWeights({ en: { featureScheme: 'x', spam: { scale: 1, bias: 0, indices: [1, 2], weights: [1] } } })).toThrow();
  });
});

describe('siteModelBundle', () => {
  const shipped = loadModelBundle();
  const scheme = (language: string) => ANALYSERS[language]!.featureScheme;

  it('moves the adjusted language and kind only, and names the version after both models', () => {
    const sut = siteModelBundle(shipped, { en: { featureScheme: scheme('en'), toxicity: { scale: 1, bias: 3, indices: [], weights: [] } } }, 4);
    expect(sut.version).toBe(siteModelVersion(shipped.version, 4));
    const text = 'the council meets on tuesday about the bus routes';
    expect(classifyText(sut.languages.en!, 'toxicity', text).probability).toBeGreaterThan(classifyText(shipped.languages.en!, 'toxicity', text).probability);
    expect(classifyText(sut.languages.en!, 'spam', text).probability).toBeCloseTo(classifyText(shipped.languages.en!, 'spam', text).probability, 6);
    expect(sut.languages.ru).toBe(shipped.languages.ru);
  });

  it('keeps the shipped model for a language read another way since training', () => {
    const sut = siteModelBundle(shipped, { en: { featureScheme: 'en/old-recipe', toxicity: { scale: 1, bias: 3, indices: [], weights: [] } } }, 5);
    expect(sut.languages.en).toBe(shipped.languages.en);
  });
});
