// @ts-check
/**
 * A site's webhook: where its events go, in which format, which events; a
 * test send; and the log of delivery attempts. The signing secret is shown
 * once, in the answer that made it (a new webhook, or a rotation).
 */
import * as api from './api.js';
import { el, showLoadError, when } from './render.js';
import { t } from './i18n.js';

// Each event's label is `webhook.event.<type>` in the catalogues.
const EVENTS = ['comment.held', 'comment.rejected', 'comment.approved'];
// After "Send test" the page looks for the test's delivery this often, this long.
const TEST_POLL_MS = 500;
const TEST_WATCH_MS = 15_000;

/** @type {{ siteId: string, webhook: any, watch: number }} */
const state = { siteId: '', webhook: null, watch: 0 };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const webhookPath = () => `/api/v1/sites/${encodeURIComponent(state.siteId)}/webhook`;
/** @param {string} text */
const say = (text) => { $('webhook-status').textContent = text; };
/** @param {string} text */
const fail = (text) => { $('webhook-error').textContent = text; };

/** @param {string} siteId */
export async function openWebhook(siteId) {
  clearTimeout(state.watch);
  state.siteId = siteId;
  try {
    state.webhook = (await api.get(webhookPath())).webhook;
  } catch (error) {
    showLoadError('webhook', error);
    return;
  }
  render();
  await loadDeliveries();
}

/** @param {string} id @param {string} label @param {boolean} checked @param {Record<string, string>} [attributes] */
function checkbox(id, label, checked, attributes = {}) {
  const input = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id, ...attributes }));
  input.checked = checked;
  return el('label', { class: 'check', for: id }, [input, ` ${label}`]);
}

function render() {
  const webhook = state.webhook;
  const url = /** @type {HTMLInputElement} */ (el('input', { id: 'webhook-url', type: 'url', placeholder: 'https://hooks.example.org/moderato', autocomplete: 'off', spellcheck: 'false' }));
  url.value = webhook?.url ?? '';
  const format = /** @type {HTMLSelectElement} */ (
    el('select', { id: 'webhook-format' }, [el('option', { value: 'json' }, [t('webhook.formatJson')]), el('option', { value: 'slack' }, [t('webhook.formatSlack')])])
  );
  format.value = webhook?.format ?? 'json';
  const events = EVENTS.map((type, i) => checkbox(`webhook-event-${i}`, t(`webhook.event.${type}`), webhook ? webhook.events.includes(type) : true, { 'data-event': type }));
  /** @param {string} action @param {string} label @param {string} [kind] */
  const button = (action, label, kind = '') => el('button', { type: 'button', 'data-webhook-action': action, ...(kind ? { class: kind } : {}) }, [label]);
  const save = button('save', t('webhook.save'), 'primary');
  const actions = webhook ? [save, button('test', t('webhook.test')), button('rotate', t('webhook.rotate')), button('remove', t('webhook.remove'), 'danger')] : [save];
  const columns = ['when', 'event', 'comment', 'attempt', 'result', 'time'];
  $('webhook').replaceChildren(
    el('h2', {}, [t('webhook.title')]),
    el('p', { class: 'muted' }, [t('webhook.intro')]),
    el('form', { id: 'webhook-form', class: 'webhook-form', novalidate: '' }, [
      el('label', { for: 'webhook-url' }, [t('webhook.url')]),
      url,
      el('label', { for: 'webhook-format' }, [t('webhook.format')]),
      format,
      el('fieldset', {}, [el('legend', {}, [t('webhook.events')]), ...events]),
      checkbox('webhook-enabled', t('webhook.enabled'), webhook?.enabled ?? true),
      el('div', { class: 'model-actions' }, actions),
    ]),
    el('p', { id: 'webhook-error', class: 'error', role: 'alert' }),
    el('p', { id: 'webhook-status', role: 'status', 'aria-live': 'polite' }),
    el('div', { id: 'webhook-secret', hidden: '' }),
    el('h3', {}, [t('webhook.deliveries'), ' ', button('refresh', t('webhook.refresh'), 'link')]),
    el('table', { class: 'deliveries' }, [
      el('thead', {}, [el('tr', {}, columns.map((column) => el('th', { scope: 'col' }, [t(`webhook.column.${column}`)])))]),
      el('tbody', { id: 'webhook-deliveries' }),
    ]),
    el('p', { id: 'webhook-no-deliveries', class: 'muted', hidden: '' }, [t('webhook.noDeliveries')]),
  );
}

/** @param {string} secret */
function showSecret(secret) {
  $('webhook-secret').replaceChildren(
    el('strong', {}, [t('webhook.secret')]),
    ' ',
    el('code', { id: 'webhook-secret-value' }, [secret]),
    el('p', { class: 'muted' }, [t('webhook.secretOnce')]),
  );
  $('webhook-secret').hidden = false;
}

/** @param {any} delivery */
function deliveryRow(delivery) {
  const ok = delivery.statusCode !== null && delivery.statusCode >= 200 && delivery.statusCode < 300;
  // The error is the server's own words (`HTTP 500`, `timed out after 5000 ms`), shown as they are.
  const result = ok ? `HTTP ${delivery.statusCode}` : delivery.error ?? `HTTP ${delivery.statusCode}`;
  return el('tr', { 'data-event-id': delivery.eventId, 'data-ok': String(ok) }, [
    el('td', {}, [el('time', { datetime: delivery.at }, [when(delivery.at)])]),
    el('td', {}, [delivery.eventType]),
    el('td', {}, [delivery.commentId ? el('code', {}, [delivery.commentId.slice(0, 8)]) : '—']),
    el('td', { class: 'number' }, [String(delivery.attempt)]),
    el('td', { class: ok ? 'ok' : 'failed' }, [result]),
    el('td', { class: 'number' }, [t('webhook.ms', { ms: delivery.durationMs })]),
  ]);
}

async function loadDeliveries() {
  const { deliveries } = await api.get(`${webhookPath()}/deliveries?limit=50`);
  $('webhook-deliveries').replaceChildren(...deliveries.map(deliveryRow));
  $('webhook-no-deliveries').hidden = deliveries.length > 0;
  return deliveries;
}

function formValues() {
  const events = [...$('webhook').querySelectorAll('input[data-event]')].filter((i) => /** @type {HTMLInputElement} */ (i).checked).map((i) => /** @type {HTMLElement} */ (i).dataset.event);
  return {
    url: /** @type {HTMLInputElement} */ ($('webhook-url')).value.trim(),
    format: /** @type {HTMLSelectElement} */ ($('webhook-format')).value,
    events,
    enabled: /** @type {HTMLInputElement} */ ($('webhook-enabled')).checked,
  };
}

/** Looks for the test's delivery until it shows, or time runs out. @param {string} eventId @param {number} deadline */
function watchTest(eventId, deadline) {
  const siteId = state.siteId;
  state.watch = window.setTimeout(async () => {
    if (siteId !== state.siteId || $('webhook').hidden) return;
    const delivery = (await loadDeliveries().catch(() => [])).find((/** @type {any} */ d) => d.eventId === eventId);
    if (delivery) say(delivery.error ? t('webhook.testFailed', { error: delivery.error }) : t('webhook.testDelivered', { status: delivery.statusCode, ms: delivery.durationMs }));
    else if (Date.now() < deadline) watchTest(eventId, deadline);
    else say(t('webhook.testLate'));
  }, TEST_POLL_MS);
}

/** @param {string} action */
async function act(action) {
  fail('');
  $('webhook-url').removeAttribute('aria-invalid');
  if (action === 'save' || action === 'rotate') {
    const answer = await api.put(webhookPath(), { ...formValues(), ...(action === 'rotate' ? { rotateSecret: true } : {}) });
    state.webhook = answer.webhook;
    render();
    await loadDeliveries();
    if (answer.secret) showSecret(answer.secret);
    say(action === 'rotate' ? t('webhook.rotated') : t('webhook.saved'));
  } else if (action === 'test') {
    const { eventId } = await api.post(`${webhookPath()}/test`, {});
    say(t('webhook.testQueued'));
    clearTimeout(state.watch);
    watchTest(eventId, Date.now() + TEST_WATCH_MS);
  } else if (action === 'remove') {
    await api.del(webhookPath());
    state.webhook = null;
    render();
    await loadDeliveries();
    say(t('webhook.removed'));
  } else if (action === 'refresh') await loadDeliveries();
}

/** Wires the Webhook view's buttons once. */
export function wireWebhook() {
  $('webhook').addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button');
    const action = button?.dataset.webhookAction;
    if (!button || !action) return;
    button.setAttribute('disabled', '');
    act(action)
      .catch((error) => {
        const { message, field } = /** @type {Error & { field?: string }} */ (error);
        if (field === 'url') $('webhook-url').setAttribute('aria-invalid', 'true');
        fail(message);
      })
      .finally(() => button.removeAttribute('disabled'));
  });
}
