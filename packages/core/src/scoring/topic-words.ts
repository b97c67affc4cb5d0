import { IDENTITY_WORDS, POLITENESS_WORDS, REPORTING_WORDS, REPORTING_WORDS_RU } from './identity-words';
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

const stemAny = (word: string): string => (/[а-я]/.test(word) ? stemRussian(word) : stemWord(word));

/** Stems of the praise and thanks words (English and Russian), capped at 0 in the spam models. */
export const POLITENESS_STEMS: ReadonlySet<string> = new Set(POLITENESS_WORDS.map(stemAny));

/** Words that carry no features of their own: identity, reporting, praise. */
export const OPAQUE_STEMS: ReadonlySet<string> = new Set([...NEUTRAL_TOPIC_STEMS, ...POLITENESS_STEMS]);
