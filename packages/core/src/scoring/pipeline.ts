import { decide } from '../decision';
import type { Reason } from '../comment';
import type { PhaseContext, ScoringPhase } from './phase';
import type { Scorer } from './scorer';
import type { ModelBundle } from './text-classifier';
import { authorHistory } from './phases/author-history';
import { linkCount } from './phases/link-count';
import { normalise } from './phases/normalise';
import { profanity } from './phases/profanity';
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
  repeatPosts,
  profanity,
  spamModel,
  toxicityModel,
];

/** Builds the scorer the worker and the CLI share, from loaded models and a policy. */
export function createScorer(models: ModelBundle, phases: readonly ScoringPhase[] = MODERATION_POLICY): Scorer {
  return {
    modelVersion: models.version,
    score(input) {
      let context: PhaseContext = { ...input, models };
      let spam = 0;
      let toxicity = 0;
      const reasons: Reason[] = [];
      const holdRules: Reason[] = [];
      const rejectRules: Reason[] = [];
      for (const phase of phases) {
        const result = phase(context);
        if (!result) continue;
        // Several phases may score the same thing; the most alarming wins.
        if (result.spam !== undefined) spam = Math.max(spam, result.spam);
        if (result.toxicity !== undefined) toxicity = Math.max(toxicity, result.toxicity);
        if (result.reasons) reasons.push(...result.reasons);
        if (result.holdRules) holdRules.push(...result.holdRules);
        if (result.rejectRules) rejectRules.push(...result.rejectRules);
        if (result.derived) context = { ...context, ...result.derived };
      }
      const outcome = decide({ spam, toxicity, holdRules, rejectRules }, input.settings);
      return {
        spam,
        toxicity,
        decision: outcome.decision,
        reasons: [...rejectRules, ...holdRules, ...reasons, ...outcome.reasons],
        modelVersion: models.version,
        thresholds: { spam: input.settings.spam, toxicity: input.settings.toxicity },
      };
    },
  };
}
