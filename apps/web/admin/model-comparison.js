// @ts-check
/** How a model in shadow decided beside live: counts per pair of decisions, and the comments where they differed. */
import { el, highlightedBody, percent, when } from './render.js';

/** @param {{ decision: string, spam: number, toxicity: number }} side */
const decided = (side) => `${side.decision} (spam ${side.spam.toFixed(2)}, toxicity ${side.toxicity.toFixed(2)})`;

/** @param {any} d one disagreement @param {number} version */
function disagreement(d, version) {
  return el('li', { class: 'card', 'data-comment': d.commentId }, [
    el('header', {}, [el('strong', {}, [d.authorName]), el('span', { class: 'muted' }, [` · decided ${when(d.decidedAt)} · ${d.status} now`])]),
    highlightedBody(d.body, d.shadow.reasons),
    el('p', { class: 'verdicts' }, [`Live: ${decided(d.live)} · v${version}: ${decided(d.shadow)}`]),
    el('ul', { class: 'reasons' }, d.shadow.reasons.map((/** @type {any} */ r) => el('li', {}, [r.message]))),
  ]);
}

/**
 * @param {{ version: number, compared: number, agreed: number, pairs: Record<string, number>, disagreements: any[] }} comparison
 */
export function comparisonView(comparison) {
  const { version, compared, agreed, pairs, disagreements } = comparison;
  const title = el('h3', {}, [`v${version} beside live`]);
  if (compared === 0) {
    return el('section', { id: 'model-comparison', 'aria-label': 'Comparison' }, [
      title,
      el('p', { class: 'muted' }, [`No decisions to compare yet: while v${version} is in shadow, it scores each new comment beside live.`]),
    ]);
  }
  const rows = Object.entries(pairs)
    .sort((a, b) => b[1] - a[1])
    .map(([pair, count]) => el('tr', { 'data-pair': pair }, [el('td', {}, [pair.replace('→', ' → ')]), el('td', { class: 'number' }, [String(count)])]));
  return el('section', { id: 'model-comparison', 'aria-label': 'Comparison' }, [
    title,
    el('p', { id: 'comparison-summary' }, [`Compared ${compared} decisions: v${version} agreed with live on ${agreed} (${percent(agreed / compared)}).`]),
    el('table', { class: 'pairs' }, [
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, [`Live → v${version}`]), el('th', { scope: 'col' }, ['Comments'])])]),
      el('tbody', {}, rows),
    ]),
    el('h4', {}, [disagreements.length ? `Where they differed (newest ${disagreements.length})` : 'They never differed']),
    el('ol', { class: 'queue disagreements' }, disagreements.map((d) => disagreement(d, version))),
  ]);
}
