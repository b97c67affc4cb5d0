import type { Decision, Reason } from '../comment';
import type { ScoreBands, SiteSettings } from '../site-settings';
import type { RuleHits } from './settings-preview';

/** One side of a re-decision: the settings and the rule hits found under them. */
export interface DecisionSide {
  settings: SiteSettings;
  hits: RuleHits;
}

export interface FlipInput {
  spam: number;
  toxicity: number;
  from: Decision;
  to: Decision;
  current: DecisionSide;
  proposed: DecisionSide;
}

const SEVERITY: Record<Decision, number> = { approve: 0, hold: 1, reject: 2 };

/** 0 below the hold threshold, 1 in the hold band, 2 at or above the reject threshold. */
const bandOf = (score: number, band: ScoreBands) => (score >= band.rejectAbove ? 2 : score >= band.approveBelow ? 1 : 0);

function thresholdReasons({ current, proposed, ...scores }: FlipInput, stricter: boolean): string[] {
  const reasons: string[] = [];
  for (const kind of ['spam', 'toxicity'] as const) {
    const score = scores[kind].toFixed(2);
    const before = bandOf(scores[kind], current.settings[kind]);
    const after = bandOf(scores[kind], proposed.settings[kind]);
    if (stricter && after > before) {
      const [name, edge] = after === 2 ? ['reject', 'rejectAbove'] as const : ['hold', 'approveBelow'] as const;
      reasons.push(`${kind} ${score} ≥ new ${name} threshold ${proposed.settings[kind][edge]} (was ${current.settings[kind][edge]})`);
    } else if (!stricter && after < before) {
      const [name, edge] = before === 2 ? ['reject', 'rejectAbove'] as const : ['hold', 'approveBelow'] as const;
      reasons.push(`${kind} ${score} < new ${name} threshold ${proposed.settings[kind][edge]} (was ${current.settings[kind][edge]})`);
    }
  }
  return reasons;
}

const key = (reason: Reason) => `${reason.code}\u0000${reason.message}`;
/** The rules in `a` that `b` does not have, by code and message (a message names the matched words). */
const rulesOnlyIn = (a: Reason[] | undefined, b: Reason[] | undefined) => {
  const inB = new Set((b ?? []).map(key));
  return (a ?? []).filter((reason) => !inB.has(key(reason)));
};

function ruleReasons({ current, proposed }: FlipInput, stricter: boolean): string[] {
  if (stricter) {
    return [...rulesOnlyIn(proposed.hits.rejectRules, current.hits.rejectRules), ...rulesOnlyIn(proposed.hits.holdRules, current.hits.holdRules)].map(
      (reason) => reason.message,
    );
  }
  return [...rulesOnlyIn(current.hits.rejectRules, proposed.hits.rejectRules), ...rulesOnlyIn(current.hits.holdRules, proposed.hits.holdRules)].map(
    (reason) => `no longer: ${reason.message}`,
  );
}

function switchReasons({ current, proposed }: FlipInput, stricter: boolean): string[] {
  const reasons: string[] = [];
  const premoderation = Number(proposed.settings.premoderate) - Number(current.settings.premoderate);
  // Premoderation holds: turned on it is stricter for an approval, and milder for a rejection.
  if (premoderation > 0) reasons.push('premoderation turned on: every comment is held');
  if (premoderation < 0) reasons.push('premoderation turned off');
  const trust = Number(proposed.hits.trusted ?? false) - Number(current.hits.trusted ?? false);
  if (stricter && trust < 0) reasons.push(`no longer a trusted commenter (trusted after ${proposed.settings.trustAfterApproved} approved)`);
  if (!stricter && trust > 0) reasons.push('trusted commenter: the hold band does not apply');
  return reasons;
}

/**
 * Why a comment's decision flips between two settings, in a moderator's
 * words: the thresholds its scores now cross (or no longer reach), the rules
 * that now hit it (or no longer do), premoderation and trust. Only what
 * pushes in the direction of the change is named.
 */
export function flipReasons(input: FlipInput): string[] {
  const stricter = SEVERITY[input.to] > SEVERITY[input.from];
  const reasons = [...switchReasons(input, stricter), ...ruleReasons(input, stricter), ...thresholdReasons(input, stricter)];
  return reasons.length > 0 ? reasons : ['the combination of the changed settings'];
}
