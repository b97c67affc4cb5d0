import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../site-settings';
import { flipReasons, type FlipInput } from './flip-reason';
import type { RuleHits } from './settings-preview';

const NO_HITS: RuleHits = { holdRules: [], rejectRules: [] };
const bands = (spam: [number, number], toxicity: [number, number] = [0.09, 0.95]): SiteSettings => ({
  ...DEFAULT_SITE_SETTINGS,
  spam: { approveBelow: spam[0], rejectAbove: spam[1] },
  toxicity: { approveBelow: toxicity[0], rejectAbove: toxicity[1] },
});
const flip = (overrides: Partial<FlipInput>): FlipInput => ({
  spam: 0.5,
  toxicity: 0.01,
  from: 'hold',
  to: 'reject',
  current: { settings: DEFAULT_SITE_SETTINGS, hits: NO_HITS },
  proposed: { settings: DEFAULT_SITE_SETTINGS, hits: NO_HITS },
  ...overrides,
});

describe('flipReasons', () => {
  it('names the threshold a score now crosses, with the old value', () => {
    const sut = flipReasons(flip({ proposed: { settings: bands([0.3, 0.5]), hits: NO_HITS } }));
    expect(sut).toEqual(['spam 0.50 ≥ new reject threshold 0.5 (was 0.95)']);
  });

  it('names the threshold a score no longer reaches when the change is milder', () => {
    const sut = flipReasons(flip({ toxicity: 0.1, from: 'hold', to: 'approve', spam: 0.1, proposed: { settings: bands([0.3, 0.95], [0.2, 0.95]), hits: NO_HITS } }));
    expect(sut).toEqual(['toxicity 0.10 < new hold threshold 0.2 (was 0.09)']);
  });

  it('names a rule that now hits, and one that no longer does', () => {
    const blocked: RuleHits = { holdRules: [], rejectRules: [{ code: 'block-word', message: 'block word "casino"' }] };
    expect(flipReasons(flip({ proposed: { settings: DEFAULT_SITE_SETTINGS, hits: blocked } }))).toEqual(['block word "casino"']);
    expect(flipReasons(flip({ from: 'reject', to: 'hold', current: { settings: DEFAULT_SITE_SETTINGS, hits: blocked } }))).toEqual(['no longer: block word "casino"']);
  });

  it('names premoderation and trust', () => {
    const premoderated = { settings: { ...DEFAULT_SITE_SETTINGS, premoderate: true }, hits: NO_HITS };
    expect(flipReasons(flip({ from: 'approve', to: 'hold', proposed: premoderated }))).toEqual(['premoderation turned on: every comment is held']);
    expect(flipReasons(flip({ from: 'hold', to: 'approve', spam: 0.1, current: premoderated }))).toEqual(['premoderation turned off']);
    const trusted = { settings: DEFAULT_SITE_SETTINGS, hits: { ...NO_HITS, trusted: true } };
    expect(flipReasons(flip({ from: 'hold', to: 'approve', proposed: trusted }))).toEqual(['trusted commenter: the hold band does not apply']);
  });

  it('leaves out what pushes against the change', () => {
    // Spam now holds (stricter) while toxicity no longer holds (milder); the comment went approve → hold.
    const sut = flipReasons(flip({ spam: 0.25, toxicity: 0.1, from: 'approve', to: 'hold', proposed: { settings: bands([0.2, 0.95], [0.2, 0.95]), hits: NO_HITS } }));
    expect(sut).toEqual(['spam 0.25 ≥ new hold threshold 0.2 (was 0.3)']);
  });
});
