import { wordBucket } from '@moderato/core/src/scoring/features';
import { IDENTITY_TERMS } from '@moderato/core/src/scoring/identity-words';
import { NEUTRAL_TOPIC_STEMS, POLITENESS_STEMS } from '@moderato/core/src/scoring/topic-words';

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

const REPORTING_SENTENCES_RU: readonly string[] = [
  'Полиция задержала участников митинга у здания администрации.',
  'Режим годами преследует оппозицию и независимых журналистов.',
  'Правительство скрывает масштабы коррупции в армии.',
  'Суд приговорил активиста к трем годам колонии.',
  'Выборы прошли с нарушениями, заявили наблюдатели.',
  'Силовики избивали протестующих дубинками.',
  'Власти запретили митинг, сославшись на ремонт дороги.',
  'В результате обстрела погибли мирные жители.',
  'Министра обвиняют во взятках и мошенничестве.',
  'Президент подписал закон о цензуре в интернете.',
  'Политических заключенных пытают в тюрьмах, говорится в докладе.',
  'Коррумпированные чиновники остаются у власти после войны.',
  'Назарбаев правил тридцать лет, а оппозицию сажали.',
  'Кремль отрицает причастность к убийству журналиста.',
  'Тысячи людей вышли на акцию протеста против войны.',
];

/** Reporting-neutral augmentation: politics and violence as news reports them (English and Russian), labelled clean. */
export function reportingNeutralTexts(): string[] {
  return [...REPORTING_SENTENCES, ...REPORTING_SENTENCES_RU];
}

// Readers thanking a newsroom, briefly and then about something specific.
// None is a check-list sentence (evaluation/reporting-check-list.ts).
const PRAISE_OPENINGS = ['Great article.', 'Thanks for this piece.', 'Good write-up, thank you.', 'Excellent reporting, thanks for sharing.', 'Thank you for covering this.', 'Interesting story, much appreciated.', 'Thanks for sharing this story.'];
const PRAISE_SPECIFICS = [
  'I live near the square and saw the police vans.',
  'The part about the budget vote was new to me.',
  'My father worked at that factory for years.',
  'The mayor\'s answer on housing was telling.',
  'I was at the hearing on Tuesday.',
  'The numbers on hospital waiting times match what I see as a nurse.',
];

/** Polite reader comments, labelled not spam: thanks is not what spam does. */
export function praiseHamTexts(): string[] {
  // The openings alone too: short thank-yous teach the model that thanks for
  // sharing is not spam, while "share" itself stays uncapped (below).
  return [...PRAISE_OPENINGS, ...PRAISE_OPENINGS.flatMap((opening) => PRAISE_SPECIFICS.map((specific) => `${opening} ${specific}`))];
}

// Digit runs as the stems spell them ("0000000000000"): SMS spam is full of
// phone numbers written without separators, so a model learns any long
// number as spam. A number alone is not a contact; the phone signal is.
const DIGIT_RUNS = Array.from({ length: 16 }, (_, i) => '0'.repeat(i + 5));

// "Sharing" (a praise word) stems to "share", which is what YouTube spam
// asks for ("please share my video"). Left uncapped, with the short
// thank-yous above as clean rows, it lifts Eminem dev ROC-AUC 0.975 → 0.980
// while "Thanks for sharing, very informative." scores 0.11 as spam.
const UNCAPPED_PRAISE_STEMS = new Set(['share']);

/**
 * Caps the weights of praise words and of long numbers at 0 in a spam
 * model: politeness and an order number may lower a spam score, never raise
 * it. (Their pairs with function words form no bigram: features.ts.)
 * Returns how many weights were capped.
 */
export function capPolitenessWeights(weights: Float32Array, hashBits: number): number {
  const stems = [...POLITENESS_STEMS].filter((stem) => !UNCAPPED_PRAISE_STEMS.has(stem));
  const buckets = new Set([...stems, ...DIGIT_RUNS].map((stem) => wordBucket(stem, hashBits)));
  let capped = 0;
  for (const bucket of buckets) {
    if (weights[bucket]! > 0) {
      weights[bucket] = 0;
      capped += 1;
    }
  }
  return capped;
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
