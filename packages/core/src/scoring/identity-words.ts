/**
 * Words that name a group people belong to. Davidson's tweets use many of
 * them as slurs or in abuse, so a model learns them as "toxic" and then
 * flags "I am a gay man". Used by feature extraction (no character n-grams
 * for them, see features.ts), by training (weight caps, neutral
 * augmentation) and by the evaluation's check list.
 */
export const IDENTITY_TERMS: readonly string[] = [
  'gay', 'lesbian', 'bisexual', 'transgender', 'trans', 'queer', 'straight', 'nonbinary',
  'muslim', 'jewish', 'christian', 'catholic', 'hindu', 'sikh', 'buddhist', 'atheist',
  'black', 'white', 'asian', 'african', 'latino', 'latina', 'hispanic', 'mexican', 'arab', 'chinese', 'indian',
  'immigrant', 'refugee', 'female', 'male', 'feminist', 'disabled', 'deaf', 'blind', 'old', 'young',
];

// Group nouns: not adjectives for the check-list templates, but the same problem.
const GROUP_NOUNS = [
  'woman', 'women', 'man', 'men', 'girl', 'girls', 'boy', 'boys', 'people', 'lgbt', 'lgbtq', 'homosexual',
  'gays', 'lesbians', 'muslims', 'jews', 'christians', 'immigrants', 'refugees', 'blacks', 'whites', 'asians', 'mexicans', 'arabs', 'feminists',
];

/** Every identity word, lower case, as tokens spell it. */
export const IDENTITY_WORDS: ReadonlySet<string> = new Set([...IDENTITY_TERMS, ...GROUP_NOUNS]);
