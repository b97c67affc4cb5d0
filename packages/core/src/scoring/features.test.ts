import { extractFeatures, extractTracedFeatures, fnv1a, ownerLabel } from './features';
import { analyseText } from './text';

const BITS = 18;

describe('fnv1a', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('extractFeatures', () => {
  const tokens = analyseText('Check out my channel, check it out!').tokens;

  it('is deterministic and independent of earlier calls', () => {
    const first = extractFeatures(tokens, BITS);
    extractFeatures(analyseText('something else entirely').tokens, BITS);
    const second = extractFeatures(tokens, BITS);
    expect(Array.from(second.indices)).toEqual(Array.from(first.indices));
    expect(Array.from(second.values)).toEqual(Array.from(first.values));
  });

  it('returns unique in-range indices and a unit-length vector', () => {
    const { indices, values } = extractFeatures(tokens, BITS);
    expect(new Set(indices).size).toBe(indices.length);
    for (const i of indices) expect(i).toBeLessThan(1 << BITS);
    const norm = Math.sqrt(Array.from(values).reduce((sum, v) => sum + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('returns an empty vector for text without tokens', () => {
    expect(extractFeatures([], BITS).indices.length).toBe(0);
  });

  it('traces every occurrence back to a word or bigram', () => {
    const { vector, trace } = extractTracedFeatures(tokens, BITS);
    expect(Array.from(extractFeatures(tokens, BITS).indices)).toEqual(Array.from(vector.indices));
    const labels = new Set<string>();
    for (let k = 0; k < trace.length; k += 1) {
      expect(trace.slots[k]).toBeLessThan(vector.indices.length);
      labels.add(ownerLabel(tokens, trace.owners[k]!));
    }
    expect(labels).toContain('channel');
    expect(labels).toContain('check out');
  });
});
