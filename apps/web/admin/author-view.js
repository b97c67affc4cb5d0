// @ts-check
/**
 * Every comment of one commenter on the site, reached from one of their
 * comments (the API matches the keyed email hash; the browser never sees
 * it), with approve-all and spam-all through the audited bulk action.
 */
import * as api from './api.js';
import { t } from './i18n.js';
import { commentCard, el } from './render.js';

// One bulk request's worth: what is listed is exactly what the buttons act on.
const PAGE = 500;

/** @type {{ commentId: string, comments: any[], counts: Record<string, number>, more: boolean }} */
const state = { commentId: '', comments: [], counts: {}, more: false };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const held = () => state.comments.filter((c) => c.status === 'held');
// Spam-all leaves rejections alone: a comment rejected as abuse keeps that label.
const notRejected = () => state.comments.filter((c) => c.status !== 'rejected');

export const authorViewOpen = () => !$('author-view').hidden;

/**
 * Shows the author of a comment: their comments here, newest first, any status.
 * @param {string} commentId
 */
export async function openAuthor(commentId) {
  state.commentId = commentId;
  $('queue-main').hidden = true;
  $('author-view').hidden = false;
  $('author-status').textContent = '';
  await load();
  $('author-back').focus();
}

export function closeAuthor() {
  $('author-view').hidden = true;
  $('queue-main').hidden = false;
  state.comments = [];
}

async function load() {
  const page = await api.get(`/api/v1/comments/${encodeURIComponent(state.commentId)}/author-comments?limit=${PAGE}`);
  state.comments = page.comments;
  state.counts = page.counts;
  state.more = page.next !== null;
  render();
}

function render() {
  const names = [...new Set(state.comments.map((c) => c.name))].slice(0, 3);
  const { held: heldCount = 0, approved = 0, rejected = 0 } = state.counts;
  $('author-title').textContent = t('author.title', { names: names.join(' / ') || t('author.thisAuthor') });
  $('author-counts').textContent = t('author.counts', { held: heldCount, approved, rejected }) + (state.more ? t('author.more', { count: PAGE }) : '');
  $('author-actions').replaceChildren(
    el('button', { type: 'button', class: 'approve', 'data-author-action': 'approve', ...(held().length === 0 ? { disabled: '' } : {}) }, [t('author.approveAll', { count: held().length })]),
    el('button', { type: 'button', class: 'spam', 'data-author-action': 'spam', ...(notRejected().length === 0 ? { disabled: '' } : {}) }, [t('author.spamAll', { count: notRejected().length })]),
  );
  $('author-confirm').hidden = true;
  $('author-comments').replaceChildren(...state.comments.map((c) => commentCard(c, { selected: false, readOnly: true })));
}

/** @param {'approve' | 'spam'} action */
function askToConfirm(action) {
  const count = action === 'approve' ? held().length : notRejected().length;
  $('author-confirm').replaceChildren(
    el('span', {}, [t(action === 'approve' ? 'author.confirmApprove' : 'author.confirmSpam', { count })]),
    el('button', { type: 'button', class: 'primary', 'data-author-confirm': action }, [t(action === 'approve' ? 'author.yesApprove' : 'author.yesSpam', { count })]),
    el('button', { type: 'button', 'data-author-confirm': '' }, [t('author.cancel')]),
  );
  $('author-confirm').hidden = false;
  /** @type {HTMLElement} */ ($('author-confirm').querySelector('[data-author-confirm]:not([data-author-confirm=""])')).focus();
}

/** @param {'approve' | 'spam'} action */
async function actOnAll(action) {
  const ids = (action === 'approve' ? held() : notRejected()).map((c) => c.id);
  $('author-confirm').hidden = true;
  try {
    // Approving says "held when I looked": a comment moderated meanwhile stops the whole action.
    await api.post('/api/v1/comments/moderation', { ids, action, ...(action === 'approve' ? { expectedStatus: 'held' } : {}) });
    $('author-status').textContent = t(`queue.done.${action}`, { count: ids.length });
  } catch (error) {
    $('author-status').textContent = t('queue.notSaved', { error: /** @type {Error} */ (error).message });
  }
  await load();
}

/** @param {() => void} onBack back to the queue, reloaded */
export function wireAuthor(onBack) {
  $('author-view').addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.id === 'author-back') onBack();
    const action = target.dataset.authorAction;
    if (action === 'approve' || action === 'spam') askToConfirm(action);
    const confirmed = target.dataset.authorConfirm;
    if (confirmed === 'approve' || confirmed === 'spam') actOnAll(confirmed);
    else if (confirmed === '') $('author-confirm').hidden = true;
  });
}
