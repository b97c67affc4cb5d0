// @ts-check
/** The review queue's filters: words of the text, article, language and reason, as query parameters. */
import { el } from './render.js';

// Search as the moderator types, once they pause.
const SEARCH_DELAY_MS = 300;

export const LANGUAGES = /** @type {const} */ ([
  ['en', 'English'],
  ['ru', 'Russian'],
  ['other', 'Another language'],
  ['und', 'Not recognised'],
]);

/** The reason codes the scorer records, as a moderator names them. */
export const REASONS = /** @type {const} */ ([
  ['spam-model', 'Spam model'],
  ['toxicity-model', 'Toxicity model'],
  ['threshold', 'Over a threshold'],
  ['links', 'Links'],
  ['hold-word', 'Hold word'],
  ['block-word', 'Block word'],
  ['profanity', 'Profanity'],
  ['new-commenter', 'New commenter'],
  ['repeat-post', 'Repeated post'],
  ['author-history', 'Author history'],
  ['unscored-language', 'Language without a model'],
  ['trusted-commenter', 'Trusted commenter'],
  ['premoderate', 'Premoderation'],
  ['scoring-budget', 'Scoring took too long'],
]);

const FIELDS = /** @type {const} */ ({ q: 'filter-q', article: 'filter-article', language: 'filter-language', reason: 'filter-reason' });

/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement | HTMLSelectElement} */ (document.getElementById(id));

/** @param {string} id @param {string} any @param {ReadonlyArray<readonly [string, string]>} options */
const select = (id, any, options) => el('select', { id }, [el('option', { value: '' }, [any]), ...options.map(([value, label]) => el('option', { value }, [label]))]);

/** @param {string} text @param {HTMLElement} control */
const labelled = (text, control) => el('span', { class: 'filter' }, [el('label', { for: control.id }, [text]), control]);

/** Fills the filter bar once; the queue reads it through filterParams(). */
export function renderFilters() {
  document.getElementById('queue-filters')?.replaceChildren(
    labelled('Search', el('input', { id: FIELDS.q, type: 'search', placeholder: 'words in the text', autocomplete: 'off', maxlength: '200' })),
    labelled('Article', el('input', { id: FIELDS.article, type: 'text', placeholder: 'any', autocomplete: 'off', maxlength: '256' })),
    labelled('Language', select(FIELDS.language, 'Any', LANGUAGES)),
    labelled('Reason', select(FIELDS.reason, 'Any', REASONS)),
    el('button', { type: 'button', id: 'filter-clear', class: 'link' }, ['Clear filters']),
  );
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
