import { foldText, type FoldedText } from '../normalise/fold-text';
import type { PhaseContext, ScoringPhase } from '../phase';

/**
 * Folds the body once for every rule after it: NFKC, HTML entities,
 * invisible characters, diacritics, look-alikes and l33t (see fold-text.ts).
 * Rules then match the folded text and report spans in the body as stored.
 * (The models normalise on their own, as they were trained.)
 */
export const normalise: ScoringPhase = ({ body, folded }) => (folded ? undefined : { derived: { folded: foldText(body) } });

/** The folded body, whether or not the normalisation phase ran (tests run phases alone). */
export function foldedBody(context: PhaseContext): FoldedText {
  return context.folded ?? foldText(context.body);
}
