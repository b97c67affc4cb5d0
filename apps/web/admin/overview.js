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
import { formatNumber, t } from './i18n.js';
import { el, percent } from './render.js';

const RANGES = [7, 30, 90];
// Bottom to top in each day's column; the class gives the colour (admin.css).
const OUTCOMES = /** @type {const} */ ([
  { key: 'autoApproved', className: 'outcome-auto' },
  { key: 'moderatorApproved', className: 'outcome-moderator' },
  { key: 'held', className: 'outcome-held' },
  { key: 'rejected', className: 'outcome-rejected' },
]);
const OVERRIDES = /** @type {const} */ ([
  { key: 'approvalsOverturned', className: 'outcome-rejected' },
  { key: 'rejectionsOverturned', className: 'outcome-moderator' },
]);
/** The outcomes and overrides with their names in the current language. */
const named = () => ({
  outcomes: OUTCOMES.map((o) => ({ ...o, name: t(`overview.outcome.${o.key}`) })),
  overrides: OVERRIDES.map((o) => ({ ...o, name: t(`overview.override.${o.key}`) })),
});

/** @type {{ siteId: string, days: number, data: any }} */
const state = { siteId: '', days: 30, data: null };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} day YYYY-MM-DD */
const shortDay = (day) => day.slice(5);
/** @param {number[]} values */
const sum = (values) => values.reduce((a, b) => a + b, 0);
/**
 * One stacked series per part (an outcome, a kind of override), its values read off each row under the part's key.
 * @param {any[]} rows
 * @param {Array<{ key: string, name: string, className: string }>} parts
 * @returns {import('./bar-chart.js').BarSeries[]}
 */
const seriesOf = (rows, parts) => parts.map((p) => ({ name: p.name, className: p.className, values: rows.map((row) => row[p.key]) }));

/**
 * A duration as a person says it: "3 d 4 h", "5 h 12 min", "40 s".
 * @param {number | null} seconds
 */
export function age(seconds) {
  if (seconds === null) return '—';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return t('overview.age.days', { days, hours });
  if (hours > 0) return t('overview.age.hours', { hours, minutes });
  return minutes > 0 ? t('overview.age.minutes', { minutes }) : t('overview.age.seconds', { seconds });
}

/** @param {string} siteId */
export async function openOverview(siteId) {
  state.siteId = siteId;
  await load();
}

async function load() {
  if (!state.siteId) {
    $('overview').replaceChildren(el('h2', {}, [t('overview.title')]), el('p', { class: 'empty' }, [t('overview.noSite')]));
    return;
  }
  try {
    state.data = await api.get(`/api/v1/sites/${encodeURIComponent(state.siteId)}/overview?days=${state.days}`);
  } catch (error) {
    $('overview').replaceChildren(el('h2', {}, [t('overview.title')]), el('p', { class: 'error', role: 'alert' }, [/** @type {Error} */ (error).message]));
    return;
  }
  render();
}

function figures() {
  const { perDay, weeks, reasons, languages } = state.data;
  const { outcomes, overrides } = named();
  const total = (/** @type {any} */ d) => d.autoApproved + d.moderatorApproved + d.held + d.rejected;
  const comments = sum(perDay.map(total));
  const measured = perDay.filter((/** @type {any} */ d) => total(d) > 0);
  const parts = outcomes.map((o) => t('overview.part', { count: formatNumber(sum(perDay.map((/** @type {any} */ d) => d[o.key]))), name: o.name }));
  const weekName = (/** @type {any} */ w) => (w.days < 7 ? t('overview.weekPart', { week: w.week, days: w.days }) : w.week);
  const reasonItems = reasons.map((/** @type {any} */ r) => ({ name: r.code, value: r.comments }));
  const languageItems = languages.map((/** @type {any} */ l) => ({
    name: l.language === null ? t('overview.language.none') : l.language === 'und' ? t('overview.language.und') : l.language,
    value: l.comments,
  }));
  /** @param {Array<{ name: string, value: number }>} items */
  const listed = (items) => items.map((item) => t('overview.part', { count: formatNumber(item.value), name: item.name })).join(', ');
  return [
    chartFigure({
      id: 'overview-outcomes',
      title: t('overview.outcomes.title'),
      chart: stackedBarChart(perDay.map((/** @type {any} */ d) => d.day), seriesOf(perDay, outcomes), {
        label: t('overview.outcomes.summary', { days: state.days, total: formatNumber(comments), parts: parts.join(', ') }),
        tickLabel: shortDay,
      }),
      legend: outcomes,
      table: { head: [t('overview.column.day'), ...outcomes.map((o) => o.name)], rows: perDay.map((/** @type {any} */ d) => [d.day, ...outcomes.map((o) => d[o.key])]) },
    }),
    chartFigure({
      id: 'overview-share',
      title: t('overview.share.title'),
      chart: lineChartSvg(
        [{
          name: t('overview.outcome.autoApproved'),
          points: measured.map((/** @type {any} */ d) => ({ x: d.day, y: d.autoApproved / total(d), title: t('overview.share.point', { day: d.day, share: percent(d.autoApproved / total(d)), count: formatNumber(total(d)) }) })),
        }],
        { label: t('overview.share.summary', { share: percent(state.data.autoApprovedShare), active: measured.length, days: state.days }) },
      ),
      table: {
        head: [t('overview.column.day'), t('overview.column.comments'), t('overview.outcome.autoApproved')],
        rows: measured.map((/** @type {any} */ d) => [d.day, total(d), percent(d.autoApproved / total(d))]),
      },
    }),
    chartFigure({
      id: 'overview-overrides',
      title: t('overview.overrides.title'),
      chart: stackedBarChart(weeks.map((/** @type {any} */ w) => w.week), seriesOf(weeks, overrides), {
        label: t('overview.overrides.summary', {
          overrides: formatNumber(sum(weeks.map((/** @type {any} */ w) => w.approvalsOverturned + w.rejectionsOverturned))),
          resolved: formatNumber(sum(weeks.map((/** @type {any} */ w) => w.holdsResolved))),
          weeks: weeks.length,
        }),
        tickLabel: shortDay,
      }),
      legend: overrides,
      table: {
        head: [t('overview.column.weekFrom'), ...overrides.map((o) => o.name), t('overview.holdsResolved')],
        rows: weeks.map((/** @type {any} */ w) => [weekName(w), ...overrides.map((o) => w[o.key]), w.holdsResolved]),
      },
    }),
    chartFigure({
      id: 'overview-reasons',
      title: t('overview.reasons.title'),
      chart: reasonItems.length
        ? horizontalBarChart(reasonItems, { label: t('overview.reasons.summary', { list: listed(reasonItems.slice(0, 3)) }), className: 'outcome-held' })
        : el('p', { class: 'muted' }, [t('overview.reasons.none')]),
      table: { head: [t('overview.column.reason'), t('overview.column.comments')], rows: reasonItems.map((/** @type {any} */ r) => [r.name, r.value]) },
    }),
    chartFigure({
      id: 'overview-languages',
      title: t('overview.languages.title'),
      chart: languageItems.length
        ? horizontalBarChart(languageItems, { label: t('overview.languages.summary', { list: listed(languageItems) }) })
        : el('p', { class: 'muted' }, [t('overview.languages.none')]),
      table: { head: [t('overview.column.language'), t('overview.column.comments')], rows: languageItems.map((/** @type {any} */ l) => [l.name, l.value]) },
    }),
  ];
}

/** The queue now and the range's auto-approved share, as figures to read at a glance. */
function headline() {
  const { queue, autoApprovedShare } = state.data;
  const held = queue.held > queue.cap ? `${formatNumber(queue.cap)}+` : formatNumber(queue.held);
  /** @param {string} id @param {string} value @param {string} label */
  const figure = (id, value, label) => el('div', { class: 'big-number', id }, [el('span', { class: 'value' }, [value]), el('span', { class: 'label' }, [label])]);
  return el('div', { class: 'big-numbers' }, [
    figure('overview-held', held, t('overview.heldNow')),
    figure('overview-oldest', age(queue.oldestHeldSeconds), t('overview.oldestWaiting')),
    figure('overview-auto-share', percent(autoApprovedShare), t('overview.autoShare', { count: state.days })),
  ]);
}

function render() {
  $('overview').replaceChildren(
    el('h2', {}, [t('overview.title')]),
    el('div', { class: 'range-switch', role: 'group', 'aria-label': t('overview.rangeGroup') }, RANGES.map((days) =>
      el('button', { type: 'button', 'data-overview-days': String(days), 'aria-pressed': String(days === state.days) }, [t('overview.rangeButton', { count: days })]),
    )),
    el('p', { class: 'muted', id: 'overview-range' }, [t('overview.rangeText', { from: state.data.range.from, to: state.data.range.to })]),
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
