// @ts-check
import * as api from './api.js';
import { commentCard, el, historyItem } from './render.js';
import { formatNumber, t, useLanguage } from './i18n.js';
import { fillLanguageSwitch, wireLanguageSwitch } from './language-switch.js';
import { openSettings, wireSettings } from './settings.js';
import { openDeadLetters, showDeadLettersButton, wireDeadLetters } from './dead-letters.js';
import { openModels, wireModels } from './models.js';
import { openOverview, wireOverview } from './overview.js';
import { openQa, wireQa } from './qa.js';
import { anyFilter, filterParams, renderFilters, setFilters, wireFilters } from './queue-filters.js';
import { authorViewOpen, closeAuthor, openAuthor, wireAuthor } from './author-view.js';
import { rememberedSite, rememberSite, renderSiteSwitcher } from './site-switcher.js';
import { openWebhook, wireWebhook } from './webhook.js';
import { currentView, showView, VIEWS } from './views.js';

/** @typedef {import('./views.js').ViewName} ViewName */

// How long a moderator has to undo an action before it is sent.
const UNDO_MS = 4_000;
const STATUSES = ['held', 'approved', 'rejected'];

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const state = {
  /** @type {any} */ user: null,
  /** @type {any[]} */ sites: [],
  siteId: '',
  status: 'held',
  order: 'likely-bad',
  /** @type {any[]} */ comments: [],
  /** @type {string | null} */ next: null,
  /** @type {Record<string, number>} */ counts: {},
  focused: 0,
  /** @type {Set<string>} */ selected: new Set(),
  /** @type {{ ids: string[], action: string, status: string, removed: Array<[number, any]>, timer: number } | null} */ pending: null,
  /** Counts the queue reads, so an answer overtaken by a newer filter is dropped. */
  loads: 0,
};

function showSignIn() {
  $('dashboard').hidden = true;
  $('sign-in').hidden = false;
  $('email').focus();
}

const showWho = () => { $('who').textContent = t('nav.who', { email: state.user.email, role: t(`roles.${state.user.role}`) }); };

async function showDashboard() {
  // The user's own choice, else the browser's languages.
  await useLanguage([state.user.language, ...navigator.languages]);
  renderFilters();
  // Everything awaited before the page shows: a view chosen in the meantime would
  // open with no site, and the overview opened below would take its place.
  state.sites = (await api.get('/api/v1/sites')).sites;
  state.siteId = rememberedSite(state.sites);
  await fillLanguageSwitch();
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  showDeadLettersButton(state.user);
  // Models decide what gets published: owners and admins only (the API answers a moderator 403 anyway).
  $('show-models').hidden = state.user.role === 'moderator';
  $('show-webhook').hidden = state.user.role === 'moderator';
  showWho();
  renderSites();
  // The overview first: how the site is doing, then the work.
  await open('overview');
}

async function loadQueue(append = false) {
  if (!state.siteId) return render();
  const query = new URLSearchParams({ status: state.status, order: state.order, limit: '50', ...filterParams() });
  if (append && state.next) query.set('cursor', state.next);
  const site = `/api/v1/sites/${encodeURIComponent(state.siteId)}`;
  const load = ++state.loads;
  const [page, counts] = await Promise.all([api.get(`${site}/review?${query}`), append ? state.counts : api.get(`${site}/review/counts`)]);
  if (load !== state.loads) return;
  const current = state.sites.find((s) => s.id === state.siteId);
  if (current && !append) current.counts = counts;
  $('filter-note').hidden = !anyFilter();
  state.comments = append ? [...state.comments, ...page.comments] : page.comments;
  state.next = page.next;
  state.counts = counts;
  if (!append) {
    state.focused = 0;
    state.selected.clear();
    renderSites();
  }
  render();
}

/** @param {number} count */
const countLabel = (count) => (count > (state.counts.cap ?? Infinity) ? `${formatNumber(state.counts.cap)}+` : formatNumber(count));

const renderSites = () => renderSiteSwitcher(state.sites, state.siteId, countLabel);

function render() {
  $('tabs').replaceChildren(
    ...STATUSES.map((status) =>
      el('button', { type: 'button', role: 'tab', 'data-status': status, 'aria-selected': String(status === state.status) }, [
        t(`queue.tab.${status}`, { count: countLabel(state.counts[status] ?? 0) }),
      ]),
    ),
  );
  $('queue').replaceChildren(...state.comments.map((c) => commentCard(c, { selected: state.selected.has(c.id) })));
  $('empty').hidden = state.comments.length > 0;
  $('more').hidden = !state.next;
  $('bulk').hidden = state.selected.size === 0;
  $('selected-count').textContent = t('queue.selected', { count: state.selected.size });
  focusCard();
}

function focusCard() {
  state.focused = Math.max(0, Math.min(state.focused, state.comments.length - 1));
  const cards = $('queue').querySelectorAll('.card');
  cards.forEach((card, i) => card.classList.toggle('focused', i === state.focused));
  const card = /** @type {HTMLElement | undefined} */ (cards[state.focused]);
  // Keep focus where the moderator is typing or choosing; otherwise follow the cursor.
  if (card && !(document.activeElement instanceof HTMLSelectElement)) card.focus();
}

/**
 * Sends the action that is waiting out its undo window.
 * @param {{ leaving?: boolean }} [options] leaving: the page is going away, so the request must outlive it
 */
async function commitPending({ leaving = false } = {}) {
  const pending = state.pending;
  if (!pending) return;
  state.pending = null;
  clearTimeout(pending.timer);
  $('toast').hidden = true;
  try {
    const body = { action: pending.action, expectedStatus: pending.status };
    const options = { keepalive: leaving };
    if (pending.ids.length === 1) await api.post(`/api/v1/comments/${pending.ids[0]}/moderation`, body, options);
    else await api.post('/api/v1/comments/moderation', { ...body, ids: pending.ids }, options);
    state.counts[pending.status] = Math.max(0, (state.counts[pending.status] ?? 0) - pending.ids.length);
    render();
  } catch (error) {
    toast(t('queue.notSaved', { error: /** @type {Error} */ (error).message }), false);
    await loadQueue();
  }
}

/** @param {string} action @param {string[]} ids */
async function act(action, ids) {
  if (ids.length === 0) return;
  await commitPending();
  /** @type {Array<[number, any]>} */
  const removed = [];
  state.comments = state.comments.filter((comment, index) => {
    if (!ids.includes(comment.id)) return true;
    removed.push([index, comment]);
    return false;
  });
  ids.forEach((id) => state.selected.delete(id));
  state.pending = { ids, action, status: state.status, removed, timer: window.setTimeout(() => commitPending(), UNDO_MS) };
  render();
  toast(t(`queue.done.${action}`, { count: ids.length }), true);
}

function undo() {
  const pending = state.pending;
  if (!pending) return;
  clearTimeout(pending.timer);
  state.pending = null;
  for (const [index, comment] of pending.removed) state.comments.splice(index, 0, comment);
  $('toast').hidden = true;
  render();
}

/** @param {string} text @param {boolean} undoable */
function toast(text, undoable) {
  $('toast-text').textContent = text;
  $('undo').hidden = !undoable;
  $('toast').hidden = false;
}

/** What each view loads for the chosen site. */
const OPENERS = {
  overview: () => openOverview(state.siteId),
  queue: () => { closeAuthor(); return loadQueue(); },
  settings: () => openSettings(state.siteId, state.user),
  models: () => openModels(state.siteId),
  qa: () => openQa(state.siteId),
  webhook: () => openWebhook(state.siteId),
  deadLetters: () => openDeadLetters(),
};

// The latest view asked for: one asked for while an earlier one was still
// waiting (the overview opening after sign-in, say) must not be replaced by it.
let latestOpen = 0;

/**
 * Sends any action waiting out its undo window, then shows and loads a view.
 * @param {ViewName} name
 */
async function open(name) {
  const ticket = ++latestOpen;
  await commitPending();
  if (ticket !== latestOpen) return;
  showView(name);
  if (name !== 'queue') render();
  await OPENERS[name]();
}

/** @param {string} id */
async function showHistory(id) {
  const { events } = await api.get(`/api/v1/comments/${id}/history`);
  $('history').replaceChildren(...events.map(historyItem));
  $('drawer').hidden = false;
  $('drawer-close').focus();
}

const focusedId = () => state.comments[state.focused]?.id;
const targets = () => (state.selected.size > 0 ? [...state.selected] : focusedId() ? [focusedId()] : []);

/** @param {KeyboardEvent} event */
function onKey(event) {
  if ($('dashboard').hidden || $('queue-view').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = /** @type {HTMLElement} */ (event.target);
  if (target.matches('input:not([type=checkbox]), select, textarea')) return;
  if (authorViewOpen()) {
    if (event.key === 'Escape' && $('drawer').hidden) backToQueue();
    return;
  }
  const id = focusedId();
  const keys = {
    j: () => { state.focused += 1; focusCard(); },
    k: () => { state.focused -= 1; focusCard(); },
    a: () => act('approve', targets()),
    r: () => act('reject', targets()),
    s: () => act('spam', targets()),
    x: () => { if (id) { state.selected.has(id) ? state.selected.delete(id) : state.selected.add(id); render(); } },
    h: () => id && showHistory(id),
    u: () => id && openAuthor(id),
    '/': () => /** @type {HTMLElement} */ (document.getElementById('filter-q')).focus(),
    Escape: () => { $('drawer').hidden = true; },
  };
  const handler = keys[/** @type {keyof typeof keys} */ (event.key)];
  if (handler) {
    event.preventDefault();
    handler();
  }
}

/** @param {string} siteId */
async function switchSite(siteId) {
  await commitPending();
  state.siteId = siteId;
  rememberSite(siteId);
  // Articles and words belong to the site left behind.
  setFilters({});
  closeAuthor();
  await open(currentView());
}

function backToQueue() {
  closeAuthor();
  return loadQueue();
}

function wire() {
  wireFilters(() => loadQueue());
  wireAuthor(backToQueue);
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    try {
      state.user = await api.signIn(/** @type {HTMLInputElement} */ ($('email')).value, /** @type {HTMLInputElement} */ ($('password')).value);
      await showDashboard();
    } catch (error) {
      $('sign-in-error').textContent = /** @type {Error} */ (error).message;
    }
  });
  $('sign-out').addEventListener('click', async () => {
    await commitPending();
    await api.signOut();
    showSignIn();
  });
  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const card = target.closest('#queue .card');
    if (card) state.focused = [...$('queue').children].indexOf(card);
    if (target.dataset.action && target.dataset.id) act(target.dataset.action, [target.dataset.id]);
    if (target.dataset.bulk) act(target.dataset.bulk, [...state.selected]);
    if (target.dataset.history) showHistory(target.dataset.history);
    if (target.dataset.status) commitPending().then(() => { state.status = /** @type {string} */ (target.dataset.status); return loadQueue(); });
    if (target.dataset.author) commitPending().then(() => openAuthor(/** @type {string} */ (target.dataset.author)));
    if (target.dataset.article) {
      setFilters({ ...filterParams(), article: target.dataset.article });
      loadQueue();
    }
  });
  document.addEventListener('change', (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.dataset.select) {
      if (target.checked) state.selected.add(target.dataset.select);
      else state.selected.delete(target.dataset.select);
      render();
    }
    if (target.id === 'order') {
      state.order = target.value;
      loadQueue();
    }
    if (target.id === 'site-switcher') switchSite(target.value);
  });
  $('more').addEventListener('click', () => loadQueue(true));
  for (const [name, { button }] of Object.entries(VIEWS)) $(button).addEventListener('click', () => open(/** @type {ViewName} */ (name)));
  wireSettings();
  wireDeadLetters();
  wireModels();
  wireQa();
  wireOverview();
  wireWebhook();
  wireLanguageSwitch({
    switched: async (language) => {
      state.user.language = language;
      showWho();
      renderFilters();
      await open(currentView());
    },
    failed: (error) => toast(error.message, false),
  });
  $('undo').addEventListener('click', undo);
  $('drawer-close').addEventListener('click', () => { $('drawer').hidden = true; });
  document.addEventListener('keydown', onKey);
  // Leaving the page inside the undo window still saves the action: a keepalive
  // request, since the browser cancels the page's other requests as it goes.
  window.addEventListener('pagehide', () => { commitPending({ leaving: true }); });
}

wire();
api.currentSession().then(async (user) => {
  state.user = user;
  if (user) return showDashboard();
  await useLanguage([...navigator.languages]);
  showSignIn();
});
