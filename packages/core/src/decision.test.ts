import { decide } from './decision';
import { DEFAULT_SITE_SETTINGS, parseSiteSettings } from './site-settings';

const settings = DEFAULT_SITE_SETTINGS;

describe('decide', () => {
  it('approves when both scores are below approveBelow and no rule fired', () => {
    expect(decide({ spam: 0.1, toxicity: 0.08, holdRules: [] }, settings).decision).toBe('approve');
  });

  it('holds between the bands and names the threshold crossed', () => {
    const outcome = decide({ spam: 0.3, toxicity: 0.1, holdRules: [] }, settings);
    expect(outcome.decision).toBe('hold');
    expect(outcome.reasons[0]?.message).toMatch(/spam 0.30 ≥ hold threshold 0.3/);
  });

  it('rejects at or above rejectAbove, whichever score crosses it', () => {
    expect(decide({ spam: 0.1, toxicity: 0.95, holdRules: [] }, settings).decision).toBe('reject');
    expect(decide({ spam: 0.99, toxicity: 0.5, holdRules: [] }, settings).decision).toBe('reject');
  });

  it('holds a clean comment when a rule fired', () => {
    const outcome = decide({ spam: 0, toxicity: 0, holdRules: [{ code: 'links', message: '3 links' }] }, settings);
    expect(outcome.decision).toBe('hold');
  });

  it('rejects when a reject rule fired, whatever the scores', () => {
    const blocked = { code: 'block-word', message: 'block word "spamword"' };
    expect(decide({ spam: 0, toxicity: 0, holdRules: [], rejectRules: [blocked] }, settings).decision).toBe('reject');
    expect(decide({ spam: 0.5, toxicity: 0, holdRules: [blocked], rejectRules: [blocked] }, settings).decision).toBe('reject');
  });

  it('holds everything on a premoderated site, block words included', () => {
    const premoderated = { ...settings, premoderate: true };
    const blocked = { code: 'block-word', message: 'block word "spamword"' };
    expect(decide({ spam: 0, toxicity: 0, holdRules: [] }, premoderated).decision).toBe('hold');
    expect(decide({ spam: 1, toxicity: 1, holdRules: [] }, premoderated).decision).toBe('hold');
    expect(decide({ spam: 0, toxicity: 0, holdRules: [], rejectRules: [blocked] }, premoderated).decision).toBe('hold');
  });
});

describe('decide for a trusted commenter', () => {
  const hold = { code: 'hold-word', message: 'hold word "refund"' };
  const blocked = { code: 'block-word', message: 'block word "spamword"' };

  it('approves a score in the hold band, still recording the threshold it crossed', () => {
    const outcome = decide({ spam: 0.5, toxicity: 0.2, holdRules: [], trusted: true }, settings);
    expect(outcome.decision).toBe('approve');
    expect(outcome.reasons.map((r) => r.message)).toEqual(['spam 0.50 ≥ hold threshold 0.3', 'toxicity 0.20 ≥ hold threshold 0.09']);
  });

  it('still rejects in the reject band and on a block word', () => {
    expect(decide({ spam: 0.96, toxicity: 0, holdRules: [], trusted: true }, settings).decision).toBe('reject');
    expect(decide({ spam: 0, toxicity: 0, holdRules: [], rejectRules: [blocked], trusted: true }, settings).decision).toBe('reject');
  });

  it('still holds on a hold rule and on a premoderated site', () => {
    expect(decide({ spam: 0.5, toxicity: 0, holdRules: [hold], trusted: true }, settings).decision).toBe('hold');
    expect(decide({ spam: 0.5, toxicity: 0, holdRules: [], trusted: true }, { ...settings, premoderate: true }).decision).toBe('hold');
  });
});

describe('parseSiteSettings', () => {
  it('fills missing keys with defaults', () => {
    expect(parseSiteSettings({ premoderate: true })).toEqual({ ...DEFAULT_SITE_SETTINGS, premoderate: true });
  });

  it('accepts word lists and refuses over-long words or lists', () => {
    expect(parseSiteSettings({ blockWords: ['casino'], holdWords: [' idiot '] }).holdWords).toEqual(['idiot']);
    expect(() => parseSiteSettings({ blockWords: ['x'.repeat(101)] })).toThrow();
    expect(() => parseSiteSettings({ holdWords: Array.from({ length: 5001 }, (_, i) => `w${i}`) })).toThrow();
  });

  it('refuses crossed bands', () => {
    expect(() => parseSiteSettings({ spam: { approveBelow: 0.9, rejectAbove: 0.5 } })).toThrow(/approveBelow/);
  });
});
