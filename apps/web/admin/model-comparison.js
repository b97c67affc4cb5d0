// @ts-check
/** How a model in shadow decided beside live: counts per pair of decisions, and the comments where they differed. */
import { el, highlightedBody, percent, when } from './render.js';
import { t } from './i18n.js';

/** @param {{ decision: string, spam: number, toxicity: number }} side */
const decided = (side) => t('comparison.decided', { decision: side.decision, spam: side.spam.toFixed(2), toxicity: side.toxicity.toFixed(2) });

/** @param {any} d one disagreement @param {number} version */
function disagreement(d, version) {
  return el('li', { class: 'card', 'data-comment': d.commentId }, [
    el('header', {}, [el('strong', {}, [d.authorName]), el('span', { class: 'muted' }, [t('comparison.meta', { date: when(d.decidedAt), status: d.status })])]),
    highlightedBody(d.body, d.shadow.reasons),
    el('p', { class: 'verdicts' }, [t('comparison.verdicts', { live: decided(d.live), version, shadow: decided(d.shadow) })]),
    el('ul', { class: 'reasons' }, d.shadow.reasons.map((/** @type {any} */ r) => el('li', {}, [r.message]))),
  ]);
}

/**
 * @param {{ version: number, compared: number, agreed: number, pairs: Record<string, number>, disagreements: any[] }} comparison
 */
export function comparisonView(comparison) {
  const { version, compared, agreed, pairs, disagreements } = comparison;
  const title = el('h3', {}, [t('comparison.title', { version })]);
  if (compared === 0) {
    return el('section', { id: 'model-comparison', 'aria-label': t('models.comparison') }, [
      title,
      el('p', { class: 'muted' }, [t('comparison.nothingYet', { version })]),
    ]);
  }
  const rows = Object.entries(pairs)
    .sort((a, b) => b[1] - a[1])
    .map(([pair, count]) => el('tr', { 'data-pair': pair }, [el('td', {}, [pair.replace('→', ' → ')]), el('td', { class: 'number' }, [String(count)])]));
  return el('section', { id: 'model-comparison', 'aria-label': t('models.comparison') }, [
    title,
    el('p', { id: 'comparison-summary' }, [t('comparison.summary', { count: compared, version, agreed, share: percent(agreed / compared) })]),
    el('table', { class: 'pairs' }, [
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, [t('comparison.pair', { version })]), el('th', { scope: 'col' }, [t('comparison.comments')])])]),
      el('tbody', {}, rows),
    ]),
    el('h4', {}, [disagreements.length ? t('comparison.differed', { count: disagreements.length }) : t('comparison.neverDiffered')]),
    el('ol', { class: 'queue disagreements' }, disagreements.map((d) => disagreement(d, version))),
  ]);
}
