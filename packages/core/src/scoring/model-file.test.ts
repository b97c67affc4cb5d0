import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL_PATH, loadModelBundle, parseModelSet, serialiseModelSet } from './model-file';
import { classifyText } from './text-classifier';

// These run against the committed model, so they double as a smoke test of
// what ships: if a retrain breaks the obvious cases, this fails.
describe('shipped model bundle', () => {
  const sut = loadModelBundle();
  const en = sut.languages.en!;
  const ru = sut.languages.ru!;

  it('has a version tied to the file contents, and models for English and Russian', () => {
    expect(sut.version).toMatch(/^linear-hash-v2\+[0-9a-f]{12}$/);
    expect(Object.keys(sut.languages).sort()).toEqual(['en', 'ru']);
  });

  it('scores a friendly on-topic comment low on both', () => {
    const text = 'Great article, thanks for explaining the trade-offs so clearly.';
    expect(classifyText(en, 'spam', text).probability).toBeLessThan(0.2);
    expect(classifyText(en, 'toxicity', text).probability).toBeLessThan(0.2);
  });

  it('scores channel promotion with a link as spam, naming what spam does', () => {
    const result = classifyText(en, 'spam', 'CHECK OUT MY CHANNEL!!! subscribe http://bit.ly/xyz free money');
    expect(result.probability).toBeGreaterThan(0.9);
    expect(result.explain().map((e) => e.feature)).toEqual(expect.arrayContaining([expect.stringMatching(/subscribe|\[link\]|\[short link\]|channel/)]));
  });

  it('scores an abusive insult as toxic and explains why, without stop words', () => {
    const result = classifyText(en, 'toxicity', 'you are a worthless idiot, shut up you stupid moron');
    expect(result.probability).toBeGreaterThan(0.5);
    const evidence = result.explain();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < evidence.length; i += 1) expect(evidence[i]!.weight).toBeLessThanOrEqual(evidence[i - 1]!.weight);
    // Each on its own: arrayContaining of all four could never fail with three items.
    for (const word of ['you', 'are', 'a', 'you are']) expect(evidence.map((e) => e.feature)).not.toContain(word);
  });

  it('scores a Russian insult as toxic and Russian job spam as spam', () => {
    expect(classifyText(ru, 'toxicity', 'ты тупой дебил, заткнись уже').probability).toBeGreaterThan(0.5);
    expect(classifyText(ru, 'spam', 'Нужен человек для удаленного заработка, доход от 800$ в неделю, пиши + в ЛС').probability).toBeGreaterThan(0.5);
  });

  it('handles empty and odd input', () => {
    for (const text of ['', '   ', '😂😂😂', '&amp;&lt;', 'а'.repeat(5_000)]) {
      const { probability, explain } = classifyText(en, 'spam', text);
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
      expect(Array.isArray(explain())).toBe(true);
    }
  });

  it('round-trips the model file byte for byte', () => {
    const json = readFileSync(DEFAULT_MODEL_PATH, 'utf8');
    expect(serialiseModelSet(parseModelSet(json))).toBe(json);
  });

  it('refuses a file written for another feature scheme', () => {
    const json = readFileSync(DEFAULT_MODEL_PATH, 'utf8').replace(/"featureScheme": "[^"]*"/, '"featureScheme": "other"');
    expect(() => parseModelSet(json)).toThrow(/features/);
  });
});
