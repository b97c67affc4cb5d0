// @ts-check
/** An SVG histogram of scores with the two thresholds of a band drawn over it. */
import { svgEl } from './render.js';
import { t } from './i18n.js';

const WIDTH = 400;
const HEIGHT = 80;

/**
 * @param {number[]} bins counts per 0.05 of score
 * @param {{ approveBelow: number, rejectAbove: number }} band
 * @param {string} label
 */
export function histogramSvg(bins, band, label) {
  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: 'img', class: 'histogram' });
  svg.setAttribute('aria-label', t('settings.histogram', { band: label, approveBelow: band.approveBelow, rejectAbove: band.rejectAbove }));
  const max = Math.max(1, ...bins);
  const barWidth = WIDTH / bins.length;
  bins.forEach((count, i) => {
    const height = (count / max) * (HEIGHT - 4);
    const score = (i + 0.5) / bins.length;
    const zone = score >= band.rejectAbove ? 'reject' : score >= band.approveBelow ? 'hold' : 'approve';
    svg.append(svgEl('rect', { x: i * barWidth + 1, y: HEIGHT - height, width: barWidth - 2, height, class: `bin ${zone}` }));
  });
  for (const [value, name] of [[band.approveBelow, 'approve-line'], [band.rejectAbove, 'reject-line']]) {
    const x = Number(value) * WIDTH;
    svg.append(svgEl('line', { x1: x, x2: x, y1: 0, y2: HEIGHT, class: String(name) }));
  }
  return svg;
}
