import type { ScoringPhase } from '../phase';
import { classificationReason } from './classification-reason';

/** The trained toxicity model of the comment's language over its body. */
export const toxicityModel: ScoringPhase = ({ body, languageModels, features, settings, folded }) => {
  if (!languageModels || !features) return undefined;
  const result = languageModels.toxicity.classify(features);
  return { toxicity: result.probability, reasons: classificationReason('toxicity-model', 'toxicity', result, body, settings.toxicity, folded) };
};
