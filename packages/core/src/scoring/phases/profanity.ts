import { profanityLexicon } from '../normalise/profanity-lexicon';
import type { ScoringPhase } from '../phase';
import { foldedBody } from './normalise';

// The English list reads English; a Russian comment's obscenities are named
// by its toxicity model's evidence (the Russian list is one of its features).
const READS = new Set(['en', 'und']);

/**
 * Names words from obscenity's English list (see profanity-lexicon.ts) and
 * where they are. It decides nothing: the toxicity model weighs the same
 * hits as a feature, and swearing is not abuse on every site.
 */
export const profanity: ScoringPhase = (context) => {
  if (context.language !== undefined && !READS.has(context.language)) return undefined;
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
