import type { ScoringPhase } from '../phase';
import { classificationReason } from './classification-reason';

/** The trained toxicity model over the comment body. */
export const toxicityModel: ScoringPhase = ({ body, models, settings, folded }) => {
  const result = models.toxicity.classify(body);
  return { toxicity: result.probability, reasons: classificationReason('toxicity-model', 'toxicity', result, body, settings.toxicity, folded) };
};
