import type { Reason } from '../../comment';
import type { Classification } from '../text-classifier';

// Below this a model's score says nothing a moderator needs to read.
const NOTEWORTHY_PROBABILITY = 0.2;

/** Turns a model's verdict into a reason naming the n-grams that pushed it most. */
export function classificationReason(code: string, label: string, result: Classification): Reason[] {
  if (result.probability < NOTEWORTHY_PROBABILITY) return [];
  const matches = result.evidence.map((e) => e.feature);
  const words = matches.length > 0 ? `: ${matches.map((m) => `"${m}"`).join(', ')}` : '';
  return [{ code, message: `${label} model ${result.probability.toFixed(2)}${words}`, value: result.probability, matches }];
}
