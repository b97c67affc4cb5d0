// Words a moderator cannot act on are never shown as evidence. natural (MIT)
// ships the base lists, imported by path: its index loads database clients.
import { words as naturalEnglish } from 'natural/lib/natural/util/stopwords';
import { words as naturalRussian } from 'natural/lib/natural/util/stopwords_ru';

// What natural's lists lack: contractions, and the Russian pronouns,
// particles and auxiliaries (its Russian list has 137 words, several of them
// odd: "путь", "конец"). Second-person pronouns are features, never evidence.
const EXTRA_ENGLISH = [
  "you're", 'youre', "i'm", 'im', "it's", "don't", 'dont', "can't", 'cant', "isn't", "that's", 'just', 'will', 'not', 'no', 'yes', 'us', 'let',
];
const EXTRA_RUSSIAN = [
  'не', 'ни', 'же', 'ли', 'бы', 'да', 'нет', 'уже', 'еще', 'ещё', 'вы', 'ты', 'он', 'она', 'оно', 'мы', 'они', 'меня', 'мне', 'мной', 'тебя', 'тебе',
  'тобой', 'вас', 'вам', 'вами', 'нас', 'нам', 'нами', 'него', 'нее', 'неё', 'ему', 'ей', 'им', 'ими', 'них', 'себя', 'себе', 'свой', 'своя', 'свои',
  'твой', 'твоя', 'твое', 'ваш', 'ваша', 'ваши', 'это', 'эта', 'эти', 'этого', 'этом', 'этой', 'тут', 'то', 'того', 'том', 'той', 'чтобы', 'чтоб',
  'когда', 'чем', 'при', 'про', 'без', 'по', 'об', 'со', 'ко', 'вот', 'ну', 'ведь', 'даже', 'лишь', 'уж', 'есть', 'была', 'были', 'было', 'будет',
  'будут', 'быть', 'буду', 'всё', 'всех', 'весь', 'вся', 'такой', 'такая', 'такие', 'там', 'тоже', 'раз', 'какой', 'какая', 'какие', 'кого', 'кому',
];

const normalise = (word: string): string => word.toLowerCase().replace(/ё/g, 'е');

const LISTS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set([...naturalEnglish, ...EXTRA_ENGLISH].map(normalise)),
  ru: new Set([...naturalRussian, ...EXTRA_RUSSIAN].map(normalise)),
};

/** The stop words of a language (lower case, ё as е); empty for a language without a list. */
export function stopWords(language: string): ReadonlySet<string> {
  return LISTS[language] ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/**
 * Whether a word is a stop or function word in that language, i.e. never
 * evidence. Case and ё/е do not matter. Languages without a list have none.
 */
export function isStopWord(language: string, word: string): boolean {
  const list = LISTS[language];
  return list !== undefined && list.has(normalise(word));
}
