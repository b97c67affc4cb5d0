// Characters that read as a Latin letter to a human but not to a word list:
// Cyrillic and Greek homoglyphs, a few Latin letters without a decomposition
// (ø, ł, đ), and the digits and symbols of l33t. Kept small on purpose: every
// entry is a chance to fold two honest words together.

/** Homoglyphs folded everywhere (they never stand for themselves in English text). */
export const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', ӏ: 'l', ɩ: 'i',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't',
};

/**
 * l33t substitutions, applied only inside a run that also holds a letter
 * ("1d10t", "sh!t", "@ss"), so "2024", "100%" and "$5" stay what they are.
 */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't',
};

const COMBINING_MARK = /\p{M}/gu;

/**
 * Folds one code point: NFKC (full-width, ligatures, maths letters), then
 * lower case, then strips diacritics ("ïdïøt" → "idiot") and maps homoglyphs.
 * May return several characters ("ﬁ" → "fi") or none (a lone combining mark).
 */
export function foldCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char.toLowerCase();
  const lowered = char.normalize('NFKC').toLowerCase();
  let out = '';
  for (const c of lowered) {
    const mapped = LOOKALIKES[c];
    out += mapped ?? c.normalize('NFD').replace(COMBINING_MARK, '');
  }
  return out;
}
