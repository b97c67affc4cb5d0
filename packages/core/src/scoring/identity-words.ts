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

/**
 * The vocabulary of politics, protest and violence as news reports it. The
 * sites Moderato serves publish political analysis, and their readers
 * discuss governments, police, repression and elections: these words must
 * never raise a toxicity score by themselves. Same treatment as identity
 * words (opaque, weight capped at 0, neutral training sentences).
 */
export const REPORTING_WORDS: readonly string[] = [
  'regime', 'regimes', 'police', 'policeman', 'policemen', 'officer', 'officers', 'protest', 'protests', 'protester', 'protesters',
  'protestor', 'protestors', 'rally', 'rallies', 'demonstration', 'demonstrators', 'killed', 'killing', 'killings', 'murdered',
  'died', 'dead', 'death', 'deaths', 'violence', 'violent', 'corrupt', 'corruption', 'prison', 'prisons', 'prisoner', 'prisoners',
  'jail', 'jailed', 'war', 'wars', 'government', 'governments', 'official', 'officials', 'opposition', 'election', 'elections',
  'arrest', 'arrested', 'arrests', 'detained', 'torture', 'tortured', 'repression', 'crackdown', 'dictator', 'dictatorship',
  'authoritarian', 'president', 'minister', 'parliament', 'military', 'army', 'soldiers', 'troops', 'terrorism', 'terrorist',
  'terrorists', 'extremist', 'extremists', 'attack', 'attacks', 'bombing', 'shot', 'shooting', 'beat', 'beaten', 'beating',
  'censorship', 'propaganda', 'sanctions', 'court', 'trial', 'sentenced', 'activist', 'activists', 'journalist', 'journalists',
  'dissident', 'dissidents', 'political', 'politician', 'politicians', 'fraud', 'bribery', 'bribes', 'oligarch', 'oligarchs',
  'kremlin', 'putin', 'nazarbayev', 'tokayev', 'lukashenko', 'riot', 'riots', 'coup', 'massacre', 'genocide', 'invasion',
];

/** The same in Russian (nominative forms; matched by stem). */
export const REPORTING_WORDS_RU: readonly string[] = [
  'режим', 'полиция', 'полицейские', 'милиция', 'силовики', 'протест', 'протесты', 'протестующие', 'митинг', 'митинги', 'убит',
  'убиты', 'погибли', 'смерть', 'насилие', 'коррупция', 'коррумпированный', 'тюрьма', 'заключенные', 'война', 'правительство',
  'власть', 'власти', 'чиновники', 'оппозиция', 'выборы', 'арестован', 'арест', 'задержаны', 'пытки', 'репрессии', 'диктатор',
  'диктатура', 'президент', 'министр', 'парламент', 'армия', 'военные', 'солдаты', 'терроризм', 'террорист', 'суд', 'приговор',
  'активисты', 'журналисты', 'политика', 'политики', 'путин', 'назарбаев', 'токаев', 'кремль', 'санкции', 'пропаганда', 'цензура',
];

/**
 * Praise and thanks. The spam data (YouTube, SMS, a blog's spam queue) is
 * full of flattery, so a model learns "thanks for sharing" as spam and holds
 * every polite reader; spam is what a comment does (links, contacts,
 * offers), not its manners. Opaque, and capped at 0 in the spam models
 * (all but "share", the stem of "sharing": see identity-terms.ts).
 * ("like", "love" and "share" are left out: "like and share" is an action
 * spam asks for.)
 */
export const POLITENESS_WORDS: readonly string[] = [
  'thank', 'thanks', 'thanked', 'thankyou', 'thx', 'great', 'good', 'nice', 'excellent', 'wonderful', 'awesome', 'amazing', 'fantastic',
  'article', 'articles', 'piece', 'story', 'report', 'reporting', 'write-up', 'writeup', 'sharing', 'appreciate',
  'appreciated', 'helpful', 'informative', 'useful', 'interesting', 'insightful', 'careful',
  'спасибо', 'благодарю', 'отличная', 'отличный', 'хорошая', 'статья', 'статью', 'интересно', 'полезно',
];
