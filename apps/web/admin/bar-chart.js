// @ts-check
/**
 * Small SVG bar charts: stacked columns over a category axis (days, weeks)
 * and horizontal bars for ranked counts. Hand-drawn like line-chart.js: the
 * dashboard needs four kinds of chart, none animated, and a library would be
 * the largest file the dashboard loads.
 */
import { formatNumber, t } from './i18n.js';
import { el, svgEl } from './render.js';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 44, right: 12, top: 10, bottom: 26 };
const MOST_X_LABELS = 8;

/**
 * The top of a count axis: the smallest 1, 2 or 5 × 10ⁿ at or above the largest value.
 * @param {number} max
 */
export function niceMax(max) {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((step) => step * power >= max) ?? 10) * power;
}

/**
 * @typedef {{ name: string, className: string, values: number[] }} BarSeries
 */

/**
 * Columns per category, each stacked from its series in order (the first at the bottom).
 * @param {string[]} categories x axis, oldest first
 * @param {BarSeries[]} series
 * @param {{ label: string, tickLabel?: (category: string) => string }} options label: what the chart says to a screen reader
 */
export function stackedBarChart(categories, series, { label, tickLabel = (c) => c }) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(1, slot * 0.8);
  /** @param {number} value */
  const heightOf = (value) => (value / top) * plotHeight;

  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart bar-chart', role: 'img', 'aria-label': label });
  for (const tick of [0, 0.5, 1].map((t) => t * top)) {
    const y = PAD.top + plotHeight - heightOf(tick);
    svg.append(
      svgEl('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: 'grid' }),
      svgEl('text', { x: PAD.left - 6, y: y + 4, class: 'tick y' }, [formatNumber(tick)]),
    );
  }
  const every = Math.ceil(categories.length / MOST_X_LABELS);
  categories.forEach((category, i) => {
    const x = PAD.left + i * slot + (slot - barWidth) / 2;
    const column = svgEl('g', { class: 'column', 'data-category': category });
    let base = PAD.top + plotHeight;
    series.forEach((one) => {
      const value = one.values[i] ?? 0;
      if (value <= 0) return;
      const height = heightOf(value);
      base -= height;
      column.append(
        svgEl('rect', { x, y: base, width: barWidth, height, class: `chart-bar ${one.className}`, 'data-series': one.name }, [
          svgEl('title', {}, [`${category}: ${formatNumber(value)} ${one.name}`]),
        ]),
      );
    });
    svg.append(column);
    if (i % every === 0) svg.append(svgEl('text', { x: x + barWidth / 2, y: HEIGHT - 6, class: 'tick x' }, [tickLabel(category)]));
  });
  return svg;
}

/**
 * One horizontal bar per item, longest first as given, each labelled with its name and count.
 * @param {Array<{ name: string, value: number }>} items
 * @param {{ label: string, className?: string }} options
 */
export function horizontalBarChart(items, { label, className = 'series-0' }) {
  const rowHeight = 24;
  const nameWidth = 150;
  const countWidth = 64;
  const height = Math.max(1, items.length) * rowHeight;
  const top = Math.max(1, ...items.map((item) => item.value));
  const barSpace = WIDTH - nameWidth - countWidth;
  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart hbar-chart', role: 'img', 'aria-label': label });
  items.forEach((item, i) => {
    const y = i * rowHeight;
    const width = Math.max(1, (item.value / top) * barSpace);
    svg.append(
      svgEl('g', { class: 'hbar', 'data-name': item.name }, [
        svgEl('text', { x: nameWidth - 8, y: y + rowHeight / 2 + 4, class: 'tick y' }, [item.name]),
        svgEl('rect', { x: nameWidth, y: y + 4, width, height: rowHeight - 8, class: `chart-bar ${className}` }, [svgEl('title', {}, [`${item.name}: ${formatNumber(item.value)}`])]),
        svgEl('text', { x: nameWidth + width + 6, y: y + rowHeight / 2 + 4, class: 'tick' }, [formatNumber(item.value)]),
      ]),
    );
  });
  return svg;
}

/**
 * A chart with its title, a legend, and its numbers as a table for anyone who cannot see it.
 * @param {{ id: string, title: string, chart: Element, legend?: ReadonlyArray<{ name: string, className: string }>, table: { head: string[], rows: Array<Array<string | number>> } }} parts
 */
export function chartFigure({ id, title, chart, legend = [], table }) {
  return el('figure', { class: 'chart-figure', id, 'aria-labelledby': `${id}-title` }, [
    el('figcaption', { id: `${id}-title`, class: 'chart-title' }, [title]),
    chart,
    ...(legend.length ? [el('ul', { class: 'legend' }, legend.map((one) => el('li', {}, [el('span', { class: `swatch ${one.className}` }), one.name])))] : []),
    el('details', { class: 'chart-data' }, [
      el('summary', {}, [t('chart.showNumbers')]),
      el('table', {}, [
        el('thead', {}, [el('tr', {}, table.head.map((h) => el('th', { scope: 'col' }, [h])))]),
        el('tbody', {}, table.rows.map((row) => el('tr', {}, row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, [String(cell)]) : el('td', { class: 'number' }, [typeof cell === 'number' ? formatNumber(cell) : cell])))))),
      ]),
    ]),
  ]);
}
