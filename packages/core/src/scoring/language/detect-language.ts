// Placeholder by script counts until the language-detection module lands
// from the Russian work (same path and signature).
const KAZAKH = /[әғқңөұүһі]/iu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** ISO 639-1 code of the body's language: 'en', 'ru', 'kk', or 'und' with too few letters to tell. */
export function detectLanguage(body: string): string {
  const cyrillic = body.match(CYRILLIC)?.length ?? 0;
  const latin = body.match(LATIN)?.length ?? 0;
  if (cyrillic + latin < 3) return 'und';
  if (cyrillic > latin) return KAZAKH.test(body) ? 'kk' : 'ru';
  return 'en';
}
