import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../site-settings';
import { evaluateStoredRules } from './rule-evaluator';
import { previewSettings, rulesDiffer, type PreviewComment, type RuleEvaluator } from './settings-preview';

const noRules: RuleEvaluator = () => ({ holdRules: [], rejectRules: [] });
const comment = (id: string, spam: number, label: PreviewComment['label'] = null): PreviewComment => ({ id, spam, toxicity: 0, body: '', storedReasons: [], authorApprovedBefore: null, label });
const withSpamBands = (approveBelow: number, rejectAbove: number): SiteSettings => ({ ...DEFAULT_SITE_SETTINGS, spam: { approveBelow, rejectAbove } });

describe('previewSettings', () => {
  const sample = [
    comment('clean', 0.05, { spam: false, toxic: false }),
    comment('grey', 0.5),
    comment('bad', 0.9, { spam: true, toxic: null }),
    comment('worst', 0.99, { spam: true, toxic: null }),
    comment('restored', 0.97, { spam: false, toxic: false }),
  ];

  it('counts decisions before and after and lists what changes', () => {
    const preview = previewSettings(sample, DEFAULT_SITE_SETTINGS, withSpamBands(0.3, 0.6), noRules);
    expect(preview.total).toBe(5);
    expect(preview.current).toEqual({ approve: 1, hold: 2, reject: 2 });
    expect(preview.proposed).toEqual({ approve: 1, hold: 1, reject: 3 });
    expect(preview.changed).toEqual([{ id: 'bad', from: 'hold', to: 'reject', spam: 0.9, toxicity: 0, reasons: ['spam 0.90 ≥ new reject threshold 0.6 (was 0.95)'] }]);
    expect(preview.changedTotal).toBe(1);
    expect(preview.changedKinds).toEqual([{ from: 'hold', to: 'reject', count: 1 }]);
  });

  it('counts every kind of change but lists at most perKindLimit of each, so a rare kind still shows', () => {
    const many = [...Array.from({ length: 5 }, (_, i) => comment(`grey-${i}`, 0.5)), comment('clean', 0.05)];
    const preview = previewSettings(many, DEFAULT_SITE_SETTINGS, withSpamBands(0.01, 0.4), noRules, 2);
    expect(preview.changedKinds).toEqual([
      { from: 'hold', to: 'reject', count: 5 },
      { from: 'approve', to: 'hold', count: 1 },
    ]);
    expect(preview.changedTotal).toBe(6);
    expect(preview.changed.map((c) => c.id)).toEqual(['grey-0', 'grey-1', 'clean']);
  });

  it("compares both with the moderators' labels", () => {
    const preview = previewSettings(sample, DEFAULT_SITE_SETTINGS, withSpamBands(0.01, 0.02), noRules);
    expect(preview.agreement.labelled).toBe(4);
    expect(preview.agreement.current).toEqual({
      moderatorsRejected: 2,
      rejectedOfModeratorsRejected: 1,
      rejectedLabelled: 2,
      approvedButModeratorsRejected: 0,
      rejectedButModeratorsApproved: 1,
      rejectPrecision: 0.5,
      rejectRecall: 0.5,
    });
    expect(preview.agreement.proposed).toMatchObject({ rejectedOfModeratorsRejected: 2, rejectedLabelled: 4, rejectedButModeratorsApproved: 2, rejectPrecision: 0.5, rejectRecall: 1 });
  });

  it('re-uses the recorded rule hits for a threshold-only change, re-evaluates both sides when a rule setting changes', () => {
    let calls = 0;
    const counting: RuleEvaluator = () => ((calls += 1), { holdRules: [], rejectRules: [] });
    const recorded = [{ ...comment('linked', 0.05), storedReasons: [{ code: 'links', message: '3 links' }] }];
    expect(previewSettings(recorded, DEFAULT_SITE_SETTINGS, withSpamBands(0.2, 0.9), counting).proposed).toEqual({ approve: 0, hold: 1, reject: 0 });
    expect(calls).toBe(0);
    previewSettings(sample, DEFAULT_SITE_SETTINGS, { ...DEFAULT_SITE_SETTINGS, maxLinks: 0 }, counting);
    expect(calls).toBe(10);
  });

  it('applies rule hits and premoderation like the worker', () => {
    const holdAll: RuleEvaluator = () => ({ holdRules: [{ code: 'links', message: 'many links' }], rejectRules: [] });
    expect(previewSettings(sample, DEFAULT_SITE_SETTINGS, { ...DEFAULT_SITE_SETTINGS, maxLinks: 1 }, holdAll).current).toEqual({ approve: 0, hold: 3, reject: 2 });
    expect(previewSettings(sample, DEFAULT_SITE_SETTINGS, { ...DEFAULT_SITE_SETTINGS, premoderate: true }, noRules).proposed).toEqual({ approve: 0, hold: 5, reject: 0 });
  });

  it('draws 20-bin histograms of the scores', () => {
    const { histograms } = previewSettings(sample, DEFAULT_SITE_SETTINGS, DEFAULT_SITE_SETTINGS, noRules);
    expect(histograms.spam).toHaveLength(20);
    expect(histograms.spam[1]).toBe(1);
    expect(histograms.spam[19]).toBe(2);
    expect(histograms.toxicity[0]).toBe(5);
  });
});

describe('previewSettings for trusted commenters', () => {
  const trustReason = { code: 'trusted-commenter', message: 'trusted commenter: 4 approved, none rejected; the hold band does not apply', value: 4 };
  const regular = { ...comment('regular', 0.25), storedReasons: [trustReason], authorApprovedBefore: 4 };
  const newcomer = { ...comment('newcomer', 0.25), authorApprovedBefore: 4 };

  it('keeps passing a comment recorded as trusted when only the bands tighten', () => {
    const preview = previewSettings([regular, newcomer], DEFAULT_SITE_SETTINGS, withSpamBands(0.2, 0.95), noRules);
    expect(preview.changed).toEqual([expect.objectContaining({ id: 'newcomer', from: 'approve', to: 'hold' })]);
  });

  it('re-judges recorded trust against a new bar, and grants none that was not recorded', () => {
    const tighter = { ...withSpamBands(0.2, 0.95), trustAfterApproved: 5 };
    expect(evaluateStoredRules(regular, tighter).trusted).toBe(false);
    expect(evaluateStoredRules(regular, { ...tighter, trustAfterApproved: 4 }).trusted).toBe(true);
    // The rejected count was not recorded: an author never recorded as trusted may have had a rejection.
    expect(evaluateStoredRules(newcomer, { ...tighter, trustAfterApproved: 2 }).trusted).toBe(false);
    const preview = previewSettings([regular], withSpamBands(0.2, 0.95), tighter, evaluateStoredRules);
    expect(preview.changed).toEqual([
      expect.objectContaining({ id: 'regular', from: 'approve', to: 'hold', reasons: ['no longer a trusted commenter (trusted after 5 approved)'] }),
    ]);
  });

  it('counts a change of the QA sample rate as no rule change: it decides nothing', () => {
    expect(rulesDiffer(DEFAULT_SITE_SETTINGS, { ...DEFAULT_SITE_SETTINGS, qaSampleRate: 0.5 })).toBe(false);
    expect(rulesDiffer(DEFAULT_SITE_SETTINGS, { ...DEFAULT_SITE_SETTINGS, trustAfterApproved: 5 })).toBe(true);
  });
});
