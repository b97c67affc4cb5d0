import { wordBucket } from '../features';
import { IDENTITY_TERMS, IDENTITY_WORDS } from '../identity-words';
import { stemWord } from '../text';

export { IDENTITY_TERMS };

// Neutral sentences for training only. The evaluation check list uses
// different templates, so passing it is not memorising these.
const TRAINING_TEMPLATES: readonly string[] = [
  '{} families live on our street',
  'the {} community centre opened a new library today',
  'she wrote a book about growing up {}',
  '{} students won the regional science fair',
  'our {} colleagues organised the meetup',
  'a {} author spoke at the festival last night',
  'he is {} and works as a nurse',
  'the survey asked {} voters about schools',
];

/** Identity-neutral augmentation: every term in every training template, labelled clean. */
export function identityNeutralTexts(): string[] {
  return IDENTITY_TERMS.flatMap((term) => TRAINING_TEMPLATES.map((t) => t.replace('{}', term)));
}

/**
 * Caps the word-unigram weight of every identity term at 0: the word alone
 * may lower a score but never raise it. Bigrams ("stupid muslim") and the
 * rest of the sentence still carry abuse aimed at a group.
 */
export function capIdentityWeights(weights: Float32Array, hashBits: number): number {
  let capped = 0;
  for (const term of IDENTITY_WORDS) {
    const bucket = wordBucket(stemWord(term), hashBits);
    if (weights[bucket]! > 0) {
      weights[bucket] = 0;
      capped += 1;
    }
  }
  return capped;
}
