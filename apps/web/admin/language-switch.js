// @ts-check
/** The header's language switch: each user's choice, saved with their account so it follows them. */
import * as api from './api.js';
import { availableLanguages, currentLanguage, useLanguage } from './i18n.js';
import { el } from './render.js';

const select = () => /** @type {HTMLSelectElement} */ (document.getElementById('language'));

/** Lists the languages, each named in itself, with the current one chosen. */
export async function fillLanguageSwitch() {
  const languages = await availableLanguages();
  select().replaceChildren(...languages.map(({ code, name }) => el('option', { value: code, lang: code }, [name])));
  select().value = currentLanguage();
}

/**
 * Saves a new choice, switches to it, then lets the page redraw what it shows.
 * @param {{ switched: (language: string) => Promise<void>, failed: (error: Error) => void }} handlers
 */
export function wireLanguageSwitch({ switched, failed }) {
  select().addEventListener('change', async () => {
    try {
      const { language } = await api.put('/api/v1/me/preferences', { language: select().value });
      await useLanguage([language]);
      await switched(language);
    } catch (error) {
      select().value = currentLanguage();
      failed(/** @type {Error} */ (error));
    }
  });
}
