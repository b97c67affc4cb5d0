import type { Task, TaskConfig } from './train-model';
import { MODERATOR_SOURCE } from './train-model';

const SEED = 20251125;
// Moderator labels weigh 3: a site's own decisions are the best evidence of
// its own standards, and there are few of them.
const MODERATOR = { [MODERATOR_SOURCE]: 3 };

/** Hash size per language: both of a language's models share one reading of the text. */
export const HASH_BITS: Readonly<Record<string, number>> = { en: 18, ru: 18 };

/**
 * Every shipped model's hyper-parameters and source weights, chosen on dev
 * (see MODEL.md for what was tried). Sources not named weigh 1.
 */
export const TRAINING_PLAN: Readonly<Record<string, Record<Task, TaskConfig>>> = {
  en: {
    spam: {
      hashBits: HASH_BITS.en!, epochs: 8, learningRate: 0.5, l2: 1e-3, seed: SEED, nbRatio: true, topicFixes: false,
      sourceWeights: { sms: 0.1, 'civil-comments-ham': 1, 'ru-paradetox-ham': 0, ...MODERATOR },
    },
    toxicity: {
      hashBits: HASH_BITS.en!, epochs: 5, learningRate: 0.1, l2: 1e-5, seed: SEED, nbRatio: false, topicFixes: true, softTargets: true,
      // Tweets: Davidson's are mostly slurs and profanity, far from news talk.
      sourceWeights: { davidson: 0, 'olid-train': 0.1, 'civil-comments-toxic-spans': 0.5, ...MODERATOR },
    },
  },
  ru: {
    spam: {
      hashBits: HASH_BITS.ru!, epochs: 8, learningRate: 0.5, l2: 1e-3, seed: SEED, nbRatio: true, topicFixes: false,
      sourceWeights: { 'ru-paradetox-ham': 0.1, ...MODERATOR },
    },
    toxicity: {
      hashBits: HASH_BITS.ru!, epochs: 5, learningRate: 0.1, l2: 1e-5, seed: SEED, nbRatio: false, topicFixes: true,
      sourceWeights: { ...MODERATOR },
    },
  },
};
