import { FEATURE_SCHEME } from '../features';
import { spamSignals } from '../signals/spam-signals';
import { targetingSignals } from '../signals/targeting';
import { normaliseText, STOP_WORDS, stemRussianWord, tokenise } from '../text';
import { silentWith, type LanguageAnalyser } from './analyser';

// Placeholder until the Russian normalisation lands (normalise/russian.ts):
// Latin look-alikes inside Cyrillic words back to Cyrillic, ё → е.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', u: 'и', '3': 'з', '0': 'о' };
const MIXED_WORD = /[\p{L}\d]*\p{Script=Cyrillic}[\p{L}\d]*/gu;

function russianText(body: string): string {
  return normaliseText(body, { foldToLatin: false })
    .replace(/ё/g, 'е')
    .replace(MIXED_WORD, (word) => word.replace(/[a-z0-9]/g, (c) => LATIN_TO_CYRILLIC[c] ?? c));
}

/** Russian: natural's Russian Porter stems, spam signals, insults aimed at the reader. */
export const russianAnalyser: LanguageAnalyser = {
  language: 'ru',
  featureScheme: `ru/${FEATURE_SCHEME}/ru-placeholder`,
  analyse(body) {
    const tokens = tokenise(russianText(body), stemRussianWord);
    return { tokens, dense: [...targetingSignals(tokens), ...spamSignals(body)] };
  },
  isSilent: silentWith(STOP_WORDS.ru!),
};
