import { bodyFingerprint } from '../normalise/text-fingerprint';
import { DEFAULT_SITE_SETTINGS } from '../../site-settings';
import { createScorer } from '../pipeline';
import type { ModelBundle } from '../text-classifier';

// No models: the rules alone decide (and English comments get no unscored-language hold by default).
const quiet: ModelBundle = { version: 'test-v1', languages: {} };
const sut = createScorer(quiet);
const settings = { ...DEFAULT_SITE_SETTINGS, blockWords: ['casino'], holdWords: ['idiot'] };
const score = (body: string, extra: object = {}) => sut.score({ body, name: 'Ann', settings, ...extra });

describe('rule phases', () => {
  it('rejects a block word and says which, where', () => {
    const result = score('Visit our c4s1n0 tonight');
    expect(result.decision).toBe('reject');
    expect(result.reasons[0]).toMatchObject({ code: 'block-word', matches: ['casino'], spans: [{ start: 10, end: 16, text: 'c4s1n0' }] });
  });

  it('holds a hold word spelt out with spaces', () => {
    const result = score('what an i d i o t');
    expect(result.decision).toBe('hold');
    expect(result.reasons[0]).toMatchObject({ code: 'hold-word', matches: ['idiot'], spans: [{ start: 8, end: 17, text: 'i d i o t' }] });
  });

  it('counts email addresses with links', () => {
    const result = score('mail me at a@b.example or c@d.example, see http://x.example');
    expect(result.reasons[0]).toMatchObject({ code: 'links', value: 3 });
    expect(result.decision).toBe('hold');
  });

  it('holds an author whose comments were mostly rejected, not one with a single rejection', () => {
    expect(score('hello there', { authorHistory: { approved: 1, rejected: 3 } }).decision).toBe('hold');
    expect(score('hello there', { authorHistory: { approved: 0, rejected: 1 } }).decision).toBe('approve');
  });

  it('holds the third copy of the same text, whatever its case and punctuation', () => {
    const text = 'Great deals on watches, see my profile';
    expect(score(text, { recentBodies: [text.toUpperCase()] }).decision).toBe('approve');
    const third = score(text, { recentBodies: [`${text}!!`, text.toUpperCase(), 'something else'] });
    expect(third.decision).toBe('hold');
    expect(third.reasons[0]).toMatchObject({ code: 'repeat-post', value: 2 });
  });

  it('counts stored fingerprints and bodies together, and never short texts', () => {
    const text = 'Great deals on watches, see my profile';
    const mixed = score(text, { recentFingerprints: [bodyFingerprint(`${text}!!`)], recentBodies: [text.toUpperCase()] });
    expect(mixed.reasons[0]).toMatchObject({ code: 'repeat-post', value: 2 });
    expect(bodyFingerprint('thanks!')).toBe('');
    expect(score('thanks!', { recentFingerprints: ['', ''] }).decision).toBe('approve');
  });

  it('names profanity with spans without deciding on it', () => {
    const result = score('well sh1t, that was fast');
    expect(result.decision).toBe('approve');
    expect(result.reasons[0]).toMatchObject({ code: 'profanity', matches: ['shit'], spans: [{ start: 5, end: 9, text: 'sh1t' }] });
  });

  it('still holds everything on a premoderated site, block words included', () => {
    const result = sut.score({ body: 'casino', name: 'Ann', settings: { ...settings, premoderate: true } });
    expect(result.decision).toBe('hold');
  });
});
