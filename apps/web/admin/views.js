// @ts-check
/** Which of the dashboard's views shows: one at a time, its nav button marked as the current page. */

/** Each view's section and the nav button that opens it. */
export const VIEWS = /** @type {const} */ ({
  overview: { section: 'overview', button: 'show-overview' },
  queue: { section: 'queue-view', button: 'show-queue' },
  settings: { section: 'settings', button: 'show-settings' },
  models: { section: 'models', button: 'show-models' },
  qa: { section: 'qa', button: 'show-qa' },
  webhook: { section: 'webhook', button: 'show-webhook' },
  deadLetters: { section: 'dead-letters', button: 'show-dead-letters' },
});

/** @typedef {keyof typeof VIEWS} ViewName */

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {ViewName} name */
export function showView(name) {
  for (const [view, { section, button }] of Object.entries(VIEWS)) {
    $(section).hidden = view !== name;
    if (view === name) $(button).setAttribute('aria-current', 'page');
    else $(button).removeAttribute('aria-current');
  }
}

/** @returns {ViewName} */
export function currentView() {
  const shown = Object.entries(VIEWS).find(([, { section }]) => !$(section).hidden);
  return /** @type {ViewName} */ (shown?.[0] ?? 'queue');
}
