import type { ScoringPhase } from '../phase';
import { classificationReason } from './classification-reason';

/** The trained spam model over the comment body. */
export const spamModel: ScoringPhase = ({ body, models, settings, folded }) => {
  const result = models.spam.classify(body);
  return { spam: result.probability, reasons: classificationReason('spam-model', 'spam', result, body, settings.spam, folded) };
};
