// @ts-check
/**
 * Quality check: a random sample of auto-approved comments for a moderator
 * to confirm or mark, and from their verdicts the share of bad comments
 * among everything approved automatically, per week with its 95 % interval.
 */
import * as api from './api.js';
import { lineChart } from './line-chart.js';
import { el, percent, when } from './render.js';
import { t } from './i18n.js';

const STATUSES = /** @type {const} */ (['pending', 'reviewed', 'all']);
const VERDICTS = /** @type {const} */ (['ok', 'spam', 'toxic']);
const LIMIT = 100;
const AXIS_TOPS = [0.04, 0.08, 0.2, 0.4, 0.6, 0.8, 1];

/** @type {{ siteId: string, status: typeof STATUSES[number], data: any }} */
const state = { siteId: '', status: 'pending', data: null };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const qaPath = () => `/api/v1/sites/${encodeURIComponent(state.siteId)}/qa`;

/** @param {string} siteId */
export async function openQa(siteId) {
  state.siteId = siteId;
  await load();
}

async function load() {
  try {
    state.data = await api.get(`${qaPath()}?${new URLSearchParams({ status: state.status, limit: String(LIMIT) })}`);
  } catch (error) {
    $('qa').replaceChildren(el('h2', {}, [t('qa.title')]), el('p', { class: 'error', role: 'alert' }, [/** @type {Error} */ (error).message]));
    return;
  }
  render();
}

/** @param {{ reviewed: number, bad: number, share: number | null, low: number | null, high: number | null }} e */
const interval = (e) => (e.share === null ? '—' : `${percent(e.low, 1)} – ${percent(e.high, 1)}`);

function estimateView() {
  const { weeks, overall } = state.data.estimate;
  const summary =
    overall.share === null
      ? t('qa.noEstimate')
      : t('qa.estimate', { reviewed: overall.reviewed, bad: overall.bad, share: percent(overall.share, 1), interval: interval(overall) });
  const measured = weeks.filter((/** @type {any} */ w) => w.share !== null);
  // Weeks in which nothing was drawn say nothing; the table leaves them out.
  const rows = weeks.filter((/** @type {any} */ w) => w.sampled > 0 || w.reviewed > 0).map((/** @type {any} */ w) =>
    el('tr', { 'data-week': w.week }, [
      el('th', { scope: 'row' }, [w.week, el('br'), el('span', { class: 'muted' }, [t('qa.weekFrom', { date: w.start })])]),
      el('td', { class: 'number' }, [String(w.sampled)]),
      el('td', { class: 'number' }, [String(w.reviewed)]),
      el('td', { class: 'number' }, [String(w.bad)]),
      el('td', { class: 'number' }, [percent(w.share, 1)]),
      el('td', { class: 'number' }, [interval(w)]),
    ]),
  );
  const points = measured.map((/** @type {any} */ w) => ({ x: w.week, y: w.share, low: w.low, high: w.high, title: t('qa.point', { week: w.week, bad: w.bad, reviewed: w.reviewed, share: percent(w.share, 1), interval: interval(w) }) }));
  // The axis stops just above the highest interval (bad shares are small: on a 100 % axis they would be a flat line),
  // at a top whose quarters are whole percentages.
  const highest = Math.max(0, ...measured.map((/** @type {any} */ w) => w.high));
  const yMax = AXIS_TOPS.find((top) => top >= highest) ?? 1;
  return el('section', { class: 'qa-estimate', 'aria-label': t('qa.estimateRegion') }, [
    el('p', { id: 'qa-overall' }, [summary]),
    ...(measured.length ? [lineChart([{ name: t('qa.series'), points }], { label: t('qa.chartLabel'), yMax })] : []),
    el('table', { class: 'qa-weeks' }, [
      el('thead', {}, [el('tr', {}, ['week', 'drawn', 'checked', 'bad', 'share', 'interval'].map((h) => el('th', { scope: 'col' }, [t(`qa.column.${h}`)])))]),
      el('tbody', {}, rows),
    ]),
  ]);
}

/**
 * One sample: its verdict once checked (a correction goes through the review
 * queue, the API refuses a second verdict), else the three buttons.
 * @param {any} sample
 */
function sampleCard(sample) {
  const buttons = VERDICTS.map((verdict) =>
    el('button', { type: 'button', class: verdict === 'ok' ? 'approve' : verdict, 'data-qa': sample.commentId, 'data-verdict': verdict }, [t(`qa.verdict.${verdict}`)]),
  );
  const moved = sample.status && sample.status !== 'approved' ? t('qa.movedNow', { status: sample.status }) : '';
  return el('li', { class: 'card', 'data-sample': sample.commentId }, [
    el('header', {}, [
      el('strong', {}, [sample.authorName]),
      el('span', { class: 'muted' }, [t('qa.meta', { article: sample.articleId, date: when(sample.decidedAt), spam: sample.spamScore.toFixed(2), toxicity: sample.toxicityScore.toFixed(2), moved })]),
    ]),
    el('p', { class: 'body' }, [sample.body]),
    sample.verdict === null
      ? el('div', { class: 'actions' }, buttons)
      : el('p', { class: 'verdict', 'data-verdict': sample.verdict }, [t('qa.checked', { verdict: sample.verdict, actor: sample.reviewedBy, date: when(sample.reviewedAt) })]),
  ]);
}

function render() {
  const { samples, sampleRate } = state.data;
  $('qa').replaceChildren(
    el('h2', {}, [t('qa.title')]),
    el('p', { class: 'muted' }, [t('qa.intro', { share: percent(sampleRate, 1) })]),
    estimateView(),
    el('div', { class: 'qa-tabs', role: 'group', 'aria-label': t('qa.samples') }, STATUSES.map((status) =>
      el('button', { type: 'button', 'data-qa-status': status, 'aria-pressed': String(status === state.status) }, [t(`qa.tab.${status}`)]),
    )),
    el('p', { id: 'qa-status', role: 'status', 'aria-live': 'polite' }),
    samples.length ? el('ol', { class: 'queue qa-samples', 'aria-label': t('qa.samples') }, samples.map(sampleCard)) : el('p', { class: 'empty' }, [state.status === 'pending' ? t('qa.nothingToCheck') : t('qa.noSamples')]),
    ...(state.data.next ? [el('p', { class: 'muted' }, [t('qa.newest', { count: LIMIT })])] : []),
  );
}

/** @param {string} commentId @param {'ok' | 'spam' | 'toxic'} verdict */
async function judge(commentId, verdict) {
  await api.post(`${qaPath()}/${encodeURIComponent(commentId)}`, { verdict });
  await load();
  $('qa-status').textContent = t(`qa.said.${verdict}`);
}

/** Wires the QA view's buttons once. */
export function wireQa() {
  $('qa').addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button');
    if (button?.dataset.qaStatus) {
      state.status = /** @type {typeof STATUSES[number]} */ (button.dataset.qaStatus);
      load();
    } else if (button?.dataset.qa && button.dataset.verdict) {
      button.setAttribute('disabled', '');
      judge(button.dataset.qa, /** @type {'ok' | 'spam' | 'toxic'} */ (button.dataset.verdict)).catch((error) => {
        button.removeAttribute('disabled');
        $('qa-status').textContent = /** @type {Error} */ (error).message;
      });
    }
  });
}
