// @ts-check
/**
 * A site's own models: which decides, which runs in shadow, the candidates'
 * held-out figures beside live's, agreement with moderators per week, the
 * shadow's disagreements, and the audit trail; Train, Shadow, Promote
 * (forced only after an explicit confirmation) and Roll back.
 */
import * as api from './api.js';
import { lineChart } from './line-chart.js';
import { comparisonView } from './model-comparison.js';
import { el, percent, showLoadError, when } from './render.js';
import { t } from './i18n.js';

// Training runs in the workers; the page looks for the new version this often, this long.
const TRAINING_POLL_MS = 5_000;
const TRAINING_WATCH_MS = 5 * 60_000;
const ORDER = { live: 0, shadow: 1, candidate: 2, retired: 3 };

/** @type {{ siteId: string, data: any, comparing: number | null, watch: number }} */
const state = { siteId: '', data: null, comparing: null, watch: 0 };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const modelsPath = () => `/api/v1/sites/${encodeURIComponent(state.siteId)}/models`;
/** @param {string} text */
const say = (text) => { $('models-status').textContent = text; };

/** @param {string} siteId */
export async function openModels(siteId) {
  clearTimeout(state.watch);
  state.siteId = siteId;
  state.comparing = null;
  await load();
}

async function load() {
  try {
    state.data = await api.get(modelsPath());
  } catch (error) {
    showLoadError('models', error);
    return;
  }
  render();
  const compare = state.comparing ?? state.data.shadow;
  if (compare !== null) await showComparison(compare);
}

/** A model version as the agreement rows name it: the shipped model's, `…+site-v3`, or `shadow v3`. @param {string} model */
function modelLabel(model) {
  const site = /\+site-v(\d+)$/.exec(model);
  if (site) return t('models.siteVersion', { version: String(site[1]) });
  if (/^shadow v\d+$/.test(model)) return t('models.inShadow', { version: model.slice('shadow v'.length) });
  return t('models.shippedVersion', { model });
}

/** @param {any} model */
function modelRow(model) {
  const { candidate, live, liveVersion } = model.metrics;
  const against = liveVersion === null ? t('models.shipped') : `v${liveVersion}`;
  /** @param {keyof typeof candidate} key @param {(value: any) => string} format */
  const figure = (key, format) =>
    el('td', { class: 'number', 'data-figure': String(key) }, [format(candidate[key]), el('br'), el('span', { class: 'muted' }, [`${against} ${format(live[key])}`])]);
  const auc = (/** @type {number | null} */ value) => (value === null ? '—' : value.toFixed(2));
  /** @param {string} action @param {string} label */
  const button = (action, label) => el('button', { type: 'button', 'data-model-action': action, 'data-version': String(model.version) }, [label]);
  const actions = [
    ...(model.status === 'candidate' || model.status === 'retired' ? [button('shadow', t('models.shadow'))] : []),
    ...(model.status === 'live' ? [] : [button('promote', t('models.promote'))]),
    button('compare', t('models.compare')),
  ];
  return el('tr', { 'data-model': String(model.version), 'data-status': model.status }, [
    el('th', { scope: 'row' }, [`v${model.version}`, ...(model.worseThanLive ? [' ', el('span', { class: 'badge worse', title: t('models.worseTitle') }, [t('models.worse')])] : [])]),
    el('td', {}, [t(`models.status.${model.status}`)]),
    figure('agreement', (v) => percent(v, 1)),
    figure('cleanHeld', (v) => percent(v, 1)),
    figure('badApproved', (v) => percent(v, 1)),
    figure('rocAuc', auc),
    el('td', { class: 'number' }, [`${model.trainingData.trainLabels} / ${candidate.labels}`, el('br'), el('span', { class: 'muted' }, [t('models.cleanBad', { clean: candidate.clean, bad: candidate.bad })])]),
    el('td', {}, [when(model.createdAt)]),
    el('td', { class: 'row-actions' }, actions),
  ]);
}

const shippedRow = () =>
  el('tr', { 'data-model': 'shipped', 'data-status': 'live' }, [
    el('th', { scope: 'row' }, [t('models.shippedRow')]),
    el('td', {}, [t('models.status.live')]),
    el('td', { colspan: '7', class: 'muted' }, [t('models.shippedDecides')]),
  ]);

/** @param {any} event */
function eventItem(event) {
  const target = event.version === null ? t('models.shippedModel') : `v${event.version}`;
  const known = ['train', 'shadow', 'unshadow', 'promote', 'rollback'].includes(event.action);
  const details = event.details ?? {};
  const extra = event.action === 'promote' && 'previous' in details ? t('models.event.was', { target: details.previous === null ? t('models.shippedModel') : `v${details.previous}` }) : event.action === 'rollback' && details.retired ? t('models.event.retired', { version: details.retired }) : '';
  return el('li', {}, [
    el('strong', {}, [known ? t(`models.event.${event.action}`, { target }) : `${event.action} ${target}`]),
    extra,
    ...(event.forced ? [' ', el('span', { class: 'badge worse' }, [t('models.event.forced')])] : []),
    t('models.event.by', { actor: event.actor }),
    el('time', { datetime: event.at }, [when(event.at)]),
  ]);
}

function agreementChart() {
  /** @type {Map<string, import('./line-chart.js').ChartPoint[]>} */
  const byModel = new Map();
  for (const row of state.data.agreement) {
    const name = modelLabel(row.model);
    const share = row.agreed / row.labelled;
    const points = byModel.get(name) ?? [];
    points.push({ x: row.week, y: share, title: t('models.point', { name, week: row.week, agreed: row.agreed, labelled: row.labelled, share: percent(share, 1) }) });
    byModel.set(name, points);
  }
  if (byModel.size === 0) return el('p', { class: 'muted' }, [t('models.noAgreement')]);
  return lineChart([...byModel].map(([name, points]) => ({ name, points })), { label: t('models.chartLabel') });
}

function render() {
  const { live, shadow, models, events } = state.data;
  const sorted = [...models].sort((a, b) => ORDER[/** @type {keyof typeof ORDER} */ (a.status)] - ORDER[/** @type {keyof typeof ORDER} */ (b.status)] || b.version - a.version);
  const head = [...['model', 'status', 'agreement', 'cleanHeld', 'badApproved', 'rocAuc', 'labels', 'trained'].map((column) => t(`models.column.${column}`)), ''];
  const rollback = el('button', { type: 'button', 'data-model-action': 'rollback' }, [t('models.rollBack')]);
  if (live === null) rollback.setAttribute('disabled', '');
  $('models').replaceChildren(
    el('h2', {}, [t('models.title')]),
    el('p', { id: 'models-summary' }, [
      live === null ? t('models.shippedLive') : t('models.siteLive', { version: live }),
      shadow === null ? '' : t('models.shadowRuns', { version: shadow }),
    ]),
    el('div', { class: 'model-actions' }, [el('button', { type: 'button', class: 'primary', 'data-model-action': 'train' }, [t('models.train')]), rollback]),
    el('p', { id: 'models-status', role: 'status', 'aria-live': 'polite' }),
    el('p', { class: 'muted' }, [t('models.figuresNote')]),
    el('table', { class: 'models-table' }, [
      el('thead', {}, [el('tr', {}, head.map((h) => el('th', { scope: 'col' }, [h])))]),
      el('tbody', {}, [...(live === null ? [shippedRow()] : []), ...sorted.map(modelRow)]),
    ]),
    el('h3', {}, [t('models.agreementTitle')]),
    agreementChart(),
    el('section', { id: 'model-comparison', 'aria-label': t('models.comparison') }),
    el('h3', {}, [t('models.history')]),
    events.length ? el('ol', { id: 'model-events', class: 'events' }, events.map(eventItem)) : el('p', { class: 'muted' }, [t('models.noEvents')]),
    forceDialog(),
  );
}

function forceDialog() {
  return el('dialog', { id: 'force-promote', 'aria-labelledby': 'force-promote-title' }, [
    el('h3', { id: 'force-promote-title' }, [t('models.forceTitle')]),
    el('p', { id: 'force-promote-reason' }),
    el('p', {}, [t('models.forceText')]),
    el('div', { class: 'model-actions' }, [
      el('button', { type: 'button', class: 'danger', 'data-model-action': 'force' }, [t('models.forcePromote')]),
      el('button', { type: 'button', 'data-model-action': 'cancel' }, [t('models.cancel')]),
    ]),
  ]);
}

/** @param {number} version */
async function showComparison(version) {
  state.comparing = version;
  const comparison = await api.get(`${modelsPath()}/${version}/comparison?limit=50`);
  $('model-comparison').replaceWith(comparisonView(comparison));
}

/** Reloads until a version newer than `newest` shows, for a while. @param {number} newest @param {number} deadline */
function watchTraining(newest, deadline) {
  const siteId = state.siteId;
  state.watch = window.setTimeout(async () => {
    if (siteId !== state.siteId || $('models').hidden) return;
    const data = await api.get(modelsPath()).catch(() => null);
    const trained = data?.models.find((/** @type {any} */ m) => m.version > newest);
    if (trained) {
      await load();
      say(t('models.trainingFinished', { version: trained.version }));
    } else if (Date.now() < deadline) watchTraining(newest, deadline);
  }, TRAINING_POLL_MS);
}

/** @param {string} action @param {number} version */
async function act(action, version) {
  const path = modelsPath();
  const dialog = /** @type {HTMLDialogElement} */ ($('force-promote'));
  if (action === 'train') {
    const { jobId } = await api.post(`${path}/train`, {});
    say(t('models.trainingQueued', { job: jobId }));
    clearTimeout(state.watch);
    watchTraining(Math.max(0, ...state.data.models.map((/** @type {any} */ m) => m.version)), Date.now() + TRAINING_WATCH_MS);
  } else if (action === 'compare') await showComparison(version);
  else if (action === 'cancel') dialog.close();
  else if (action === 'shadow') {
    await api.post(`${path}/${version}/shadow`, {});
    state.comparing = version;
    await load();
    say(t('models.nowShadow', { version }));
  } else if (action === 'rollback') {
    const { retired, live } = await api.post(`${path}/rollback`, {});
    await load();
    say(t('models.rolledBack', { retired, live: live === null ? t('models.shippedModel') : `v${live}` }));
  } else if (action === 'promote' || action === 'force') {
    try {
      await api.post(`${path}/${version}/promote`, action === 'force' ? { force: true } : {});
    } catch (error) {
      const { code, message } = /** @type {Error & { code?: string }} */ (error);
      if (code !== 'worse_than_live' || action === 'force') throw error;
      $('force-promote-reason').textContent = message;
      dialog.dataset.version = String(version);
      dialog.showModal();
      return;
    }
    dialog.close();
    await load();
    say(t(action === 'force' ? 'models.nowLiveForced' : 'models.nowLive', { version }));
  }
}

/** Wires the Models view's buttons once. */
export function wireModels() {
  $('models').addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button');
    const action = button?.dataset.modelAction;
    if (!button || !action) return;
    // The dialog's buttons act on the version it was opened for.
    const version = Number(button.dataset.version ?? $('force-promote').dataset.version);
    button.setAttribute('disabled', '');
    act(action, version)
      .catch((error) => {
        /** @type {HTMLDialogElement} */ ($('force-promote')).close();
        say(/** @type {Error} */ (error).message);
      })
      .finally(() => button.removeAttribute('disabled'));
  });
}
