import { EMAIL_PATTERN, LINK_PATTERN } from '../normalise/characters';

/** A named, dense feature: what a comment does, not which words it uses. */
export interface DenseFeature {
  /** The feature's name (it is hashed by it), and what a moderator reads as evidence, e.g. "[phone number]". */
  name: string;
  value: number;
  /** The word that fired it, shown as the evidence instead of the name ("idiot" rather than "[insult word]"). */
  evidence?: string;
}

// Link shorteners and messenger links hide where a link goes or move the
// conversation somewhere a moderator cannot see; both are what spam does.
const SHORTENER = /^(?:bit\.ly|goo\.gl|tinyurl\.com|t\.co|ow\.ly|is\.gd|cutt\.ly|rb\.gy|clck\.ru|vk\.cc|[\w-]+\.page\.link)$/;
const MESSENGER_HOST = /^(?:t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|viber\.click|discord\.gg)$/;
// TLDs that cost a dollar and carry far more spam than news sites link to.
const CHEAP_TLD = /\.(?:xyz|top|online|site|click|ltd|icu|buzz|live|shop|store|cc|biz|info)$/;
const HOST = /^(?:https?:\/\/)?(?:www\.)?([^/\s:?#]+)/;

// Patterns run on the lower-cased body. The English ones are ASCII-only (no
// `u` flag: several times faster); the Russian ones run only on text that
// has Cyrillic letters. Each is gated on a character it cannot match without.

// A phone number has separators or a leading +: a bare run of 13 digits is an
// order, an ISBN or an id far more often than a number to call.
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]?\d{2,4}[\s.-]?\d{2,4}(?:[\s.-]?\d{2})?|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})(?!\w)/;
// A handle, as opposed to "@John" in a reply: digits, underscores or a bot suffix.
const HANDLE = /(?<![\w@])@[a-z][a-z0-9_]*(?:_[a-z0-9_]*|\d[a-z0-9_]*|bot)\b/;
const MONEY = /[$€£₽₹]\s?\d|\d[\d.,\s]{0,9}\s?(?:\$|usdt?\b|€|eur\b|₽|dollars?\b|bucks\b|k\$|руб|р\.|грн|долл|бакс|тыс)/;
const MESSENGER_EN = /\b(?:whats\s?app|telegram|viber|wechat|snapchat|kik)\b|\b(?:dm|pm|inbox) me\b/;
// Offers of work or income: the bait of job and investment spam.
const OFFER_EN = /\b(?:earn(?:ing|ings)?|income|profit(?:s|able)?|passive|per (?:day|week|month|hour)|work from home|hiring|job offer|investment|invest(?:ing|ors?)?|withdrawal|referral|giveaway|free (?:bonus|money|gift|registration)|make money|side hustle)\b/;
const GAMBLING_CRYPTO_EN = /\b(?:casino|slots?|jackpot|betting|bookmaker|promo ?code|crypto\w*|bitcoin|btc|eth|usdt|nft|airdrop|forex|binance|bybit|wallet|trading platform|trade broker)\b/;
const CYRILLIC = /[а-яё]/;
// Russian stems need their own word edges: `\b` knows ASCII letters only.
const RU_EDGE = '(?:^|[^а-яёa-z])';
const MESSENGER_RU = new RegExp(`${RU_EDGE}(?:в\\s+лс|в\\s+личк[уие]|пиши(?:те)?\\s+(?:мне|в|\\+)|напиши(?:те)?\\s+(?:мне|в)|телеграм|вотсап|ватсап)`);
const OFFER_RU = new RegExp(`${RU_EDGE}(?:заработ|зарабат|доход|прибыл|удал[её]нн|вакан|набор\\s+в\\s+команд|набира[а-я]*\\s+(?:людей|партн|команд)|сотрудничеств|бесплатн[а-я]*\\s+обучени|обучени[а-я]*\\s+бесплатн|в\\s+(?:день|неделю|месяц)(?![а-я])|без\\s+(?:опыта|вложений|предоплат)|пассивн)|18\\s?\\+|\\+\\s?18`);
const GAMBLING_CRYPTO_RU = new RegExp(`${RU_EDGE}(?:казино|казик|ставк|ставим|букмекер|промокод|крипт|биткоин|бирж|арбитраж|депозит|фриспин|бонус|кэшб[еэ]к|цифров[а-я]*\\s+(?:валют|актив))`);
// One word holding both Latin and Cyrillic letters: "Пpивeт" written to slip past a filter.
const MIXED_SCRIPT = /[a-z][а-яё]|[а-яё][a-z]/;
const PLAIN = /^[\x00-\x7f]*$/;
const PUNCT_RUN = /([!?$])\1{3,}/;
const EMOJI_RUN = /(?:\p{Extended_Pictographic}\uFE0F?){4,}/u;
// Longer bodies add little evidence and cost time: the signals read the start.
const SCAN_LIMIT = 2_000;

function hostsOf(text: string): string[] {
  const hosts: string[] = [];
  for (const match of text.matchAll(LINK_PATTERN)) {
    const host = HOST.exec(match[0])?.[1]?.replace(/\.$/, '');
    if (host) hosts.push(host);
    if (hosts.length >= 10) break;
  }
  return hosts;
}

// A word that makes up a large share of a long comment: copy-paste flooding.
function repeatedWordShare(text: string): number {
  const words = text.split(/[\s,.!?;:]+/).filter((w) => w.length >= 3);
  if (words.length < 12) return 0;
  const counts = new Map<string, number>();
  let most = 0;
  for (const word of words) {
    const count = (counts.get(word) ?? 0) + 1;
    counts.set(word, count);
    if (count > most) most = count;
  }
  return most / words.length;
}

/**
 * What the comment does that spam does: links (and whether they hide their
 * target or lead to a messenger or a throw-away domain), contact details,
 * money, offers of work or income, gambling and crypto wording, words
 * mixing Latin and Cyrillic letters, flooding. Each found signal is one
 * dense feature named for the evidence it is.
 */
export function spamSignals(body: string): DenseFeature[] {
  const text = (body.length > SCAN_LIMIT ? body.slice(0, SCAN_LIMIT) : body).toLowerCase();
  const plain = PLAIN.test(text);
  const russian = !plain && CYRILLIC.test(text);
  const digits = /\d/.test(text);
  const at = text.includes('@');
  const found: DenseFeature[] = [];
  const hosts = text.includes('.') ? hostsOf(text) : [];
  if (hosts.length > 0) found.push({ name: '[link]', value: Math.log1p(hosts.length) });
  if (hosts.some((h) => SHORTENER.test(h))) found.push({ name: '[short link]', value: 1 });
  const messenger = hosts.some((h) => MESSENGER_HOST.test(h)) || MESSENGER_EN.test(text) || (at && HANDLE.test(text)) || (russian && MESSENGER_RU.test(text));
  if (messenger) found.push({ name: '[messenger contact]', value: 1 });
  if (hosts.some((h) => CHEAP_TLD.test(h))) found.push({ name: '[cheap domain]', value: 1 });
  EMAIL_PATTERN.lastIndex = 0;
  if (at && EMAIL_PATTERN.test(text)) found.push({ name: '[email address]', value: 1 });
  if (digits && PHONE.test(text)) found.push({ name: '[phone number]', value: 1 });
  if (digits && MONEY.test(text)) found.push({ name: '[money amount]', value: 1 });
  if (OFFER_EN.test(text) || (russian && OFFER_RU.test(text))) found.push({ name: '[income or job offer]', value: 1 });
  if (GAMBLING_CRYPTO_EN.test(text) || (russian && GAMBLING_CRYPTO_RU.test(text))) found.push({ name: '[gambling or crypto]', value: 1 });
  if (russian && MIXED_SCRIPT.test(text)) found.push({ name: '[mixed Latin/Cyrillic word]', value: 1 });
  if (PUNCT_RUN.test(text) || (!plain && EMOJI_RUN.test(text)) || repeatedWordShare(text) > 0.25) found.push({ name: '[repetition]', value: 1 });
  return found;
}

/** The signals that make a comment an offer or a contact: without one, praise alone is never rejected as spam. */
export const ACTIONABLE_SIGNALS: ReadonlySet<string> = new Set([
  '[link]', '[short link]', '[messenger contact]', '[cheap domain]', '[email address]', '[phone number]',
  '[money amount]', '[income or job offer]', '[gambling or crypto]', '[mixed Latin/Cyrillic word]',
]);
