import { EMAIL_PATTERN, LINK_PATTERN } from '../normalise/characters';

/** A named, dense feature: what a comment does, not which words it uses. */
export interface DenseFeature {
  /** What a moderator reads as evidence, e.g. "[phone number]". */
  name: string;
  value: number;
}

// Link shorteners and messenger links hide where a link goes or move the
// conversation somewhere a moderator cannot see; both are what spam does.
const SHORTENER = /^(?:bit\.ly|goo\.gl|tinyurl\.com|t\.co|ow\.ly|is\.gd|cutt\.ly|rb\.gy|clck\.ru|vk\.cc|[\w-]+\.page\.link)$/;
const MESSENGER_HOST = /^(?:t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|viber\.click|discord\.gg)$/;
// TLDs that cost a dollar and carry far more spam than news sites link to.
const CHEAP_TLD = /\.(?:xyz|top|online|site|click|ltd|icu|buzz|live|shop|store|cc|biz|info)$/;
const HOST = /^(?:https?:\/\/)?(?:www\.)?([^/\s:?#]+)/i;

// A phone number has separators or a leading +: a bare run of 13 digits is an
// order, an ISBN or an id far more often than a number to call.
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]?\d{2,4}[\s.-]?\d{2,4}(?:[\s.-]?\d{2})?|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})(?!\w)/;
// Messenger handles and "write me in DMs" in English and Russian.
const MESSENGER = /(?:\b(?:whats\s?app|telegram|viber|wechat|signal app|snapchat|kik)\b|(?:^|[^\p{L}])(?:в\s+лс|в\s+личк[уие]|пиши(?:те)?\s+(?:мне|в|\+)|напиши(?:те)?\s+(?:мне|в)|телеграм\p{L}*|вотсап|ватсап)(?![\p{L}])|\b(?:dm|pm|inbox)\s+me\b)/iu;
// A handle, as opposed to "@John" in a reply: digits, underscores or a bot suffix.
const HANDLE = /(?<![\w@])@[a-z][a-z0-9_]*(?:_[a-z0-9_]*|\d[a-z0-9_]*|bot)\b/i;
const MONEY = /(?:[$€£₽₹]\s?\d|\d[\d.,\s]{0,9}\s?(?:\$|usd[t]?\b|€|eur\b|₽|руб\p{L}*|р\.|грн|долл\p{L}*|dollars?\b|bucks\b|бакс\p{L}*|k\$|к\$|тыс\p{L}*))/iu;
// Offers of work or income: the bait of job and investment spam.
const OFFER = /(?:\b(?:earn(?:ing|ings)?|income|profit(?:s|able)?|passive|per (?:day|week|month|hour)|a (?:day|week)\b|work from home|from home|hiring|job offer|investment|invest(?:ing|or|ors)?|withdrawal|referral|giveaway|free (?:bonus|money|gift|registration)|make money|side hustle)\b|(?:^|[^\p{L}])(?:заработ\p{L}*|зарабат\p{L}*|доход\p{L}*|прибыл\p{L}*|удал[её]нн\p{L}*|вакан\p{L}*|набор\s+в\s+команд\p{L}*|набира\p{L}*\s+(?:людей|партн\p{L}*|команд\p{L}*)|сотрудничеств\p{L}*|обучени\p{L}*\s+бесплатн\p{L}*|бесплатн\p{L}*\s+обучени\p{L}*|в\s+(?:день|неделю|месяц)|без\s+(?:опыта|вложений|предоплат\p{L}*)|18\s?\+|\+\s?18|пассивн\p{L}*))/iu;
const GAMBLING_CRYPTO = /(?:\b(?:casino|slots?|jackpot|betting|bookmaker|promo ?code|crypto\w*|bitcoin|btc|eth|usdt|nft|airdrop|forex|binance|bybit|wallet|trading platform|trade broker)\b|(?:^|[^\p{L}])(?:казино|казик\p{L}*|ставк\p{L}*|ставим|букмекер\p{L}*|промокод\p{L}*|крипт\p{L}*|биткоин\p{L}*|бирж\p{L}*|арбитраж\p{L}*|депозит\p{L}*|фриспин\p{L}*|бонус\p{L}*|кэшб[еэ]к\p{L}*|цифров\p{L}*\s+(?:валют|актив)\p{L}*)(?![\p{L}]))/iu;
// One word holding both Latin and Cyrillic letters: "Пpивeт" written to slip past a filter.
const MIXED_SCRIPT = /(?:\p{Script=Latin}\p{Script=Cyrillic}|\p{Script=Cyrillic}\p{Script=Latin})/u;
const WORD = /[\p{L}\p{N}]{3,}/gu;
const EMOJI_RUN = /(?:\p{Extended_Pictographic}\uFE0F?){4,}|([!?$])\1{3,}/u;
// Longer bodies add little evidence and cost time: the signals read the start.
const SCAN_LIMIT = 2_000;

function hostsOf(text: string): string[] {
  const hosts: string[] = [];
  for (const match of text.matchAll(LINK_PATTERN)) {
    const host = HOST.exec(match[0])?.[1]?.toLowerCase().replace(/\.$/, '');
    if (host) hosts.push(host);
    if (hosts.length >= 10) break;
  }
  return hosts;
}

// A word that makes up a large share of a long comment: copy-paste flooding.
function repeatedWordShare(text: string): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    total += 1;
  }
  if (total < 12) return 0;
  let most = 0;
  for (const count of counts.values()) most = Math.max(most, count);
  return most / total;
}

/**
 * What the comment does that spam does: links (and whether they hide their
 * target or lead to a messenger or a throw-away domain), contact details,
 * money, offers of work or income, gambling and crypto wording, words
 * mixing Latin and Cyrillic letters, flooding. Each found signal is one
 * dense feature named for the evidence it is.
 */
export function spamSignals(body: string): DenseFeature[] {
  const text = body.length > SCAN_LIMIT ? body.slice(0, SCAN_LIMIT) : body;
  const found: DenseFeature[] = [];
  const hosts = hostsOf(text);
  if (hosts.length > 0) found.push({ name: '[link]', value: Math.log1p(hosts.length) });
  if (hosts.some((h) => SHORTENER.test(h))) found.push({ name: '[short link]', value: 1 });
  if (hosts.some((h) => MESSENGER_HOST.test(h)) || MESSENGER.test(text) || HANDLE.test(text)) found.push({ name: '[messenger contact]', value: 1 });
  if (hosts.some((h) => CHEAP_TLD.test(h))) found.push({ name: '[cheap domain]', value: 1 });
  EMAIL_PATTERN.lastIndex = 0;
  if (EMAIL_PATTERN.test(text)) found.push({ name: '[email address]', value: 1 });
  if (PHONE.test(text)) found.push({ name: '[phone number]', value: 1 });
  if (MONEY.test(text)) found.push({ name: '[money amount]', value: 1 });
  if (OFFER.test(text)) found.push({ name: '[income or job offer]', value: 1 });
  if (GAMBLING_CRYPTO.test(text)) found.push({ name: '[gambling or crypto]', value: 1 });
  if (MIXED_SCRIPT.test(text)) found.push({ name: '[mixed Latin/Cyrillic word]', value: 1 });
  if (EMOJI_RUN.test(text) || repeatedWordShare(text) > 0.25) found.push({ name: '[repetition]', value: 1 });
  return found;
}

/** The signals that make a comment an offer or a contact: without one, praise alone is never rejected as spam. */
export const ACTIONABLE_SIGNALS: ReadonlySet<string> = new Set([
  '[link]', '[short link]', '[messenger contact]', '[cheap domain]', '[email address]', '[phone number]',
  '[money amount]', '[income or job offer]', '[gambling or crypto]', '[mixed Latin/Cyrillic word]',
]);
