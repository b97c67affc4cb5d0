// @ts-check
/** The review queue's filters: words of the text, article, language and reason, as query parameters. */
import { t } from './i18n.js';
import { el } from './render.js';

// Search as the moderator types, once they pause.
const SEARCH_DELAY_MS = 300;

export const LANGUAGES = /** @type {const} */ (['en', 'ru', 'other', 'und']);

/** The reason codes the scorer records; each is named by filters.reason.<code>. */
export const REASONS = /** @type {const} */ ([
  'spam-model',
  'toxicity-model',
  'threshold',
  'links',
  'hold-word',
  'block-word',
  'profanity',
  'new-commenter',
  'repeat-post',
  'author-history',
  'unscored-language',
  'trusted-commenter',
  'premoderate',
  'scoring-budget',
]);

const FIELDS = /** @type {const} */ ({ q: 'filter-q', article: 'filter-article', language: 'filter-language', reason: 'filter-reason' });

/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement | HTMLSelectElement} */ (document.getElementById(id));

/** @param {string} key */
const text = (key) => ({ 'data-i18n': key });

/** @param {string} id @param {string} kind @param {readonly string[]} values */
const select = (id, kind, values) =>
  el('select', { id }, [el('option', { value: '', ...text('filters.any') }, [t('filters.any')]), ...values.map((value) => el('option', { value, ...text(`filters.${kind}.${value}`) }, [t(`filters.${kind}.${value}`)]))]);

/** @param {string} key @param {HTMLElement} control */
const labelled = (key, control) => el('span', { class: 'filter' }, [el('label', { for: control.id, ...text(key) }, [t(key)]), control]);

/**
 * Fills the filter bar, keeping what is set: once at start and after a
 * switch of language (the words in it carry data-i18n too; placeholders do not).
 */
export function renderFilters() {
  const set = filterParams();
  document.getElementById('queue-filters')?.replaceChildren(
    labelled('filters.search', el('input', { id: FIELDS.q, type: 'search', placeholder: t('filters.searchPlaceholder'), autocomplete: 'off', maxlength: '200' })),
    labelled('filters.article', el('input', { id: FIELDS.article, type: 'text', placeholder: t('filters.articleAny'), autocomplete: 'off', maxlength: '256' })),
    labelled('filters.language', select(FIELDS.language, 'language', LANGUAGES)),
    labelled('filters.reason', select(FIELDS.reason, 'reason', REASONS)),
    el('button', { type: 'button', id: 'filter-clear', class: 'link', ...text('filters.clear') }, [t('filters.clear')]),
  );
  setFilters(set);
}

/** The filters that are set, as the review API's query parameters. */
export function filterParams() {
  /** @type {Record<string, string>} */
  const params = {};
  for (const [name, id] of Object.entries(FIELDS)) {
    const value = input(id)?.value.trim() ?? '';
    if (value) params[name] = value;
  }
  return params;
}

export const anyFilter = () => Object.keys(filterParams()).length > 0;

/** @param {Partial<Record<keyof typeof FIELDS, string>>} values unset fields are cleared */
export function setFilters(values) {
  for (const [name, id] of Object.entries(FIELDS)) {
    const field = input(id);
    if (field) field.value = values[/** @type {keyof typeof FIELDS} */ (name)] ?? '';
  }
}

/**
 * Calls `reload` when a filter changes: the selects and the article at once
 * (on change), the search once the moderator pauses typing.
 * @param {() => void} reload
 */
export function wireFilters(reload) {
  const bar = /** @type {HTMLElement} */ (document.getElementById('queue-filters'));
  let timer = 0;
  bar.addEventListener('input', (event) => {
    if (/** @type {HTMLElement} */ (event.target).id !== FIELDS.q) return;
    clearTimeout(timer);
    timer = window.setTimeout(reload, SEARCH_DELAY_MS);
  });
  bar.addEventListener('change', (event) => {
    const id = /** @type {HTMLElement} */ (event.target).id;
    if (id === FIELDS.q) return;
    reload();
  });
  bar.addEventListener('keydown', (event) => {
    // Enter searches at once (the other fields answer Enter with a change event).
    if (event.key === 'Enter' && /** @type {HTMLElement} */ (event.target).id === FIELDS.q) {
      clearTimeout(timer);
      reload();
    }
  });
  bar.addEventListener('click', (event) => {
    if (/** @type {HTMLElement} */ (event.target).id !== 'filter-clear') return;
    setFilters({});
    reload();
  });
}
