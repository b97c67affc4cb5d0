import { ACTIONABLE_SIGNALS } from '../signals/spam-signals';
import type { ScoringPhase } from '../phase';
import { classificationReason } from './classification-reason';

// Below the reject band by this much, so praise alone lands in the hold band.
const PRAISE_MARGIN = 0.01;

/**
 * The trained spam model over the comment body. A comment with no link, no
 * contact and no offer is at most held: on a news site praise alone is
 * someone being polite far more often than a spammer, and a moderator can tell.
 */
export const spamModel: ScoringPhase = ({ body, languageModels, features, settings, folded }) => {
  if (!languageModels || !features) return undefined;
  const result = languageModels.spam.classify(features);
  const actionable = features.dense.some((f) => ACTIONABLE_SIGNALS.has(f.name));
  const ceiling = Math.max(settings.spam.approveBelow, settings.spam.rejectAbove - PRAISE_MARGIN);
  const spam = actionable ? result.probability : Math.min(result.probability, ceiling);
  const capped = { probability: spam, explain: result.explain };
  return { spam, reasons: classificationReason('spam-model', 'spam', capped, body, settings.spam, folded) };
};
