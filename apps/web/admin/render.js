// @ts-check
/** Builds the dashboard's DOM. User text only ever goes in through textContent. */
import { formatDateTime, t } from './i18n.js';

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An SVG element, as `el` builds HTML ones; text children go in as text nodes.
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {(Node | string)[]} [children]
 */
export function svgEl(tag, attributes = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/**
 * A share (0..1) as a percentage; null (nothing to measure) as a dash.
 * @param {number | null | undefined} share @param {number} [digits]
 */
export const percent = (share, digits = 0) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(digits)}%`);

/** @param {string | null | undefined} iso */
export const when = (iso) => (iso ? formatDateTime(iso) : '–');

/**
 * Character ranges of the body that the reasons point at: spans where the
 * scorer gave them, else every case-insensitive occurrence of a matched word.
 * @param {string} body
 * @param {Array<{ matches?: string[], spans?: Array<{ start: number, end: number }> }>} reasons
 */
export function highlightRanges(body, reasons) {
  /** @type {Array<[number, number]>} */
  const ranges = [];
  const lower = body.toLowerCase();
  for (const reason of reasons) {
    for (const span of reason.spans ?? []) ranges.push([span.start, span.end]);
    if (reason.spans?.length) continue;
    for (const match of reason.matches ?? []) {
      const needle = match.toLowerCase();
      if (needle.length < 2) continue;
      for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  /** @type {Array<[number, number]>} */
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * A comment's text with the words the reasons point at marked; the text only ever as text nodes.
 * @param {string} body @param {any[]} reasons
 */
export function highlightedBody(body, reasons) {
  const paragraph = el('p', { class: 'body' });
  let at = 0;
  for (const [start, end] of highlightRanges(body, reasons)) {
    paragraph.append(document.createTextNode(body.slice(at, start)), el('mark', {}, [body.slice(start, end)]));
    at = end;
  }
  paragraph.append(document.createTextNode(body.slice(at)));
  return paragraph;
}

/** @param {string} label @param {number} value */
function scoreBar(label, value) {
  const percent = Math.round(value * 100);
  const bar = el('span', { class: 'bar-fill' });
  bar.style.width = `${percent}%`;
  if (value >= 0.7) bar.classList.add('high');
  return el('div', { class: 'score', role: 'img', 'aria-label': `${label} ${value.toFixed(2)}` }, [
    el('span', { class: 'score-label' }, [label]),
    el('span', { class: 'bar' }, [bar]),
    el('span', { class: 'score-value' }, [value.toFixed(2)]),
  ]);
}

/**
 * The language the scorer judged a comment as; "und" (none recognised) reads as "?".
 * @param {string} language
 */
function languageBadge(language) {
  const label = language === 'und' ? '?' : language.toUpperCase();
  const title = language === 'und' ? t('card.languageUnknown') : t('card.languageJudged', { language });
  return el('span', { class: 'lang', 'data-language': language, title }, [label]);
}

/**
 * One comment in the queue; read-only (the author view) shows its status instead of the checkbox and actions.
 * @param {any} comment
 * @param {{ selected: boolean, readOnly?: boolean }} state
 */
export function commentCard(comment, { selected, readOnly = false }) {
  const checkbox = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', 'data-select': comment.id, 'aria-label': t('card.select', { name: comment.name }) }));
  checkbox.checked = selected;
  const history = t('card.authorHistory', { approved: comment.author.approved, rejected: comment.author.rejected });
  const actions = ['approve', 'reject', 'spam'].map((action) =>
    el('button', { type: 'button', 'data-action': action, 'data-id': comment.id, class: action }, [t(`actions.${action}`)]),
  );
  const links = [
    el('button', { type: 'button', 'data-history': comment.id, class: 'link' }, [t('card.history')]),
    ...(readOnly ? [] : [el('button', { type: 'button', 'data-author': comment.id, class: 'link' }, [t('card.allByAuthor')])]),
  ];
  return el('li', { class: 'card', 'data-id': comment.id, tabindex: '-1', 'aria-selected': String(selected) }, [
    el('header', {}, [
      readOnly ? el('span', { class: `status status-${comment.status}` }, [t(`card.status.${comment.status}`)]) : checkbox,
      el('strong', {}, [comment.name]),
      el('span', { class: 'muted' }, [t('card.on')]),
      // Narrows the queue to this article.
      readOnly
        ? el('span', { class: 'muted' }, [comment.articleId])
        : el('button', { type: 'button', class: 'link article', 'data-article': comment.articleId, title: t('card.onlyThisArticle') }, [comment.articleId]),
      el('span', { class: 'muted' }, [t('card.when', { date: when(comment.createdAt), history })]),
      ...(comment.language ? [languageBadge(comment.language)] : []),
    ]),
    highlightedBody(comment.body, comment.reasons),
    el('div', { class: 'scores' }, [scoreBar(t('card.spam'), comment.spam), scoreBar(t('card.toxicity'), comment.toxicity)]),
    el('ul', { class: 'reasons' }, comment.reasons.map((/** @type {any} */ r) => el('li', {}, [r.message]))),
    el('div', { class: 'actions' }, [...(readOnly ? [] : actions), ...links]),
  ]);
}

/** @param {any} event */
export function historyItem(event) {
  const change = event.from === event.to ? event.to : `${event.from ?? '—'} → ${event.to}`;
  const details = event.details?.spam !== undefined ? ` ${t('history.scores', { spam: Number(event.details.spam).toFixed(2), toxicity: Number(event.details.toxicity).toFixed(2) })}` : '';
  return el('li', {}, [
    el('strong', {}, [event.action]),
    ` ${t('history.change', { change, actor: event.actor })}${details}`,
    event.reason ? ` — “${event.reason}”` : '',
    el('br'),
    el('time', { datetime: event.at }, [when(event.at)]),
  ]);
}

/**
 * What a page shows when its data could not be read: its title and the
 * error, in words of the page's own for a 403 (`<page>.forbidden`).
 * @param {string} page the section's id and its i18n prefix: 'models', 'webhook'
 * @param {unknown} error as api.js throws it
 */
export function showLoadError(page, error) {
  const { status, message } = /** @type {Error & { status?: number }} */ (error);
  /** @type {HTMLElement} */ (document.getElementById(page)).replaceChildren(
    el('h2', {}, [t(`${page}.title`)]),
    el('p', { class: 'error', role: 'alert' }, [status === 403 ? t(`${page}.forbidden`) : message]),
  );
}
