import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL_PATH, loadModelBundle, parseModelPair, serialiseModelPair } from './model-file';

// These run against the committed model, so they double as a smoke test of
// what ships: if a retrain breaks the obvious cases, this fails.
describe('shipped model bundle', () => {
  const sut = loadModelBundle();

  it('has a version tied to the file contents', () => {
    expect(sut.version).toMatch(/^linear-hash-v1\+[0-9a-f]{12}$/);
  });

  it('scores a friendly on-topic comment low on both', () => {
    const text = 'Great article, thanks for explaining the trade-offs so clearly.';
    expect(sut.spam.classify(text).probability).toBeLessThan(0.2);
    expect(sut.toxicity.classify(text).probability).toBeLessThan(0.2);
  });

  it('scores channel promotion with a link as spam', () => {
    const result = sut.spam.classify('CHECK OUT MY CHANNEL!!! subscribe http://bit.ly/xyz free money');
    expect(result.probability).toBeGreaterThan(0.9);
    expect(result.explain().map((e) => e.feature)).toContain('subscribe');
  });

  it('scores an abusive insult as toxic and explains why', () => {
    const result = sut.toxicity.classify('you are a worthless idiot, shut up you stupid moron');
    expect(result.probability).toBeGreaterThan(0.8);
    const evidence = result.explain();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < evidence.length; i += 1) expect(evidence[i]!.weight).toBeLessThanOrEqual(evidence[i - 1]!.weight);
    expect(evidence.map((e) => e.feature)).toEqual(expect.arrayContaining(['stupid', 'idiot']));
  });

  it('handles empty and odd input', () => {
    for (const text of ['', '   ', '😂😂😂', '&amp;&lt;']) {
      const { probability, explain } = sut.spam.classify(text);
      const evidence = explain();
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
      expect(Array.isArray(evidence)).toBe(true);
    }
  });

  it('round-trips the model file byte for byte', () => {
    const json = readFileSync(DEFAULT_MODEL_PATH, 'utf8');
    expect(serialiseModelPair(parseModelPair(json))).toBe(json);
  });

  it('refuses a file written for another feature scheme', () => {
    const json = readFileSync(DEFAULT_MODEL_PATH, 'utf8').replace(/"featureScheme": "[^"]*"/, '"featureScheme": "other"');
    expect(() => parseModelPair(json)).toThrow(/features/);
  });
});
