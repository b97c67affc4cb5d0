import type { Reason } from '../comment';
import { runPhases } from '../scoring/pipeline';
import type { ScoringPhase } from '../scoring/phase';
import type { ModelBundle } from '../scoring/text-classifier';
import { linkCount } from '../scoring/phases/link-count';
import { newCommenter } from '../scoring/phases/new-commenter';
import { normalise } from '../scoring/phases/normalise';
import { wordLists } from '../scoring/phases/word-lists';
import { TRUSTED_COMMENTER } from '../scoring/phases/trusted-commenter';
import type { SiteSettings } from '../site-settings';
import type { PreviewComment, RuleEvaluator } from './settings-preview';

/** The phases whose rule hits depend on settings; a preview runs them again on the stored text. */
const SETTINGS_RULE_PHASES: readonly ScoringPhase[] = [normalise, linkCount, wordLists, newCommenter];

/** Rules that depend on the author's activity at the time and on no setting: read from the stored reasons. */
const STORED_HOLD_RULE_CODES = new Set(['repeat-post', 'author-history']);

// The rule phases never consult a model.
const NO_MODELS: ModelBundle = { version: 'none', languages: {} };

/**
 * Whether the author counts as trusted under candidate settings. Only the
 * approved count was recorded with a decision, not the rejected one, so trust
 * is granted only where it was recorded (which proves no rejection then) and
 * the recorded count still meets the candidate bar: lowering the bar or
 * turning trust on shows no newly trusted authors, and may show holds the
 * worker would not make.
 */
function trustedUnder(comment: PreviewComment, settings: SiteSettings): boolean {
  const required = settings.trustAfterApproved;
  const approved = comment.authorApprovedBefore;
  if (required === 0 || approved === null || approved < required) return false;
  return comment.storedReasons.some((reason) => reason.code === TRUSTED_COMMENTER);
}

/**
 * Re-evaluates a stored comment's rules under candidate settings: links and
 * word lists run again on its text, with the worker's own phases; rules about
 * the author's activity keep what was recorded.
 */
export const evaluateStoredRules: RuleEvaluator = (comment, settings) => {
  // Without a recorded history (older rows) "hold new commenters" cannot be judged, so it is left out.
  const recorded = comment.authorApprovedBefore;
  const phases = recorded === null ? SETTINGS_RULE_PHASES.filter((p) => p !== newCommenter) : SETTINGS_RULE_PHASES;
  const authorHistory = recorded === null ? undefined : { approved: recorded, rejected: 0 };
  const found = runPhases(phases, { body: comment.body, name: '', settings, authorHistory, models: NO_MODELS });
  const stored: Reason[] = comment.storedReasons.filter((reason) => STORED_HOLD_RULE_CODES.has(reason.code));
  return { holdRules: [...stored, ...found.holdRules], rejectRules: found.rejectRules, trusted: trustedUnder(comment, settings) };
};
