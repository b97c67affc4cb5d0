// @ts-check
/** The site switcher, for people who moderate several sites: each site with its held count, the last choice remembered. */
import { t } from './i18n.js';
import { el } from './render.js';

// The site chosen last, so a moderator of several sites comes back to it.
const SITE_KEY = 'moderato.site';

/**
 * The remembered site if the user still works on it, else the first.
 * @param {Array<{ id: string }>} sites
 */
export const rememberedSite = (sites) => sites.find((site) => site.id === localStorage.getItem(SITE_KEY))?.id ?? sites[0]?.id ?? '';

/** @param {string} siteId */
export const rememberSite = (siteId) => localStorage.setItem(SITE_KEY, siteId);

/**
 * Fills the topbar's #sites: a lone site's name, or a select of several,
 * updated in place when it exists so that it keeps focus while in use.
 * @param {Array<{ id: string, name: string, counts?: { held: number } }>} sites
 * @param {string} siteId the chosen one
 * @param {(count: number) => string} countLabel
 */
export function renderSiteSwitcher(sites, siteId, countLabel) {
  const nav = /** @type {HTMLElement} */ (document.getElementById('sites'));
  const label = (/** @type {(typeof sites)[number]} */ site) => t('sites.option', { name: site.name, held: countLabel(site.counts?.held ?? 0) });
  if (sites.length < 2) {
    nav.replaceChildren(el('span', { class: 'site-name' }, [sites[0]?.name ?? '']));
    return;
  }
  const existing = /** @type {HTMLSelectElement | null} */ (document.getElementById('site-switcher'));
  if (existing && existing.options.length === sites.length) {
    sites.forEach((site, i) => {
      /** @type {HTMLOptionElement} */ (existing.options[i]).textContent = label(site);
    });
    existing.value = siteId;
    return;
  }
  const select = /** @type {HTMLSelectElement} */ (el('select', { id: 'site-switcher' }, sites.map((site) => el('option', { value: site.id }, [label(site)]))));
  select.value = siteId;
  nav.replaceChildren(el('label', { for: 'site-switcher', class: 'site-label', 'data-i18n': 'sites.label' }, [t('sites.label')]), select);
}
