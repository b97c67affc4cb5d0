// @ts-check
/**
 * The settings preview's findings in words and pictures: decisions now and
 * proposed as bars, agreement with the moderators in sentences, and each
 * changed decision with its comment, filterable by kind of change.
 */
import { el } from './render.js';

const DECISIONS = /** @type {const} */ (['approve', 'hold', 'reject']);
// A list of hundreds is for scanning; the filter narrows it.
const MOST_SHOWN = 100;

/** @typedef {{ from: string, to: string, count: number }} ChangeKind */

/** @param {number} n @param {string} one @param {string} [many] */
const plural = (n, one, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
/** @param {{ from: string, to: string }} change */
export const kindOf = (change) => `${change.from}-${change.to}`;
/** @param {{ from: string, to: string }} change */
const arrow = (change) => `${change.from} → ${change.to}`;

/**
 * Decisions now and proposed, two bars per decision, on one scale.
 * @param {Record<string, number>} now @param {Record<string, number>} proposed
 */
export function decisionChart(now, proposed) {
  const max = Math.max(1, ...DECISIONS.flatMap((d) => [now[d] ?? 0, proposed[d] ?? 0]));
  /** @param {'now' | 'proposed'} side @param {number} count */
  const bar = (side, count) => {
    const fill = el('span', { class: `decision-fill ${side}` });
    // Room to the right of the longest bar for its label.
    fill.style.width = `${(count / max) * 80}%`;
    return el('div', { class: 'decision-bar' }, [fill, el('span', { class: 'decision-count', 'data-side': side }, [`${side === 'now' ? 'Now' : 'Proposed'} ${count.toLocaleString()}`])]);
  };
  const label = DECISIONS.map((d) => `${d} ${now[d] ?? 0} now, ${proposed[d] ?? 0} proposed`).join('; ');
  return el('figure', { class: 'decision-chart', role: 'img', 'aria-label': `Decisions: ${label}` }, [
    ...DECISIONS.map((d) =>
      el('div', { class: 'decision-row', 'data-decision': d }, [el('span', { class: 'decision-name' }, [d]), el('div', {}, [bar('now', now[d] ?? 0), bar('proposed', proposed[d] ?? 0)])]),
    ),
  ]);
}

/**
 * How the current and the proposed settings agree with what moderators
 * decided, as sentences a site owner reads without knowing "precision".
 * @param {any} agreement the preview's agreement: { labelled, current, proposed }
 * @returns {string[]}
 */
export function agreementSentences({ labelled, current, proposed }) {
  if (labelled === 0) return ['No comment in this sample was decided by a moderator yet: there is nothing to compare the settings with.'];
  const sentences = [];
  if (proposed.moderatorsRejected > 0) {
    sentences.push(
      `Of the ${plural(proposed.moderatorsRejected, 'comment')} moderators rejected, the proposed settings would reject ${proposed.rejectedOfModeratorsRejected.toLocaleString()} (now ${current.rejectedOfModeratorsRejected.toLocaleString()}).`,
    );
  } else {
    sentences.push(`Moderators rejected none of the ${plural(labelled, 'comment')} they decided.`);
  }
  if (proposed.rejectedLabelled > 0 || current.rejectedLabelled > 0) {
    sentences.push(
      `Of the ${plural(proposed.rejectedLabelled, 'moderated comment')} the proposed settings would reject, moderators rejected ${proposed.rejectedOfModeratorsRejected.toLocaleString()} (now ${current.rejectedOfModeratorsRejected.toLocaleString()} of ${current.rejectedLabelled.toLocaleString()}).`,
    );
  }
  sentences.push(
    `${plural(proposed.approvedButModeratorsRejected, 'comment')} moderators rejected would be published (now ${current.approvedButModeratorsRejected.toLocaleString()}).`,
    `${plural(proposed.rejectedButModeratorsApproved, 'comment')} moderators approved would be rejected (now ${current.rejectedButModeratorsApproved.toLocaleString()}).`,
  );
  return sentences;
}

/**
 * The kind-of-change filter: All, then each kind with its count, most frequent first.
 * @param {ChangeKind[]} kinds @param {number} total @param {string} chosen '' for all
 */
export function changeFilters(kinds, total, chosen) {
  /** @param {string} kind @param {string} text */
  const button = (kind, text) => el('button', { type: 'button', 'data-change-kind': kind, 'aria-pressed': String(kind === chosen) }, [text]);
  return el('div', { class: 'change-filters', role: 'group', 'aria-label': 'Show changes of one kind' }, [
    button('', `All (${total.toLocaleString()})`),
    ...kinds.map((kind) => button(kindOf(kind), `${arrow(kind)} (${kind.count.toLocaleString()})`)),
  ]);
}

/** @param {any} change one of the preview's changed decisions */
function changedItem(change) {
  const comment = change.comment;
  const who = comment
    ? [el('strong', {}, [comment.name]), el('span', { class: 'muted' }, [` on ${comment.articleId}`])]
    : [el('span', { class: 'muted' }, ['(comment erased since)'])];
  return el('li', { class: 'changed-item', 'data-id': change.id, 'data-change-kind': kindOf(change) }, [
    el('header', {}, [...who, el('span', { class: `flip to-${change.to}` }, [arrow(change)])]),
    ...(comment ? [el('p', { class: 'excerpt' }, [comment.truncated ? `${comment.excerpt}…` : comment.excerpt])] : []),
    el('p', { class: 'muted scores-line' }, [`spam ${change.spam.toFixed(2)} · toxicity ${change.toxicity.toFixed(2)}`]),
    el('ul', { class: 'why', 'aria-label': 'Why it changes' }, change.reasons.map((/** @type {string} */ reason) => el('li', {}, [reason]))),
  ]);
}

/**
 * The changed decisions of one kind ('' for all), at most MOST_SHOWN of them.
 * @param {any} preview @param {string} chosen
 */
export function changedList(preview, chosen) {
  const shown = preview.changed.filter((/** @type {any} */ c) => !chosen || kindOf(c) === chosen);
  const kind = preview.changedKinds.find((/** @type {ChangeKind} */ k) => kindOf(k) === chosen);
  const total = kind ? kind.count : preview.changedTotal;
  const count = Math.min(shown.length, MOST_SHOWN);
  const note = count < total ? [el('p', { class: 'muted', 'data-shown': String(count) }, [`Showing the newest ${count} of ${total.toLocaleString()}.`])] : [];
  return [...note, el('ol', { class: 'changed' }, shown.slice(0, MOST_SHOWN).map(changedItem))];
}
