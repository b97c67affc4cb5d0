import { DEFAULT_SITE_SETTINGS } from '../site-settings';
import { loadModelBundle } from './model-file';
import { createScorer } from './pipeline';

// The shipped model: the e2e fixtures must stay decided as before, and the
// reasons must point at words a moderator can see in the comment.
const sut = createScorer(loadModelBundle());
const score = (body: string) => sut.score({ body, name: 'Ann', settings: DEFAULT_SITE_SETTINGS });

describe('explanations from the shipped model', () => {
  it('names the words that pushed toxicity, with spans in the body as stored', () => {
    const body = 'you are a worthless idiot, shut up you stupid moron';
    const result = score(body);
    expect(result.decision).not.toBe('approve');
    const reason = result.reasons.find((r) => r.code === 'toxicity-model');
    expect(reason?.message).toMatch(/toxicity model [01]\.\d\d \(hold ≥ 0.09, reject ≥ 0.95\): "/);
    expect(reason?.matches?.length).toBeGreaterThan(0);
    expect(reason?.spans?.length).toBeGreaterThan(0);
    for (const span of reason?.spans ?? []) expect(body.slice(span.start, span.end)).toBe(span.text);
    expect(reason?.spans?.map((s) => s.text.toLowerCase())).toEqual(expect.arrayContaining([expect.stringMatching(/idiot|moron|stupid|worthless/)]));
  });

  it('approves a clean comment and holds or rejects blatant spam', () => {
    expect(score('Great article, thanks for explaining the trade-offs so clearly. I learned a lot.').decision).toBe('approve');
    expect(score('CHECK OUT MY CHANNEL!!! subscribe now http://bit.ly/xyz free money, click here to win an iPhone').decision).not.toBe('approve');
  });
});
