import type { Reason } from '../../comment';
import type { ScoreBands } from '../../site-settings';
import type { FoldedText } from '../normalise/fold-text';
import { findEvidenceSpans } from '../normalise/evidence-spans';
import type { Classification } from '../text-classifier';

// Below this a model's score says nothing a moderator needs to read.
const NOTEWORTHY_PROBABILITY = 0.2;

/**
 * Turns a model's verdict into a reason: the probability, the thresholds it
 * meets, and the n-grams that pushed it most with their spans.
 */
export function classificationReason(
  code: string,
  label: string,
  result: Classification,
  body: string,
  bands: ScoreBands,
  /** The body as the normalisation phase folded it, so it is not folded again here. */
  folded?: FoldedText,
): Reason[] {
  if (result.probability < NOTEWORTHY_PROBABILITY) return [];
  const matches = result.explain().map((e) => e.feature);
  const words = matches.length > 0 ? `: ${matches.map((m) => `"${m}"`).join(', ')}` : '';
  const bandsText = `hold ≥ ${bands.approveBelow}, reject ≥ ${bands.rejectAbove}`;
  return [{
    code,
    message: `${label} model ${result.probability.toFixed(2)} (${bandsText})${words}`,
    value: result.probability,
    matches,
    // Spans in the body as stored, for the dashboard to highlight; an n-gram
    // the folding cannot find again (a split hashtag) has none.
    spans: findEvidenceSpans(body, matches, folded),
  }];
}
