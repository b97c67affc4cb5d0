// @ts-check
import * as api from './api.js';
import { histogramSvg } from './histogram.js';
import { el, percent, when } from './render.js';
import { t } from './i18n.js';

const BANDS = /** @type {const} */ (['spam', 'toxicity']);
const EDGES = /** @type {const} */ (['approveBelow', 'rejectAbove']);
const PREVIEW_DELAY_MS = 250;

/** @type {{ siteId: string, saved: any, draft: any, preview: any, timer: number, canEdit: boolean }} */
const state = { siteId: '', saved: null, draft: null, preview: null, timer: 0, canEdit: false };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {string} text */
const wordsOf = (text) => text.split('\n').map((w) => w.trim()).filter(Boolean);

/**
 * Shows the settings of a site: sliders over score histograms, a live
 * preview of what the draft would have decided, Save, and the version history.
 * @param {string} siteId @param {{ role: string }} user
 */
export async function openSettings(siteId, user) {
  state.siteId = siteId;
  state.canEdit = user.role !== 'moderator';
  const { settings, version } = await api.get(`/api/v1/sites/${encodeURIComponent(siteId)}/settings`);
  state.saved = { settings, version };
  state.draft = structuredClone(settings);
  renderControls();
  await refreshPreview();
  await renderVersions();
}

function changedKeys() {
  /** @type {Record<string, unknown>} */
  const patch = {};
  for (const [key, value] of Object.entries(state.draft)) {
    if (JSON.stringify(value) !== JSON.stringify(state.saved.settings[key])) patch[key] = value;
  }
  return patch;
}

async function refreshPreview() {
  try {
    state.preview = await api.post(`/api/v1/sites/${encodeURIComponent(state.siteId)}/settings/preview`, changedKeys());
    renderPreview('');
  } catch (error) {
    renderPreview(/** @type {Error} */ (error).message);
  }
}

function schedulePreview() {
  clearTimeout(state.timer);
  state.timer = window.setTimeout(refreshPreview, PREVIEW_DELAY_MS);
}

/** @param {'spam' | 'toxicity'} band @param {'approveBelow' | 'rejectAbove'} edge */
function slider(band, edge) {
  const id = `${band}-${edge}`;
  const input = /** @type {HTMLInputElement} */ (el('input', { id, type: 'range', min: '0', max: '1', step: '0.01', 'data-band': band, 'data-edge': edge }));
  input.value = String(state.draft[band][edge]);
  input.disabled = !state.canEdit;
  const label = edge === 'approveBelow' ? t('settings.approveBelow') : t('settings.rejectFrom');
  return el('div', { class: 'slider' }, [el('label', { for: id }, [`${label} `, el('output', { for: id }, [Number(input.value).toFixed(2)])]), input]);
}

/** @param {'now' | 'proposed'} which @param {any} counts */
const countsTable = (which, counts) =>
  el('div', { class: 'counts', 'data-counts': which }, [
    el('strong', {}, [t(`settings.${which}`)]),
    ` ${t('settings.counts', { approve: counts.approve, hold: counts.hold, reject: counts.reject })}`,
  ]);

/** The controls, built once per opening and after a save, so focus stays on the slider being moved. */
function renderControls() {
  const bands = BANDS.map((band) =>
    el('fieldset', { class: 'band' }, [
      el('legend', {}, [band === 'spam' ? t('settings.spam') : t('settings.toxicity')]),
      el('div', { class: 'histogram-slot', 'data-histogram': band }),
      ...EDGES.map((edge) => slider(band, edge)),
    ]),
  );
  const rules = el('fieldset', { class: 'rules' }, [
    el('legend', {}, [t('settings.rules')]),
    el('label', { for: 'max-links' }, [t('settings.maxLinks')]),
    el('input', { id: 'max-links', type: 'number', min: '0', max: '1000', value: String(state.draft.maxLinks), 'data-key': 'maxLinks' }),
    el('label', { class: 'check' }, [el('input', { type: 'checkbox', id: 'premoderate', 'data-key': 'premoderate', ...(state.draft.premoderate ? { checked: '' } : {}) }), ` ${t('settings.premoderate')}`]),
    el('label', { for: 'hold-words' }, [t('settings.holdWords')]),
    el('textarea', { id: 'hold-words', rows: '4', 'data-key': 'holdWords' }, [(state.draft.holdWords ?? []).join('\n')]),
    el('label', { for: 'block-words' }, [t('settings.blockWords')]),
    el('textarea', { id: 'block-words', rows: '4', 'data-key': 'blockWords' }, [(state.draft.blockWords ?? []).join('\n')]),
  ]);
  const save = el('button', { id: 'save-settings', type: 'button', class: 'primary' }, [t('settings.save')]);
  if (!state.canEdit) save.setAttribute('disabled', '');
  $('settings').replaceChildren(
    el('h2', { id: 'settings-title' }, [t('settings.title', { version: state.saved.version })]),
    el('p', { id: 'settings-error', class: 'error', role: 'alert' }),
    el('div', { class: 'settings-grid' }, [
      el('div', {}, [...bands, rules, save]),
      el('div', {}, [el('section', { id: 'preview', class: 'preview', 'aria-live': 'polite' }), el('h3', {}, [t('settings.history')]), el('ol', { id: 'versions' })]),
    ]),
  );
}

function renderHistograms() {
  for (const band of BANDS) {
    const slot = $('settings').querySelector(`[data-histogram="${band}"]`);
    slot?.replaceChildren(histogramSvg(state.preview?.histograms?.[band] ?? new Array(20).fill(0), state.draft[band], band === 'spam' ? t('settings.spam') : t('settings.toxicity')));
  }
}

/** @param {string} error */
function renderPreview(error) {
  $('settings-error').textContent = error;
  renderHistograms();
  const preview = state.preview;
  if (!preview) return;
  $('preview').replaceChildren(
    el('h3', {}, [t('settings.previewTitle', { count: preview.total })]),
    countsTable('now', preview.current),
    countsTable('proposed', preview.proposed),
    el('p', {}, [
      t('settings.agreement', {
        labelled: preview.agreement.labelled,
        precisionNow: percent(preview.agreement.current.rejectPrecision),
        precisionProposed: percent(preview.agreement.proposed.rejectPrecision),
        recallNow: percent(preview.agreement.current.rejectRecall),
        recallProposed: percent(preview.agreement.proposed.rejectRecall),
        missedNow: preview.agreement.current.approvedButModeratorsRejected,
        missedProposed: preview.agreement.proposed.approvedButModeratorsRejected,
      }),
    ]),
    el('p', { id: 'changed-total' }, [t('settings.changedTotal', { count: preview.changedTotal })]),
    el('ol', { class: 'changed' }, preview.changed.slice(0, 50).map((/** @type {any} */ c) => el('li', {}, [`${c.id.slice(0, 8)}… ${c.from} → ${c.to}`]))),
  );
}

async function renderVersions() {
  const { versions } = await api.get(`/api/v1/sites/${encodeURIComponent(state.siteId)}/settings/versions`);
  $('versions').replaceChildren(
    ...versions.map((/** @type {any} */ v) => el('li', {}, [`v${v.version} · ${when(v.createdAt)} · ${v.changedBy ?? t('settings.created')}`])),
  );
}

async function save() {
  try {
    const saved = await api.put(`/api/v1/sites/${encodeURIComponent(state.siteId)}/settings`, changedKeys());
    state.saved = saved;
    state.draft = structuredClone(saved.settings);
    renderControls();
    await refreshPreview();
    await renderVersions();
  } catch (error) {
    $('settings-error').textContent = /** @type {Error} */ (error).message;
  }
}

/** Wires the settings panel's inputs once. */
export function wireSettings() {
  $('settings').addEventListener('input', (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    if (input.dataset.band && input.dataset.edge) {
      state.draft[input.dataset.band][input.dataset.edge] = Number(input.value);
      const output = input.parentElement?.querySelector('output');
      if (output) output.textContent = Number(input.value).toFixed(2);
      renderHistograms();
    } else if (input.dataset.key === 'maxLinks') state.draft.maxLinks = Number(input.value);
    else if (input.dataset.key === 'premoderate') state.draft.premoderate = input.checked;
    else if (input.dataset.key === 'holdWords' || input.dataset.key === 'blockWords') state.draft[input.dataset.key] = wordsOf(input.value);
    else return;
    schedulePreview();
  });
  $('settings').addEventListener('click', (event) => {
    if (/** @type {HTMLElement} */ (event.target).id === 'save-settings') save();
  });
}
