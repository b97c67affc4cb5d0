import { profanityLexicon } from '../normalise/profanity-lexicon';
import type { ScoringPhase } from '../phase';
import { foldedBody } from './normalise';

/**
 * Names words from obscenity's English list (see profanity-lexicon.ts) and
 * where they are. It decides nothing: the toxicity model weighs the same
 * hits as a feature, and swearing is not abuse on every site.
 */
export const profanity: ScoringPhase = (context) => {
  const hits = profanityLexicon().find(context.body, foldedBody(context));
  if (hits.length === 0) return undefined;
  const words = [...new Set(hits.map((h) => h.word))];
  return {
    reasons: [{
      code: 'profanity',
      message: `profanity list: ${words.map((w) => `"${w}"`).join(', ')}`,
      value: hits.length,
      matches: words,
      spans: hits.map(({ start, end, text }) => ({ start, end, text })),
    }],
  };
};
