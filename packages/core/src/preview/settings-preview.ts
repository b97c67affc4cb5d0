import type { Decision, Reason } from '../comment';
import { decide } from '../decision';
import type { ModerationLabel } from '../moderation';
import type { SiteSettings } from '../site-settings';
import { TRUSTED_COMMENTER } from '../scoring/phases/trusted-commenter';
import { flipReasons } from './flip-reason';

/** A stored comment as the preview re-decides it: its scores are kept, only the policy changes. */
export interface PreviewComment {
  id: string;
  spam: number;
  toxicity: number;
  body: string;
  /** The reasons recorded with its decision; rules that no setting changes are read from them. */
  storedReasons: Reason[];
  /** The author's approved comments before this one, as recorded (null for rows from before it was). */
  authorApprovedBefore: number | null;
  /** The moderator's label, when a moderator decided it. */
  label: ModerationLabel | null;
}

/** The rules a comment trips under some settings. */
export interface RuleHits {
  holdRules: Reason[];
  rejectRules: Reason[];
  /** Whether the author counts as a trusted commenter (the hold band does not hold). */
  trusted?: boolean;
}

/** Finds a comment's rule hits under the given settings (links, word lists ...). */
export type RuleEvaluator = (comment: PreviewComment, settings: SiteSettings) => RuleHits;

export type DecisionCounts = Record<Decision, number>;

/** How a set of decisions agrees with what moderators decided where they did. */
export interface Agreement {
  /** Labelled comments moderators rejected or marked spam. */
  moderatorsRejected: number;
  /** Of those, how many these settings would reject (recall's numerator). */
  rejectedOfModeratorsRejected: number;
  /** Labelled comments these settings would reject, whichever way moderators decided (precision's denominator). */
  rejectedLabelled: number;
  /** Auto-approved comments that moderators later rejected or marked spam. */
  approvedButModeratorsRejected: number;
  /** Auto-rejected comments that moderators restored. */
  rejectedButModeratorsApproved: number;
  /** Of the labelled comments this would auto-reject, the share moderators also found bad (null: none). */
  rejectPrecision: number | null;
  /** Of the comments moderators found bad, the share this would auto-reject (null: none labelled bad). */
  rejectRecall: number | null;
}

/** A comment whose decision would change, and why. */
export interface ChangedDecision {
  id: string;
  from: Decision;
  to: Decision;
  spam: number;
  toxicity: number;
  /** What flips it, in a moderator's words (see flipReasons). */
  reasons: string[];
}

/** What a moderator reads of a changed comment, read after the preview for the listed ones only. */
export interface ChangedCommentText {
  name: string;
  articleId: string;
  /** The start of the body, at most PREVIEW_EXCERPT_LENGTH characters. */
  excerpt: string;
  truncated: boolean;
}

/** Bodies in a preview's list are cut here: a list of hundreds of comments is for scanning, the queue shows them whole. */
export const PREVIEW_EXCERPT_LENGTH = 280;

/** How many decisions go from one verdict to another. */
export interface ChangeKind {
  from: Decision;
  to: Decision;
  count: number;
}

export interface SettingsPreview {
  total: number;
  current: DecisionCounts;
  proposed: DecisionCounts;
  /** The comments whose decision would change, newest first, at most `perKindLimit` of each kind. */
  changed: ChangedDecision[];
  changedTotal: number;
  /** Every kind of change that occurs, most frequent first, counted over the whole sample. */
  changedKinds: ChangeKind[];
  agreement: { labelled: number; current: Agreement; proposed: Agreement };
  /** Score histograms of the sample, 20 bins of 0.05, for drawing the thresholds over. */
  histograms: { spam: number[]; toxicity: number[] };
}

/** A preview as the API answers it: each listed change with its comment's text (null: erased since). */
export interface SettingsPreviewWithText extends Omit<SettingsPreview, 'changed'> {
  changed: Array<ChangedDecision & { comment: ChangedCommentText | null }>;
}

const BINS = 20;
const isBad = (label: ModerationLabel) => label.spam === true || label.toxic === true;
const isGood = (label: ModerationLabel) => label.spam === false && label.toxic === false;

function agreementOf(comments: PreviewComment[], decisions: Decision[]): Agreement {
  let approvedButRejected = 0;
  let rejectedButApproved = 0;
  let rejectedBad = 0;
  let rejectedLabelled = 0;
  let bad = 0;
  comments.forEach((comment, i) => {
    const label = comment.label;
    if (!label) return;
    const decision = decisions[i];
    if (isBad(label)) bad += 1;
    if (decision === 'approve' && isBad(label)) approvedButRejected += 1;
    if (decision === 'reject' && isGood(label)) rejectedButApproved += 1;
    if (decision === 'reject' && (isBad(label) || isGood(label))) {
      rejectedLabelled += 1;
      if (isBad(label)) rejectedBad += 1;
    }
  });
  return {
    moderatorsRejected: bad,
    rejectedOfModeratorsRejected: rejectedBad,
    rejectedLabelled,
    approvedButModeratorsRejected: approvedButRejected,
    rejectedButModeratorsApproved: rejectedButApproved,
    rejectPrecision: rejectedLabelled > 0 ? rejectedBad / rejectedLabelled : null,
    rejectRecall: bad > 0 ? rejectedBad / bad : null,
  };
}

function histogram(values: number[]): number[] {
  const bins = new Array<number>(BINS).fill(0);
  for (const value of values) bins[Math.min(BINS - 1, Math.max(0, Math.floor(value * BINS)))]! += 1;
  return bins;
}

const countDecisions = (decisions: Decision[]): DecisionCounts =>
  decisions.reduce<DecisionCounts>((counts, d) => ({ ...counts, [d]: counts[d] + 1 }), { approve: 0, hold: 0, reject: 0 });

// The rule reasons the policy's phases record, and what each does.
const STORED_HOLD_RULES = new Set(['links', 'hold-word', 'new-commenter', 'repeat-post', 'author-history']);
const STORED_REJECT_RULES = new Set(['block-word']);

/** The rule hits recorded with a comment's decision. */
export function storedRuleHits(comment: PreviewComment): RuleHits {
  return {
    holdRules: comment.storedReasons.filter((r) => STORED_HOLD_RULES.has(r.code)),
    rejectRules: comment.storedReasons.filter((r) => STORED_REJECT_RULES.has(r.code)),
    trusted: comment.storedReasons.some((r) => r.code === TRUSTED_COMMENTER),
  };
}

/**
 * Re-decides stored comments under the current and the proposed settings,
 * with the same `decide` the worker uses, and compares both with the
 * moderators' labels. A threshold-only change re-uses the stored scores and
 * the rule hits recorded with each decision (no text is read); a change to a
 * rule setting re-evaluates the rules on the text under both settings, so
 * the two sides differ only by the change. Each kind of change (hold →
 * reject ...) keeps up to `perKindLimit` examples, so a rare kind is not
 * crowded out of the list by a common one.
 */
export function previewSettings(
  comments: PreviewComment[],
  current: SiteSettings,
  proposed: SiteSettings,
  evaluateRules: RuleEvaluator,
  perKindLimit = 100,
): SettingsPreview {
  const decideAll = (settings: SiteSettings, hits: RuleHits[]) =>
    comments.map((c, i) => decide({ spam: c.spam, toxicity: c.toxicity, ...hits[i]! }, settings).decision);
  const rulesChange = rulesDiffer(current, proposed);
  const currentHits = comments.map((c) => (rulesChange ? evaluateRules(c, current) : storedRuleHits(c)));
  const proposedHits = rulesChange ? comments.map((c) => evaluateRules(c, proposed)) : currentHits;
  const before = decideAll(current, currentHits);
  const after = decideAll(proposed, proposedHits);

  const changed: ChangedDecision[] = [];
  const kinds = new Map<string, ChangeKind>();
  comments.forEach((comment, i) => {
    const from = before[i]!;
    const to = after[i]!;
    if (from === to) return;
    const kind = kinds.get(`${from}>${to}`) ?? { from, to, count: 0 };
    kinds.set(`${from}>${to}`, kind);
    kind.count += 1;
    if (kind.count > perKindLimit) return;
    const sides = { current: { settings: current, hits: currentHits[i]! }, proposed: { settings: proposed, hits: proposedHits[i]! } };
    const reasons = flipReasons({ spam: comment.spam, toxicity: comment.toxicity, from, to, ...sides });
    changed.push({ id: comment.id, from, to, spam: comment.spam, toxicity: comment.toxicity, reasons });
  });
  const changedKinds = [...kinds.values()].sort((a, b) => b.count - a.count);

  return {
    total: comments.length,
    current: countDecisions(before),
    proposed: countDecisions(after),
    changed,
    changedTotal: changedKinds.reduce((sum, kind) => sum + kind.count, 0),
    changedKinds,
    agreement: { labelled: comments.filter((c) => c.label).length, current: agreementOf(comments, before), proposed: agreementOf(comments, after) },
    histograms: { spam: histogram(comments.map((c) => c.spam)), toxicity: histogram(comments.map((c) => c.toxicity)) },
  };
}

/** Whether two settings differ in anything but the score bands (and the QA sample rate, which decides nothing). */
export function rulesDiffer(a: SiteSettings, b: SiteSettings): boolean {
  const { spam: _s1, toxicity: _t1, qaSampleRate: _q1, ...restA } = a;
  const { spam: _s2, toxicity: _t2, qaSampleRate: _q2, ...restB } = b;
  return JSON.stringify(restA) !== JSON.stringify(restB);
}
