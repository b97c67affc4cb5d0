import { extractFeatures } from './features';
import { analyseRussian } from './normalise/russian';
import { extractRussian, russianFeatures as sut } from './russian-features';

const HASH_BITS = 18;

describe('russianFeatures', () => {
  it('gives a disguised obscenity the same n-grams as the plain word, plus the mixed-script signal', () => {
    const plain = sut('ты сука', HASH_BITS);
    const disguised = sut('Ты cyyyкa', HASH_BITS);
    expect(Array.from(disguised.indices)).toEqual(expect.arrayContaining(Array.from(plain.indices)));
    expect(disguised.indices.length).toBe(plain.indices.length + 1);
  });

  it('adds the two lexicon features only when the obscenity list matches', () => {
    const without = (text: string): number => extractFeatures(analyseRussian(text).tokens, HASH_BITS).indices.length;
    expect(sut('ты сука', HASH_BITS).indices.length).toBe(without('ты сука') + 2);
    expect(sut('ты собака', HASH_BITS).indices.length).toBe(without('ты собака'));
  });

  it('returns the same vector as the traced extraction, with tokens to explain it', () => {
    const text = 'Власти арестовали журналистов, пиздец';
    const extracted = extractRussian(text, HASH_BITS);
    const vector = sut(text, HASH_BITS);
    expect(Array.from(extracted.vector.indices)).toEqual(Array.from(vector.indices));
    expect(extracted.tokens.map((t) => t.text)).toEqual(['власти', 'арестовали', 'журналистов', 'пиздец']);
    expect(extracted.trace.length).toBeGreaterThan(0);
  });
});
