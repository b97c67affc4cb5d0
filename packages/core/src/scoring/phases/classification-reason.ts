import type { Reason, TextSpan } from '../../comment';
import type { ScoreBands } from '../../site-settings';
import type { FoldedText } from '../normalise/fold-text';
import { compileWordMatcher, type WordMatcher } from '../normalise/word-matcher';
import type { Classification } from '../text-classifier';

// Below this a model's score says nothing a moderator needs to read.
const NOTEWORTHY_PROBABILITY = 0.2;

// Evidence n-grams come from the model's normalised text; finding them again
// in the body (with the same folding as word lists) gives spans in the body
// as stored. An n-gram the folding cannot find (a split hashtag) has none.
// Compiling a matcher costs more than scoring a comment, and evidence n-grams
// repeat across comments: keep one matcher per n-gram, bounded.
const MATCHER_CACHE_LIMIT = 10_000;
const matchers = new Map<string, WordMatcher>();

function matcherFor(feature: string): WordMatcher {
  let matcher = matchers.get(feature);
  if (!matcher) {
    if (matchers.size >= MATCHER_CACHE_LIMIT) matchers.clear();
    matcher = compileWordMatcher([feature]);
    matchers.set(feature, matcher);
  }
  return matcher;
}

function spansOf(body: string, features: readonly string[], folded: FoldedText | undefined): TextSpan[] {
  return features
    .flatMap((feature) => matcherFor(feature).find(body, folded))
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, text }) => ({ start, end, text }));
}

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
  const matches = result.evidence.map((e) => e.feature);
  const words = matches.length > 0 ? `: ${matches.map((m) => `"${m}"`).join(', ')}` : '';
  const bandsText = `hold ≥ ${bands.approveBelow}, reject ≥ ${bands.rejectAbove}`;
  return [{
    code,
    message: `${label} model ${result.probability.toFixed(2)} (${bandsText})${words}`,
    value: result.probability,
    matches,
    spans: spansOf(body, matches, folded),
  }];
}
