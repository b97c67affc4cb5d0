import { IDENTITY_WORDS, REPORTING_WORDS, REPORTING_WORDS_RU } from './identity-words';
import { stemRussian } from './normalise/russian';
import { stemWord } from './text';

/**
 * Stems (English Porter and Russian Porter: the scripts never collide) of
 * the identity and reporting words. Their tokens get a word feature but no
 * character n-grams, and training caps their weights at 0: such a word may
 * lower a score but never raise it.
 */
export const NEUTRAL_TOPIC_STEMS: ReadonlySet<string> = new Set([
  ...[...IDENTITY_WORDS, ...REPORTING_WORDS].map(stemWord),
  ...REPORTING_WORDS_RU.map(stemRussian),
]);
