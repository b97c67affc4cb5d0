import { decide } from '../decision';
import type { Reason } from '../comment';
import type { PhaseContext, ScoringPhase } from './phase';
import type { Scorer } from './scorer';
import type { ModelBundle } from './text-classifier';
import { authorHistory } from './phases/author-history';
import { linkCount } from './phases/link-count';
import { newCommenter } from './phases/new-commenter';
import { normalise } from './phases/normalise';
import { profanity } from './phases/profanity';
import { bodyFingerprint } from './normalise/text-fingerprint';
import { repeatPosts } from './phases/repeat-posts';
import { spamModel } from './phases/spam-model';
import { toxicityModel } from './phases/toxicity-model';
import { wordLists } from './phases/word-lists';

/**
 * The moderation policy, in the order it runs; the site's thresholds
 * (`decide`) apply to what it found, last.
 */
export const MODERATION_POLICY: readonly ScoringPhase[] = [
  normalise,
  linkCount,
  wordLists,
  authorHistory,
  newCommenter,
  repeatPosts,
  profanity,
  spamModel,
  toxicityModel,
];

/** What the phases found together, before the site's thresholds apply. */
export interface PhaseFindings {
  spam: number;
  toxicity: number;
  reasons: Reason[];
  holdRules: Reason[];
  rejectRules: Reason[];
}

/** Runs phases in order, each seeing what the earlier ones derived. */
export function runPhases(phases: readonly ScoringPhase[], start: PhaseContext): PhaseFindings {
  let context = start;
  const found: PhaseFindings = { spam: 0, toxicity: 0, reasons: [], holdRules: [], rejectRules: [] };
  for (const phase of phases) {
    const result = phase(context);
    if (!result) continue;
    // Several phases may score the same thing; the most alarming wins.
    if (result.spam !== undefined) found.spam = Math.max(found.spam, result.spam);
    if (result.toxicity !== undefined) found.toxicity = Math.max(found.toxicity, result.toxicity);
    if (result.reasons) found.reasons.push(...result.reasons);
    if (result.holdRules) found.holdRules.push(...result.holdRules);
    if (result.rejectRules) found.rejectRules.push(...result.rejectRules);
    if (result.derived) context = { ...context, ...result.derived };
  }
  return found;
}

/** Builds the scorer the worker and the CLI share, from loaded models and a policy. */
export function createScorer(models: ModelBundle, phases: readonly ScoringPhase[] = MODERATION_POLICY): Scorer {
  return {
    modelVersion: models.version,
    score(input) {
      // Folds the body first; the normalisation phase then finds it folded.
      const fingerprint = bodyFingerprint(input.body);
      const { spam, toxicity, reasons, holdRules, rejectRules } = runPhases(phases, { ...input, models, fingerprint });
      const outcome = decide({ spam, toxicity, holdRules, rejectRules }, input.settings);
      return {
        spam,
        toxicity,
        decision: outcome.decision,
        reasons: [...rejectRules, ...holdRules, ...reasons, ...outcome.reasons],
        modelVersion: models.version,
        thresholds: { spam: input.settings.spam, toxicity: input.settings.toxicity },
        fingerprint,
      };
    },
  };
}
