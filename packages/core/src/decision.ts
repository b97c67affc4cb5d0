import type { Decision, Reason } from './comment';
import type { SiteSettings } from './site-settings';

/** What the scoring phases found, before the site's policy is applied. */
export interface Scores {
  spam: number;
  toxicity: number;
  /** Rules (links, hold words, author history ...) that ask for a human whatever the scores say. */
  holdRules: Reason[];
  /** Rules (block words) that reject whatever the scores say, unless the site premoderates. */
  rejectRules?: Reason[];
  /** A trusted commenter (trustAfterApproved): a score in the hold band does not hold. */
  trusted?: boolean;
}

export interface DecisionOutcome {
  decision: Decision;
  /** The threshold reasons that explain the decision. */
  reasons: Reason[];
}

/**
 * Applies the site's three bands per score: below `approveBelow` passes, at
 * or above `rejectAbove` rejects, in between holds, unless the author is
 * trusted (the threshold reason is still recorded, beside the trust reason,
 * so the record shows what was waived). A hold rule holds, a
 * reject rule (a block word) rejects, and premoderation holds everything,
 * even what the scores or a block word would reject, since the owner asked
 * to see every comment.
 */
export function decide(scores: Scores, settings: SiteSettings): DecisionOutcome {
  const reasons: Reason[] = [];
  let decision: Decision = 'approve';
  for (const kind of ['spam', 'toxicity'] as const) {
    const score = scores[kind];
    const band = settings[kind];
    if (score >= band.rejectAbove) {
      decision = 'reject';
      reasons.push({ code: 'threshold', message: `${kind} ${score.toFixed(2)} ≥ reject threshold ${band.rejectAbove}`, value: score });
    } else if (score >= band.approveBelow) {
      if (decision === 'approve' && !scores.trusted) decision = 'hold';
      reasons.push({ code: 'threshold', message: `${kind} ${score.toFixed(2)} ≥ hold threshold ${band.approveBelow}`, value: score });
    }
  }
  if (scores.holdRules.length > 0 && decision === 'approve') decision = 'hold';
  if ((scores.rejectRules?.length ?? 0) > 0) decision = 'reject';
  if (settings.premoderate) {
    decision = 'hold';
    reasons.push({ code: 'premoderate', message: 'site holds every comment for review' });
  }
  return { decision, reasons };
}
