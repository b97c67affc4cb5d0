// @ts-check
/**
 * The overview: what a site's comments have been doing over 7, 30 or 90
 * days, as charts (see docs/overview.md for what each counts), and the queue
 * now. Each chart has a title, a one-sentence summary for screen readers,
 * and its numbers as a table under "Show the numbers".
 */
import * as api from './api.js';
import { chartFigure, horizontalBarChart, stackedBarChart } from './bar-chart.js';
import { lineChartSvg } from './line-chart.js';
import { el, percent } from './render.js';

const RANGES = [7, 30, 90];
// Bottom to top in each day's column; the class gives the colour (admin.css).
const OUTCOMES = /** @type {const} */ ([
  { key: 'autoApproved', name: 'approved automatically', className: 'outcome-auto' },
  { key: 'moderatorApproved', name: 'approved by moderators', className: 'outcome-moderator' },
  { key: 'held', name: 'held, waiting', className: 'outcome-held' },
  { key: 'rejected', name: 'rejected', className: 'outcome-rejected' },
]);
const OVERRIDES = /** @type {const} */ ([
  { key: 'approvalsOverturned', name: 'automatic approvals rejected', className: 'outcome-rejected' },
  { key: 'rejectionsOverturned', name: 'automatic rejections approved', className: 'outcome-moderator' },
]);

/** @type {{ siteId: string, days: number, data: any }} */
const state = { siteId: '', days: 30, data: null };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} day YYYY-MM-DD */
const shortDay = (day) => day.slice(5);
/** @param {number} n @param {string} one @param {string} many */
const count = (n, one, many) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * A duration as a person says it: "3 d 4 h", "5 h 12 min", "40 s".
 * @param {number | null} seconds
 */
export function age(seconds) {
  if (seconds === null) return '—';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return minutes > 0 ? `${minutes} min` : `${seconds} s`;
}

/** @param {string} siteId */
export async function openOverview(siteId) {
  state.siteId = siteId;
  await load();
}

async function load() {
  if (!state.siteId) {
    $('overview').replaceChildren(el('h2', {}, ['Overview']), el('p', { class: 'empty' }, ['No site to show.']));
    return;
  }
  try {
    state.data = await api.get(`/api/v1/sites/${encodeURIComponent(state.siteId)}/overview?days=${state.days}`);
  } catch (error) {
    $('overview').replaceChildren(el('h2', {}, ['Overview']), el('p', { class: 'error', role: 'alert' }, [/** @type {Error} */ (error).message]));
    return;
  }
  render();
}

function figures() {
  const { perDay, weeks, reasons, languages } = state.data;
  const total = (/** @type {any} */ d) => d.autoApproved + d.moderatorApproved + d.held + d.rejected;
  const comments = perDay.reduce((/** @type {number} */ sum, /** @type {any} */ d) => sum + total(d), 0);
  const days = perDay.map((/** @type {any} */ d) => d.day);
  const outcomeSeries = OUTCOMES.map((o) => ({ name: o.name, className: o.className, values: perDay.map((/** @type {any} */ d) => d[o.key]) }));
  const sums = OUTCOMES.map((o) => `${perDay.reduce((/** @type {number} */ s, /** @type {any} */ d) => s + d[o.key], 0).toLocaleString()} ${o.name}`);
  const measured = perDay.filter((/** @type {any} */ d) => total(d) > 0);
  const overrides = weeks.map((/** @type {any} */ w) => w.approvalsOverturned + w.rejectionsOverturned);
  const resolved = weeks.reduce((/** @type {number} */ s, /** @type {any} */ w) => s + w.holdsResolved, 0);
  const weekName = (/** @type {any} */ w) => (w.days < 7 ? `${w.week} (${w.days} of 7 days)` : w.week);
  const reasonItems = reasons.map((/** @type {any} */ r) => ({ name: r.code, value: r.comments }));
  const languageItems = languages.map((/** @type {any} */ l) => ({ name: l.language === null ? 'not detected' : l.language === 'und' ? 'not recognised' : l.language, value: l.comments }));
  return [
    chartFigure({
      id: 'overview-outcomes',
      title: 'Comments per day, by where they stand now',
      chart: stackedBarChart(days, outcomeSeries, {
        label: `${count(comments, 'comment', 'comments')} over ${state.days} days: ${sums.join(', ')}.`,
        tickLabel: shortDay,
      }),
      legend: OUTCOMES,
      table: { head: ['Day', ...OUTCOMES.map((o) => o.name)], rows: perDay.map((/** @type {any} */ d) => [d.day, ...OUTCOMES.map((o) => d[o.key])]) },
    }),
    chartFigure({
      id: 'overview-share',
      title: 'Share approved automatically, per day',
      chart: lineChartSvg(
        [{ name: 'approved automatically', points: measured.map((/** @type {any} */ d) => ({ x: d.day, y: d.autoApproved / total(d), title: `${d.day}: ${percent(d.autoApproved / total(d))} of ${total(d)}` })) }],
        { label: `${percent(state.data.autoApprovedShare)} of the range's comments were approved automatically; ${measured.length} of ${state.days} days had comments.` },
      ),
      table: { head: ['Day', 'Comments', 'Approved automatically'], rows: measured.map((/** @type {any} */ d) => [d.day, total(d), percent(d.autoApproved / total(d))]) },
    }),
    chartFigure({
      id: 'overview-overrides',
      title: "Moderators overriding the scorer, per week",
      chart: stackedBarChart(
        weeks.map((/** @type {any} */ w) => w.week),
        OVERRIDES.map((o) => ({ name: o.name, className: o.className, values: weeks.map((/** @type {any} */ w) => w[o.key]) })),
        { label: `${count(overrides.reduce((/** @type {number} */ a, /** @type {number} */ b) => a + b, 0), 'override', 'overrides')} and ${count(resolved, 'hold', 'holds')} resolved in ${weeks.length} weeks.`, tickLabel: shortDay },
      ),
      legend: OVERRIDES,
      table: {
        head: ['Week from', ...OVERRIDES.map((o) => o.name), 'holds resolved'],
        rows: weeks.map((/** @type {any} */ w) => [weekName(w), ...OVERRIDES.map((o) => w[o.key]), w.holdsResolved]),
      },
    }),
    chartFigure({
      id: 'overview-reasons',
      title: 'Top reasons given',
      chart: reasonItems.length
        ? horizontalBarChart(reasonItems, { label: `Most given: ${reasonItems.slice(0, 3).map((/** @type {any} */ r) => `${r.name} (${r.value})`).join(', ')}.`, className: 'outcome-held' })
        : el('p', { class: 'muted' }, ['No reasons given in this range.']),
      table: { head: ['Reason', 'Comments'], rows: reasonItems.map((/** @type {any} */ r) => [r.name, r.value]) },
    }),
    chartFigure({
      id: 'overview-languages',
      title: 'Comments by language',
      chart: languageItems.length
        ? horizontalBarChart(languageItems, { label: `Languages: ${languageItems.map((/** @type {any} */ l) => `${l.name} ${l.value}`).join(', ')}.` })
        : el('p', { class: 'muted' }, ['No comments in this range.']),
      table: { head: ['Language', 'Comments'], rows: languageItems.map((/** @type {any} */ l) => [l.name, l.value]) },
    }),
  ];
}

/** The queue now and the range's auto-approved share, as figures to read at a glance. */
function headline() {
  const { queue, autoApprovedShare } = state.data;
  const held = queue.held > queue.cap ? `${queue.cap.toLocaleString()}+` : queue.held.toLocaleString();
  /** @param {string} id @param {string} value @param {string} label */
  const figure = (id, value, label) => el('div', { class: 'big-number', id }, [el('span', { class: 'value' }, [value]), el('span', { class: 'label' }, [label])]);
  return el('div', { class: 'big-numbers' }, [
    figure('overview-held', held, 'held now'),
    figure('overview-oldest', age(queue.oldestHeldSeconds), 'oldest waiting'),
    figure('overview-auto-share', percent(autoApprovedShare), `approved automatically in ${state.days} days`),
  ]);
}

function render() {
  $('overview').replaceChildren(
    el('h2', {}, ['Overview']),
    el('div', { class: 'range-switch', role: 'group', 'aria-label': 'Time range' }, RANGES.map((days) =>
      el('button', { type: 'button', 'data-overview-days': String(days), 'aria-pressed': String(days === state.days) }, [`${days} days`]),
    )),
    el('p', { class: 'muted', id: 'overview-range' }, [`${state.data.range.from} to ${state.data.range.to}, days in UTC`]),
    headline(),
    el('div', { class: 'overview-charts' }, figures()),
  );
}

/** Wires the range switch once. */
export function wireOverview() {
  $('overview').addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button');
    if (!button?.dataset.overviewDays) return;
    state.days = Number(button.dataset.overviewDays);
    // The switch is drawn anew: keep the keyboard on the range just chosen.
    load().then(() => /** @type {HTMLElement | null} */ ($('overview').querySelector(`[data-overview-days="${state.days}"]`))?.focus());
  });
}
