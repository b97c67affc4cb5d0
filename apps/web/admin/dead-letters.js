// @ts-check
import * as api from './api.js';
import { el, when } from './render.js';
import { t } from './i18n.js';

// The admin's view of jobs that failed for good: why, when, how often, for
// which site and article; Retry puts one back, Discard drops it.

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @param {{ id: string, failedReason: string, attemptsMade: number, queuedAt: string | null, failedAt: string | null, siteId: string | null, articleId: string | null }} letter
 */
function row(letter) {
  const actions = el('td', {}, [
    el('button', { type: 'button', 'data-dead-letter': letter.id, 'data-action': 'retry' }, [t('deadLetters.retry')]),
    ' ',
    el('button', { type: 'button', 'data-dead-letter': letter.id, 'data-action': 'discard' }, [t('deadLetters.discard')]),
  ]);
  return el('tr', {}, [
    el('td', {}, [el('code', {}, [letter.id])]),
    el('td', {}, [`${letter.siteId ?? '?'} / ${letter.articleId ?? '?'}`]),
    el('td', {}, [letter.failedReason]),
    el('td', {}, [String(letter.attemptsMade)]),
    el('td', {}, [when(letter.queuedAt)]),
    el('td', {}, [when(letter.failedAt)]),
    actions,
  ]);
}

async function load() {
  const section = $('dead-letters');
  const { deadLetters, total } = await api.get('/api/v1/admin/dead-letters?limit=200');
  const columns = ['comment', 'where', 'why', 'attempts', 'queued', 'failed'].map((column) => t(`deadLetters.column.${column}`));
  const head = el('tr', {}, [...columns, ''].map((h) => el('th', { scope: 'col' }, [h])));
  section.replaceChildren(
    el('h2', {}, [t('deadLetters.title', { count: total })]),
    deadLetters.length === 0
      ? el('p', { class: 'empty' }, [t('deadLetters.none')])
      : el('table', { class: 'dead-letters-table' }, [el('thead', {}, [head]), el('tbody', {}, deadLetters.map(row))]),
    el('p', { id: 'dead-letters-status', role: 'status', 'aria-live': 'polite' }),
  );
}

/** Loads the list into the (shown) view; a failure shows as its message. */
export const openDeadLetters = () => load().catch((error) => { $('dead-letters').textContent = error.message; });

/** Wires the view's Retry and Discard; the "Dead letters" button shows for admins only. */
export function wireDeadLetters() {
  $('dead-letters').addEventListener('click', async (event) => {
    const button = /** @type {HTMLElement} */ (event.target);
    const id = button.dataset?.deadLetter;
    if (!id) return;
    const action = button.dataset.action === 'retry' ? 'retry' : 'discard';
    try {
      await api.post(`/api/v1/admin/dead-letters/${encodeURIComponent(id)}/${action}`, {});
      await load();
      $('dead-letters-status').textContent = t(action === 'retry' ? 'deadLetters.retried' : 'deadLetters.discarded', { id });
    } catch (error) {
      $('dead-letters-status').textContent = /** @type {Error} */ (error).message;
    }
  });
}

/** @param {{ role: string } | null} user */
export const showDeadLettersButton = (user) => { $('show-dead-letters').hidden = user?.role !== 'admin'; };
