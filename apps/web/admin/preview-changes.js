// @ts-check
/**
 * The settings preview's findings in words and pictures: decisions now and
 * proposed as bars, agreement with the moderators in sentences, and each
 * changed decision with its comment, filterable by kind of change.
 */
import { t } from './i18n.js';
import { el } from './render.js';

const DECISIONS = /** @type {const} */ (['approve', 'hold', 'reject']);
// A list of hundreds is for scanning; the filter narrows it.
const MOST_SHOWN = 100;

/** @typedef {{ from: string, to: string, count: number }} ChangeKind */

/** @param {{ from: string, to: string }} change */
export const kindOf = (change) => `${change.from}-${change.to}`;
/** @param {{ from: string, to: string }} change */
const arrow = (change) => t('settings.flip', { from: t(`settings.verdict.${change.from}`), to: t(`settings.verdict.${change.to}`) });

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
    return el('div', { class: 'decision-bar' }, [fill, el('span', { class: 'decision-count', 'data-side': side }, [t('settings.barCount', { side: t(`settings.${side}`), count })])]);
  };
  const summary = DECISIONS.map((d) => t('settings.decisionSummary', { decision: t(`settings.decision.${d}`), now: now[d] ?? 0, proposed: proposed[d] ?? 0 })).join('; ');
  return el('figure', { class: 'decision-chart', role: 'img', 'aria-label': t('settings.decisions', { summary }) }, [
    ...DECISIONS.map((d) =>
      el('div', { class: 'decision-row', 'data-decision': d }, [
        el('span', { class: 'decision-name' }, [t(`settings.decision.${d}`)]),
        el('div', {}, [bar('now', now[d] ?? 0), bar('proposed', proposed[d] ?? 0)]),
      ]),
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
  if (labelled === 0) return [t('settings.agreementNone')];
  const sentences = [
    proposed.moderatorsRejected > 0
      ? t('settings.agreementRecall', { count: proposed.moderatorsRejected, proposed: proposed.rejectedOfModeratorsRejected, now: current.rejectedOfModeratorsRejected })
      : t('settings.agreementNoneRejected', { count: labelled }),
  ];
  if (proposed.rejectedLabelled > 0 || current.rejectedLabelled > 0) {
    sentences.push(
      t('settings.agreementPrecision', { count: proposed.rejectedLabelled, proposed: proposed.rejectedOfModeratorsRejected, now: current.rejectedOfModeratorsRejected, nowTotal: current.rejectedLabelled }),
    );
  }
  sentences.push(
    t('settings.agreementPublished', { count: proposed.approvedButModeratorsRejected, now: current.approvedButModeratorsRejected }),
    t('settings.agreementRejected', { count: proposed.rejectedButModeratorsApproved, now: current.rejectedButModeratorsApproved }),
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
  return el('div', { class: 'change-filters', role: 'group', 'aria-label': t('settings.changeFilter') }, [
    button('', t('settings.changeAll', { count: total })),
    ...kinds.map((kind) => button(kindOf(kind), t('settings.changeKind', { change: arrow(kind), count: kind.count }))),
  ]);
}

/** @param {any} change one of the preview's changed decisions */
function changedItem(change) {
  const comment = change.comment;
  const who = comment
    ? [el('strong', {}, [comment.name]), el('span', { class: 'muted' }, [t('settings.onArticle', { article: comment.articleId })])]
    : [el('span', { class: 'muted' }, [t('settings.erased')])];
  return el('li', { class: 'changed-item', 'data-id': change.id, 'data-change-kind': kindOf(change) }, [
    el('header', {}, [...who, el('span', { class: `flip to-${change.to}` }, [arrow(change)])]),
    ...(comment ? [el('p', { class: 'excerpt' }, [comment.truncated ? `${comment.excerpt}…` : comment.excerpt])] : []),
    el('p', { class: 'muted scores-line' }, [t('settings.scores', { spam: change.spam.toFixed(2), toxicity: change.toxicity.toFixed(2) })]),
    // The reasons are the scorer's words, as on the queue's cards.
    el('ul', { class: 'why', 'aria-label': t('settings.why') }, change.reasons.map((/** @type {string} */ reason) => el('li', {}, [reason]))),
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
  const note = count < total ? [el('p', { class: 'muted', 'data-shown': String(count) }, [t('settings.showingNewest', { shown: count, count: total })])] : [];
  return [...note, el('ol', { class: 'changed' }, shown.slice(0, MOST_SHOWN).map(changedItem))];
}
