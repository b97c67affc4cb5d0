// @ts-check
/**
 * The dashboard's words. Each language is one catalogue, ./i18n/<language>.json,
 * of flat keys named by page (`queue.empty`, `models.train`); a message is
 * text with {placeholders}, or its plural forms picked by the {count} given.
 * Pages write `t('queue.empty')` and `t('queue.selected', { count })`; words
 * written in index.html carry `data-i18n="key"` (their text) or
 * `data-i18n-label="key"` (their aria-label) and follow the language too.
 */

export const DEFAULT_LANGUAGE = 'en';

/**
 * @typedef {string | Partial<Record<Intl.LDMLPluralRule, string>>} Message
 * @typedef {Record<string, Message>} Catalogue
 * @typedef {{ code: string, name: string }} Language
 */

// Numbers in messages are mostly versions, ids and small counts: digits and decimal marks of the language, no grouping.
/** @param {string} language */
const inMessages = (language) => new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 20 });

const state = {
  language: DEFAULT_LANGUAGE,
  /** @type {Catalogue} */ messages: {},
  /** @type {Catalogue} */ english: {},
  plurals: new Intl.PluralRules(DEFAULT_LANGUAGE),
  numbers: inMessages(DEFAULT_LANGUAGE),
  /** @type {Promise<Language[]> | null} */ languages: null,
};

/**
 * The first of the preferred tags there is a catalogue for, by the whole tag
 * (`pt-br`) or its language (`ru-RU` → `ru`); English when none is.
 * @param {Array<string | null | undefined>} preferred @param {string[]} available
 */
export function pickLanguage(preferred, available) {
  for (const tag of preferred) {
    const lower = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
    const match = [lower, lower.split('-')[0]].find((candidate) => candidate && available.includes(candidate));
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * A message with its plural form chosen and its placeholders filled; numbers in the language's style.
 * @param {Message | undefined} message @param {Record<string, string | number>} params
 * @param {{ plurals: Intl.PluralRules, numbers: Intl.NumberFormat }} rules
 */
export function formatMessage(message, params, { plurals, numbers }) {
  if (message === undefined) return undefined;
  const text = typeof message === 'string' ? message : (message[plurals.select(Number(params.count ?? 0))] ?? message.other);
  return text?.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
  });
}

/**
 * A message in the current language (English where a catalogue lacks it; the key where both do).
 * @param {string} key @param {Record<string, string | number>} [params]
 */
export function t(key, params = {}) {
  return formatMessage(state.messages[key], params, state) ?? formatMessage(state.english[key], params, state) ?? key;
}

export const currentLanguage = () => state.language;

/** @param {Date | string | number} value */
export const formatDateTime = (value) => new Date(value).toLocaleString(state.language);

/** A count as the language groups its digits (1,000 / 1 000). @param {number} value */
export const formatNumber = (value) => value.toLocaleString(state.language);

/** The languages the dashboard speaks, each named in itself. @returns {Promise<Language[]>} */
export function availableLanguages() {
  state.languages ??= fetch('/admin/i18n/languages.json')
    .then((response) => response.json())
    .then((body) => body.languages)
    .catch(() => [{ code: DEFAULT_LANGUAGE, name: 'English' }]);
  return state.languages;
}

/** @param {string} language @returns {Promise<Catalogue>} */
const fetchCatalogue = (language) =>
  fetch(`/admin/i18n/${encodeURIComponent(language)}.json`)
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));

/**
 * Switches to the first preferred language the dashboard speaks and
 * rewrites the words in the page; pages then render with `t`.
 * @param {Array<string | null | undefined>} preferred e.g. the user's choice, then the browser's languages
 */
export async function useLanguage(preferred) {
  const available = (await availableLanguages()).map((language) => language.code);
  const language = pickLanguage(preferred, available);
  const [english, messages] = await Promise.all([
    Object.keys(state.english).length ? state.english : fetchCatalogue(DEFAULT_LANGUAGE),
    language === DEFAULT_LANGUAGE ? null : fetchCatalogue(language),
  ]);
  Object.assign(state, {
    language,
    english,
    messages: messages ?? english,
    plurals: new Intl.PluralRules(language),
    numbers: inMessages(language),
  });
  document.documentElement.lang = language;
  translatePage(document);
  return language;
}

/**
 * Rewrites the words index.html marks with data-i18n (text) and data-i18n-label (aria-label).
 * @param {Document | HTMLElement} root
 */
export function translatePage(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(/** @type {string} */ (node.getAttribute('data-i18n')));
  for (const node of root.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(/** @type {string} */ (node.getAttribute('data-i18n-label'))));
}
