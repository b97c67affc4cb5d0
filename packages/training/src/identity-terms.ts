import { wordBucket } from '@moderato/core/src/scoring/features';
import { IDENTITY_TERMS } from '@moderato/core/src/scoring/identity-words';
import { NEUTRAL_TOPIC_STEMS } from '@moderato/core/src/scoring/topic-words';

export { IDENTITY_TERMS };

// Neutral sentences for training only. The evaluation check list and the
// reporting test set use different sentences, so passing them is not
// memorising these.
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

// How news reports and their readers talk about power: criticism, not abuse.
const REPORTING_SENTENCES: readonly string[] = [
  'The government arrested opposition leaders before the election.',
  'Police detained dozens of protesters outside the parliament building.',
  'The regime has jailed journalists who reported on corruption.',
  'Officials denied that prisoners were tortured in the detention centre.',
  'Soldiers opened fire on demonstrators and several people were killed.',
  'The president signed a decree banning unsanctioned rallies.',
  'Human rights groups say the crackdown on dissent is the harshest in years.',
  'The opposition accused the ruling party of election fraud.',
  'Corruption in the ministry cost taxpayers millions.',
  'The war has displaced millions of civilians and killed thousands.',
  'The court sentenced the activist to five years in prison.',
  'Riot police beat protesters with batons during the march.',
  'The dictatorship relies on propaganda and censorship to stay in power.',
  'Critics say the authoritarian regime rigged the vote again.',
  'The minister resigned after the bribery scandal broke.',
  'Security forces shot at the crowd, witnesses told reporters.',
  'Thousands rallied in the capital to demand the release of political prisoners.',
  'Sanctions were imposed on oligarchs close to the Kremlin.',
  'The army seized power in a coup and suspended the constitution.',
  'Journalists covering the protest were detained and their equipment confiscated.',
  'Local officials are corrupt and the police protect them.',
  'The regime is brutal and has murdered its critics.',
  'Our government lies about the number of dead in the war.',
  'This article about police violence at the rally is accurate.',
  'The trial of the opposition leader was a political show.',
  'Elections here are neither free nor fair, observers said.',
  'The terrorist attack killed twelve people at the market.',
  'Prison conditions are inhumane according to the report.',
  'Nazarbayev ruled for three decades and jailed his opponents.',
  'Putin launched the invasion and the Kremlin denies the massacre.',
];

/** Reporting-neutral augmentation: politics and violence as news reports them, labelled clean. */
export function reportingNeutralTexts(): string[] {
  return [...REPORTING_SENTENCES];
}

/**
 * Caps the word-unigram weight of every identity and reporting stem at 0:
 * the word alone may lower a score but never raise it. Bigrams ("stupid
 * muslim") and the rest of the sentence still carry abuse aimed at a group.
 */
export function capTopicWeights(weights: Float32Array, hashBits: number): number {
  let capped = 0;
  for (const stem of NEUTRAL_TOPIC_STEMS) {
    const bucket = wordBucket(stem, hashBits);
    if (weights[bucket]! > 0) {
      weights[bucket] = 0;
      capped += 1;
    }
  }
  return capped;
}
