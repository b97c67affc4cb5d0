// @ts-check
/**
 * A small SVG chart of shares (0..1) per week, one line per series, with
 * optional 95 % intervals drawn as whiskers. Weeks with no data are left
 * off the axis rather than drawn as zero: a quiet week measured nothing.
 */
import { el, svgEl } from './render.js';

const WIDTH = 640;
const HEIGHT = 200;
// Room on the left for the percentages, on the right for half of the last week's label.
const PAD = { left: 44, right: 36, top: 10, bottom: 26 };
const MOST_X_LABELS = 8;
// Colours per series: .series-0 … .series-5 in admin.css.
const PALETTE_SIZE = 6;

/**
 * @typedef {{ x: string, y: number, low?: number | null, high?: number | null, title: string }} ChartPoint
 * @typedef {{ name: string, points: ChartPoint[] }} ChartSeries
 */

/**
 * The chart with its legend.
 * @param {ChartSeries[]} series
 * @param {{ label: string, yMax?: number }} options label: what the chart says to a screen reader; yMax: the top of the axis (1 = 100 %)
 */
export function lineChart(series, options) {
  const legend = el(
    'ul',
    { class: 'legend' },
    series.map((one, i) => el('li', {}, [el('span', { class: `swatch series-${i % PALETTE_SIZE}` }), one.name])),
  );
  return el('figure', { class: 'chart-figure' }, [lineChartSvg(series, options), legend]);
}

/**
 * The chart alone, for a figure that brings its own title and legend.
 * @param {ChartSeries[]} series
 * @param {{ label: string, yMax?: number }} options
 */
export function lineChartSvg(series, { label, yMax = 1 }) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  /** @param {string} x */
  const xAt = (x) => PAD.left + (xs.length < 2 ? plotWidth / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotWidth);
  /** @param {number} y */
  const yAt = (y) => PAD.top + plotHeight - (Math.min(Math.max(y, 0), yMax) / yMax) * plotHeight;

  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': label });
  for (const tick of [0, 0.25, 0.5, 0.75, 1].map((t) => t * yMax)) {
    svg.append(
      svgEl('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: yAt(tick), y2: yAt(tick), class: 'grid' }),
      svgEl('text', { x: PAD.left - 6, y: yAt(tick) + 4, class: 'tick y' }, [`${Math.round(tick * 100)}%`]),
    );
  }
  const every = Math.ceil(xs.length / MOST_X_LABELS);
  xs.forEach((x, i) => {
    if (i % every === 0) svg.append(svgEl('text', { x: xAt(x), y: HEIGHT - 6, class: 'tick x' }, [x]));
  });
  series.forEach((one, i) => {
    const points = [...one.points].sort((a, b) => a.x.localeCompare(b.x));
    const group = svgEl('g', { class: `series series-${i % PALETTE_SIZE}`, 'data-series': one.name });
    if (points.length > 1) group.append(svgEl('polyline', { class: 'line', points: points.map((p) => `${xAt(p.x)},${yAt(p.y)}`).join(' ') }));
    for (const point of points) {
      if (point.low != null && point.high != null) {
        group.append(svgEl('line', { class: 'whisker', x1: xAt(point.x), x2: xAt(point.x), y1: yAt(point.low), y2: yAt(point.high) }));
      }
      group.append(svgEl('circle', { class: 'dot', cx: xAt(point.x), cy: yAt(point.y), r: 4 }, [svgEl('title', {}, [point.title])]));
    }
    svg.append(group);
  });
  return svg;
}
