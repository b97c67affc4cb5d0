// @ts-check
/*
 * Moderato embed: the approved thread of one article and a comment form.
 *
 *   <script src="https://moderato.example.org/embed.js"
 *           data-site="SITE_ID" data-article="ARTICLE_ID" async></script>
 *
 * It speaks the language named by an optional data-lang, else the page's
 * <html lang>, else English (docs/embed.md). The messages are in
 * ./i18n/<language>.json, one file per language: the API writes English's
 * and the list of languages into this script, and serves the others at
 * /embed/i18n/<language>.json for the readers who need them.
 * Plain JS, no framework, no build step. Everything renders in a shadow root
 * (styles neither leak in nor out) and user data only ever becomes text
 * nodes or attribute values: never HTML. Requests go to the Moderato origin
 * only, without cookies.
 */
(function () {
  'use strict';

  // Approved replies deeper than this are shown at this depth, so threads stay readable.
  const MAX_DEPTH = 4;
  const PAGE_SIZE = 1000;
  // Brief status polling after a post: about 30 s in all.
  const POLL_DELAYS_MS = [1000, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 7000];
  // Mirrors the server: apps/api/src/comment-input.ts (zod's email pattern).
  const NAME_MAX = 100;
  const EMAIL_MAX = 254;
  const EMAIL_RE = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
  const URL_RE = /\bhttps?:\/\/[^\s<>"]+/g;
  const DEFAULT_LANGUAGE = 'en';

  /**
   * A message: text with {placeholders}, or its plural forms chosen by the {count} it is given.
   * @typedef {string | Partial<Record<Intl.LDMLPluralRule, string>>} Message
   * @typedef {Record<string, Message>} Catalogue
   */
  /** The languages there are catalogues for, and English's: the API replaces the empty object when it serves this file. */
  const BUNDLED = /** @type {{ languages?: string[], en?: Catalogue }} */ (/* moderato:catalogues */ {});
  const LANGUAGES = BUNDLED.languages ?? [DEFAULT_LANGUAGE];
  const english = BUNDLED.en ?? {};

  const STYLES = `
:host{all:initial;display:block;
--_text:var(--moderato-text,#1f2328);--_bg:var(--moderato-background,#fff);
--_muted:var(--moderato-muted,#57606a);--_accent:var(--moderato-accent,#0b5cad);
--_accent-text:var(--moderato-accent-text,#fff);--_border:var(--moderato-border,#6e7781);
--_error:var(--moderato-error,#b3261e);--_focus:var(--moderato-focus,#0b5cad);
--_radius:var(--moderato-radius,6px);
font:var(--moderato-font-size,1rem)/1.5 var(--moderato-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
color:var(--_text);background:var(--_bg)}
*{box-sizing:border-box}
h2{font-size:1.4em;margin:0 0 .75em}h3{font-size:1.15em;margin:0 0 .5em}
ol{list-style:none;margin:0;padding:0}
.replies{margin-left:var(--moderato-indent,1.5rem);padding-left:1rem;border-left:2px solid var(--_border)}
article{margin:0 0 1.25em}
.meta{margin:0 0 .25em;color:var(--_muted);font-size:.9em}
.name{color:var(--_text);font-weight:600;margin-right:.5em}
.body{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.fresh>article{background:color-mix(in srgb,var(--_accent) 8%,transparent);border-radius:var(--_radius);padding:.5em}
a{color:var(--_accent)}
form{margin:1.5em 0 1em;padding:1em;border:1px solid var(--_border);border-radius:var(--_radius)}
.field{margin:0 0 1em}
label{display:block;font-weight:600;margin-bottom:.25em}
.req,.error{color:var(--_error)}
input,textarea{font:inherit;color:var(--_text);background:var(--_bg);width:100%;max-width:36em;padding:.5em;border:1px solid var(--_border);border-radius:var(--_radius)}
textarea{min-height:8em;resize:vertical}
[aria-invalid=true]{border-color:var(--_error);border-width:2px}
.hint,.note{color:var(--_muted);font-size:.9em;margin:.25em 0 0}.note{margin:0 0 1em}
.error{font-size:.9em;margin:.25em 0 0}
button{font:inherit;cursor:pointer;border-radius:var(--_radius);padding:.5em 1.1em;border:1px solid var(--_accent)}
.submit{background:var(--_accent);color:var(--_accent-text);font-weight:600}
.submit[aria-disabled=true]{opacity:.7;cursor:progress}
.link{background:none;border:none;padding:0;color:var(--_accent);text-decoration:underline}
:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}
.status{margin:.75em 0 0;font-weight:600}.status.bad{color:var(--_error)}
.status:empty{display:none}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
[hidden]{display:none!important}`;

  /**
   * Builds an element; children given as strings become text nodes.
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {Array<Node | string>} [children]
   * @returns {HTMLElement}
   */
  function h(tag, attrs, children) {
    const el = document.createElement(tag);
    if (attrs) for (const key of Object.keys(attrs)) el.setAttribute(key, /** @type {string} */ (attrs[key]));
    if (children) el.append(...children);
    return el;
  }

  /** @returns {HTMLScriptElement | undefined} */
  function findOwnScript() {
    const current = document.currentScript;
    if (current instanceof HTMLScriptElement && !current.dataset.moderatoMounted) return current;
    // Fallback for loaders that hide currentScript: the first snippet not yet mounted.
    return Array.from(document.querySelectorAll('script')).find(
      (s) => s.dataset.site && /\/embed\.js(?:[?#]|$)/.test(s.src) && !s.dataset.moderatoMounted,
    );
  }

  const script = findOwnScript();
  if (!script) return;
  script.dataset.moderatoMounted = 'true';
  const site = script.dataset.site;
  const article = script.dataset.article;
  if (!site || !article) {
    console.error('Moderato: the embed script needs data-site and data-article');
    return;
  }

  /**
   * The language a stated tag ('ru', 'ru-RU', 'pt_BR') asks for, if there is a catalogue for it.
   * @param {string} tag
   */
  function catalogueFor(tag) {
    const lower = tag.trim().toLowerCase().replace(/_/g, '-');
    const primary = lower.split('-')[0] ?? '';
    return [lower, primary].find((candidate) => LANGUAGES.includes(candidate));
  }

  // data-lang, else the page's own language; a language without a catalogue gets English.
  const statedLanguage = script.dataset.lang || document.documentElement.lang || DEFAULT_LANGUAGE;
  const language = catalogueFor(statedLanguage) ?? DEFAULT_LANGUAGE;
  /** Dates and numbers follow the stated tag (en-GB, ru-RU) when it is the language shown and a valid tag. */
  let locale = (() => {
    try {
      return language === catalogueFor(statedLanguage) ? (Intl.getCanonicalLocales(statedLanguage.replace(/_/g, '-'))[0] ?? language) : language;
    } catch {
      return language;
    }
  })();
  /** @type {Catalogue} */
  let messages = english;
  const formatsFor = (/** @type {string} */ tag) => ({
    plurals: new Intl.PluralRules(tag),
    numbers: new Intl.NumberFormat(tag),
    dates: new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric' }),
  });
  let formats = formatsFor(locale);

  /**
   * A message in the chosen language: plural form by params.count, {name} placeholders filled in.
   * @param {string} key @param {Record<string, string | number>} [params]
   */
  function t(key, params = {}) {
    const message = messages[key] ?? english[key] ?? key;
    const count = Number(params.count ?? 0);
    const text = typeof message === 'string' ? message : (message[formats.plurals.select(count)] ?? message.other ?? key);
    return text.replace(/\{(\w+)\}/g, (whole, name) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? formats.numbers.format(value) : value;
    });
  }

  const base = new URL('.', script.src);
  const apiUrl = (/** @type {string} */ path) => new URL(path, base).toString();
  const articlePath = `api/v1/sites/${encodeURIComponent(site)}/articles/${encodeURIComponent(article)}`;

  /** @param {string} url @param {RequestInit} [init] */
  const call = (url, init) => fetch(url, { credentials: 'omit', mode: 'cors', ...init });

  // A reader's own catalogue, asked for at once; without it the form speaks English, dates included.
  const messagesReady = language === DEFAULT_LANGUAGE
    ? Promise.resolve()
    : call(apiUrl(`embed/i18n/${language}.json`))
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`catalogue: ${r.status}`))))
      .then((catalogue) => void (messages = catalogue))
      .catch(() => {
        locale = DEFAULT_LANGUAGE;
        formats = formatsFor(locale);
      });

  function mount() {
    const selector = script?.dataset.target;
    const target = selector ? document.querySelector(selector) : null;
    if (selector && !target) console.warn(`Moderato: no element matches data-target "${selector}"; rendering after the script`);
    // The form's language, which may not be the page's: screen readers pronounce it right.
    const host = h('div', { class: 'moderato-comments', lang: locale });
    if (target) target.append(host);
    else script?.after(host);
    return host;
  }

  /** @param {ShadowRoot} root */
  function addStyles(root) {
    // A constructed sheet is not an inline <style>, so a host page's strict CSP does not block it.
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h('style', {}, [STYLES]));
    }
  }

  /**
   * @typedef {{ id: string, parentId: string | null, name: string, body: string, createdAt: string }} ThreadComment
   * @typedef {{ token?: string, linkStyle: 'text' | 'nofollow', maxBodyLength: number }} FormSettings
   */

  /**
   * A body as text; with the `nofollow` link style, http(s) URLs become links.
   * @param {string} text @param {FormSettings['linkStyle']} linkStyle
   */
  function renderBody(text, linkStyle) {
    const body = h('p', { class: 'body' });
    if (linkStyle !== 'nofollow') {
      body.textContent = text;
      return body;
    }
    let last = 0;
    for (const match of text.matchAll(URL_RE)) {
      // Sentence punctuation right after a URL is not part of it.
      const url = match[0].replace(/[.,;:!?)\]'"]+$/, '');
      const start = match.index ?? 0;
      body.append(text.slice(last, start), h('a', { href: url, rel: 'nofollow ugc noopener' }, [url]));
      last = start + url.length;
    }
    body.append(text.slice(last));
    return body;
  }

  /**
   * The nested list of approved comments; replies go under their parent.
   * @param {HTMLElement} list @param {FormSettings} settings @param {(c: ThreadComment, li: HTMLElement) => void} onReply
   */
  function createThread(list, settings, onReply) {
    /** @type {Map<string, { li: HTMLElement, depth: number, container: HTMLElement, replies?: HTMLElement }>} */
    const placed = new Map();

    /** @param {ThreadComment} c @param {boolean} [fresh] */
    function add(c, fresh) {
      if (placed.has(c.id)) return;
      const parent = c.parentId ? placed.get(c.parentId) : undefined;
      const depth = parent ? Math.min(parent.depth + 1, MAX_DEPTH) : 0;
      let container = list;
      if (parent && parent.depth >= MAX_DEPTH) container = parent.container;
      else if (parent) {
        container = parent.replies ??= parent.li.appendChild(h('ol', { class: 'replies' }));
      }
      const when = new Date(c.createdAt);
      const reply = h('button', { type: 'button', class: 'link', 'aria-label': t('replyTo', { name: c.name }) }, [t('reply')]);
      const li = h('li', { class: fresh ? 'comment fresh' : 'comment', 'data-id': c.id }, [
        h('article', { 'aria-label': t('commentBy', { name: c.name }) }, [
          h('p', { class: 'meta' }, [h('span', { class: 'name' }, [c.name]), h('time', { datetime: c.createdAt }, [formats.dates.format(when)])]),
          renderBody(c.body, settings.linkStyle),
          reply,
        ]),
      ]);
      reply.addEventListener('click', () => onReply(c, li));
      container.append(li);
      placed.set(c.id, { li, depth, container });
    }
    return { add, get size() { return placed.size; } };
  }

  /** @param {Record<string, string>} values @param {number} maxBodyLength */
  function checkFields(values, maxBodyLength) {
    /** @type {Array<[string, string]>} */
    const problems = [];
    const { name = '', email = '', body = '' } = values;
    if (!name) problems.push(['name', t('nameMissing')]);
    else if (name.length > NAME_MAX) problems.push(['name', t('nameTooLong', { count: NAME_MAX })]);
    if (!email) problems.push(['email', t('emailMissing')]);
    else if (email.length > EMAIL_MAX || !EMAIL_RE.test(email)) problems.push(['email', t('emailInvalid')]);
    if (!body) problems.push(['body', t('bodyMissing')]);
    else if (body.length > maxBodyLength) problems.push(['body', t('bodyTooLong', { count: body.length, max: maxBodyLength })]);
    return problems;
  }

  /**
   * A labelled field with its hint and error slots.
   * @param {string} name @param {string} label @param {HTMLElement} control @param {string} [hint]
   */
  function field(name, label, control, hint) {
    const id = `moderato-${name}`;
    const described = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
    control.id = id;
    control.setAttribute('name', name);
    control.setAttribute('required', '');
    control.setAttribute('aria-describedby', described);
    return h('div', { class: 'field' }, [
      h('label', { for: id }, [label, ' ', requiredMark()]),
      control,
      ...(hint ? [h('p', { class: 'hint', id: `${id}-hint` }, [hint])] : []),
      h('p', { class: 'error', id: `${id}-error`, hidden: '' }),
    ]);
  }

  // The control's `required` tells screen readers; the star is for the eye, its title for the pointer.
  const requiredMark = () => h('span', { class: 'req', 'aria-hidden': 'true', title: t('required') }, ['*']);

  function buildForm() {
    const inputs = {
      name: /** @type {HTMLInputElement} */ (h('input', { type: 'text', autocomplete: 'name' })),
      email: /** @type {HTMLInputElement} */ (h('input', { type: 'email', autocomplete: 'email', spellcheck: 'false' })),
      body: /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: '6' })),
    };
    // The honeypot: invisible, unreachable by keyboard and screen readers; bots fill it.
    const honeypot = /** @type {HTMLInputElement} */ (h('input', { type: 'text', id: 'moderato-website', name: 'website', tabindex: '-1', autocomplete: 'off' }));
    const title = h('h3', { id: 'moderato-form-title' }, [t('formTitle')]);
    const cancel = h('button', { type: 'button', class: 'link', hidden: '' }, [t('cancelReply')]);
    const submit = h('button', { type: 'submit', class: 'submit' }, [t('submit')]);
    const [beforeMark = '', afterMark = ''] = t('requiredNote').split('{mark}');
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const form = /** @type {HTMLFormElement} */ (
      h('form', { novalidate: '', 'aria-labelledby': 'moderato-form-title' }, [
        title,
        h('p', { class: 'note' }, [beforeMark, h('span', { class: 'req' }, ['*']), afterMark]),
        field('name', t('name'), inputs.name),
        field('email', t('email'), inputs.email, t('emailPrivate')),
        field('body', t('body'), inputs.body),
        h('div', { class: 'hp', 'aria-hidden': 'true' }, [h('label', { for: 'moderato-website' }, [t('honeypot')]), honeypot]),
        h('p', {}, [submit, ' ', cancel]),
        status,
      ])
    );
    return { form, inputs, honeypot, title, cancel, submit, status };
  }

  /** @param {Response} response */
  async function errorOf(response) {
    try {
      const json = await response.json();
      return /** @type {{ code?: string, message?: string, field?: string }} */ (json.error ?? {});
    } catch {
      return {};
    }
  }

  const wait = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function start() {
    const startedAt = performance.now();
    // Asked for now, so it travels beside the catalogue rather than after it.
    const formSettings = call(apiUrl(`${articlePath}/form`))
      .then((r) => (r.ok ? r.json() : undefined))
      // Without a token the form still works: the post is scored like any other.
      .catch(() => undefined);
    await messagesReady;
    const host = mount();
    const root = host.attachShadow({ mode: 'open' });
    addStyles(root);
    const list = h('ol', { class: 'thread' });
    const heading = h('h2', { id: 'moderato-title' }, [t('comments')]);
    const threadStatus = h('p', { class: 'hint', role: 'status' }, [t('loading')]);
    const ui = buildForm();
    const formSlot = h('div', {}, [ui.form]);
    root.append(h('section', { 'aria-labelledby': 'moderato-title' }, [heading, threadStatus, list, formSlot]));

    /** @type {FormSettings} */
    const settings = { linkStyle: 'text', maxBodyLength: 5000 };
    const formReady = formSettings.then((s) => void Object.assign(settings, s));

    /** @type {string | null} */
    let replyTo = null;
    /** @type {HTMLElement | null} */
    let replyButton = null;
    /** @param {ThreadComment} c @param {HTMLElement} li */
    const startReply = (c, li) => {
      replyTo = c.id;
      replyButton = /** @type {HTMLElement} */ (li.querySelector(':scope > article > button'));
      li.querySelector(':scope > article')?.after(ui.form);
      ui.title.textContent = t('replyTo', { name: c.name });
      ui.cancel.hidden = false;
      (ui.inputs.name.value ? ui.inputs.body : ui.inputs.name).focus();
    };
    const endReply = (/** @type {boolean} */ refocus) => {
      replyTo = null;
      formSlot.append(ui.form);
      ui.title.textContent = t('formTitle');
      ui.cancel.hidden = true;
      if (refocus) replyButton?.focus();
    };
    ui.cancel.addEventListener('click', () => endReply(true));

    const thread = createThread(list, settings, startReply);
    const showCount = () => {
      heading.textContent = thread.size ? t('commentsCount', { count: thread.size }) : t('comments');
      threadStatus.textContent = thread.size ? '' : t('noComments');
    };

    /** @param {string} field @param {string} message */
    const setError = (field, message) => {
      const input = ui.form.querySelector(`#moderato-${field}`);
      const slot = /** @type {HTMLElement | null} */ (ui.form.querySelector(`#moderato-${field}-error`));
      if (!input || !slot) return false;
      input.setAttribute('aria-invalid', 'true');
      slot.textContent = message;
      slot.hidden = false;
      return true;
    };
    const clearErrors = () => {
      for (const el of ui.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
      for (const el of ui.form.querySelectorAll('.error')) (/** @type {HTMLElement} */ (el)).hidden = true;
    };
    const setStatus = (/** @type {string} */ text, bad = false) => {
      ui.status.textContent = text;
      ui.status.classList.toggle('bad', bad);
    };

    /** @param {string} id @param {ThreadComment} comment */
    async function follow(id, comment) {
      for (const delay of POLL_DELAYS_MS) {
        await wait(delay);
        const response = await call(apiUrl(`api/v1/comments/${encodeURIComponent(id)}`)).catch(() => undefined);
        if (!response?.ok) continue;
        const { status } = await response.json();
        if (status === 'approved') {
          thread.add(comment, true);
          showCount();
          return setStatus(t('published'));
        }
        if (status === 'rejected') return setStatus(t('notPublished'));
        // Held for a moderator: the pending message stays, nothing more to wait for here.
        if (status === 'held') return;
      }
    }

    /**
     * The reader's words for a field the server refused: the page checks the same rules,
     * so this is rare (a limit changed since the page loaded).
     * @param {string} field @param {string} value
     */
    const refusedField = (field, value) =>
      field === 'name' ? (value ? t('nameTooLong', { count: NAME_MAX }) : t('nameMissing'))
      : field === 'email' ? t('emailInvalid')
      : field === 'body' ? (value ? t('bodyRefused') : t('bodyMissing'))
      : undefined;

    /** @param {Response} response @param {Record<string, string>} values */
    async function refused(response, values) {
      const error = await errorOf(response);
      const fieldMessage = response.status === 400 && error.field ? refusedField(error.field, values[error.field] ?? '') : undefined;
      if (error.field && fieldMessage && setError(error.field, fieldMessage)) {
        (/** @type {HTMLElement | null} */ (ui.form.querySelector('[aria-invalid=true]')))?.focus();
        return setStatus(t('fixField'), true);
      }
      // The server's own messages are English: the reader gets ours, by the error's code.
      const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
      const byCode = /** @type {Record<string, string>} */ ({
        origin_not_allowed: t('originNotAllowed'),
        article_closed: t('articleClosed'),
        duplicate_comment: t('duplicate'),
        payload_too_large: t('tooLarge'),
        rate_limited: seconds > 0 ? t('rateLimited', { count: seconds }) : t('rateLimitedMinute'),
      });
      setStatus(byCode[error.code ?? ''] ?? t('failed'), true);
    }

    let busy = false;
    ui.form.addEventListener('submit', async (event) => {
      event.preventDefault();
      // One post at a time: repeated clicks or Enter presses while sending do nothing.
      if (busy) return;
      clearErrors();
      const values = { name: ui.inputs.name.value.trim(), email: ui.inputs.email.value.trim(), body: ui.inputs.body.value.trim() };
      const problems = checkFields(values, settings.maxBodyLength);
      if (problems.length) {
        for (const [name, message] of problems) setError(name, message);
        ui.inputs[/** @type {'name' | 'email' | 'body'} */ (problems[0]?.[0])].focus();
        return setStatus(problems.length === 1 ? t('fixField') : t('fixFields', { count: problems.length }), true);
      }
      busy = true;
      ui.submit.setAttribute('aria-disabled', 'true');
      setStatus(t('sending'));
      const parentId = replyTo;
      try {
        const response = await call(apiUrl(`${articlePath}/comments`), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...values, parentId, formToken: settings.token, website: ui.honeypot.value }),
        });
        if (response.status !== 202) return void (await refused(response, values));
        const { id } = await response.json();
        ui.inputs.body.value = '';
        if (parentId) endReply(false);
        setStatus(t('pending'));
        void follow(id, { id, parentId, name: values.name, body: values.body, createdAt: new Date().toISOString() });
      } catch {
        setStatus(t('offline'), true);
      } finally {
        busy = false;
        ui.submit.removeAttribute('aria-disabled');
      }
    });

    // The link style must be known before the first comment renders.
    await formReady;
    // Time spent building the DOM, apart from waiting on the network.
    let renderMs = 0;
    try {
      let cursor = null;
      do {
        const query = `?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await call(apiUrl(`${articlePath}/comments${query}`));
        if (!response.ok) throw new Error(`thread: ${response.status}`);
        const page = await response.json();
        const pageStart = performance.now();
        for (const c of page.comments) thread.add(c);
        renderMs += performance.now() - pageStart;
        cursor = page.next;
      } while (cursor);
      showCount();
    } catch {
      threadStatus.textContent = t('loadFailed');
    }
    const ms = Math.round(performance.now() - startedAt);
    host.dataset.state = 'ready';
    const detail = { count: thread.size, ms, renderMs: Math.round(renderMs) };
    host.dispatchEvent(new CustomEvent('moderato:rendered', { bubbles: true, detail }));
  }

  const run = () => void start().catch((error) => console.error('Moderato:', error));
  // An async script can run before a data-target further down the page is parsed.
  if (script.dataset.target && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
})();
