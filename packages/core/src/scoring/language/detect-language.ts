// Which model reads a comment is decided by its letters alone: a character
// scan costs ~1 µs, and Latin vs Cyrillic, plus the letters only Kazakh,
// Ukrainian or Belarusian use, separate the languages our readers write.

/** ISO 639-1 code of a comment's language, or 'und' when it cannot be told. */
export type LanguageCode = 'en' | 'ru' | 'kk' | 'uk' | 'be' | 'und';

// Fewer letters than this (after links, handles and numbers) say nothing.
const MIN_LETTERS = 3;
// The opening of a long comment tells its language as well as the whole.
const SCAN_LIMIT = 4_000;
// Letters used by one language only must make up at least 1/40 of the
// Cyrillic letters: a Russian comment naming "Тоқаев" stays Russian, while
// in Kazakh or Ukrainian text they are 5-10 % of the letters.
const MARKER_SHARE = 40;

// One byte of flags per code point below U+0530: a comment is read with one
// table look-up per character. Latin letters that look like a Cyrillic one
// and vice versa are flagged LOOKALIKE: in a word that mixes scripts ("xуй",
// "mоnеу") only the others say which script it is.
const LATIN = 1, CYRILLIC = 2, LOOKALIKE = 4, KAZAKH = 8, UKRAINIAN = 16, BELARUSIAN = 32, RUSSIAN_ONLY = 64;
const TABLE_SIZE = 0x530;
const FLAGS = new Uint8Array(TABLE_SIZE);
const mark = (letters: string, flag: number): void => {
  for (const c of letters) FLAGS[c.charCodeAt(0)]! |= flag;
};
for (let c = 0; c < TABLE_SIZE; c += 1) {
  const latin = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
  if (latin) FLAGS[c] = LATIN;
  if (c >= 0x400) FLAGS[c] = CYRILLIC;
}
mark('aceopxykmhtbACEOPXYKMHTB', LOOKALIKE);
mark('аеорсухкмнтвіјѕАЕОРСУХКМНТВІЈЅ', LOOKALIKE);
mark('әғқңөұүһӘҒҚҢӨҰҮҺ', KAZAKH);
mark('іїєґІЇЄҐ', UKRAINIAN);
mark('ўЎ', BELARUSIAN);
// Letters Ukrainian does not have: their presence argues for Russian.
mark('ыэъёЫЭЪЁ', RUSSIAN_ONLY);
const OTHER_LETTER = /\p{L}/u;

interface Counts {
  latin: number;
  cyrillic: number;
  other: number;
  kazakh: number;
  ukrainian: number;
  belarusian: number;
  russianOnly: number;
}

const isLatin = (c: number): boolean => c < TABLE_SIZE && (FLAGS[c]! & LATIN) !== 0;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;

// A chunk (run of non-space) that is a link, an email or a @handle carries
// no language: "t.me/…", "https://…", "www.…", "site.ru/x", "@user".
function isAddress(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 64 /* @ */) return true;
    if ((c === 46 /* . */ || c === 47 /* / */ || c === 58 /* : */) && i > start && i + 1 < end) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      if (isLatin(before) && (isLatin(after) || after === 47)) return true;
    }
  }
  return false;
}

// Counts a chunk's letters word by word (a word being a run of letters and
// digits: "пи3дец" is one). A word mixing scripts goes to the script of its
// letters that have no look-alike ("xуй" Cyrillic, "mоnеу" Latin), or to
// neither when those tie.
function countChunk(text: string, start: number, end: number, counts: Counts): void {
  let latin = 0, cyrillic = 0, latinOwn = 0, cyrillicOwn = 0;
  for (let i = start; i <= end; i += 1) {
    const c = i < end ? text.charCodeAt(i) : 32;
    const flags = c < TABLE_SIZE ? FLAGS[c]! : 0;
    if (flags & LATIN) {
      latin += 1;
      if (!(flags & LOOKALIKE)) latinOwn += 1;
      continue;
    }
    if (flags & CYRILLIC) {
      cyrillic += 1;
      if (!(flags & LOOKALIKE)) cyrillicOwn += 1;
      if (flags & KAZAKH) counts.kazakh += 1;
      else if (flags & UKRAINIAN) counts.ukrainian += 1;
      else if (flags & BELARUSIAN) counts.belarusian += 1;
      else if (flags & RUSSIAN_ONLY) counts.russianOnly += 1;
      continue;
    }
    if (c >= 48 && c <= 57) continue;
    if (c >= TABLE_SIZE && OTHER_LETTER.test(text[i]!)) {
      counts.other += 1;
      continue;
    }
    // Word boundary: settle the word's script.
    if (latin > 0 && cyrillic > 0) {
      if (latinOwn > cyrillicOwn) counts.latin += latin + cyrillic;
      else if (cyrillicOwn > latinOwn) counts.cyrillic += latin + cyrillic;
    } else {
      counts.latin += latin;
      counts.cyrillic += cyrillic;
    }
    latin = cyrillic = latinOwn = cyrillicOwn = 0;
  }
}

function cyrillicLanguage(counts: Counts): LanguageCode {
  const { cyrillic, kazakh, ukrainian, belarusian, russianOnly } = counts;
  if (kazakh > 0 && kazakh * MARKER_SHARE >= cyrillic) return 'kk';
  if (belarusian > 0 && belarusian * MARKER_SHARE >= cyrillic) return 'be';
  // Ukrainian has no ы, э, ъ or ё; a few of them in a long text are quotes.
  if (ukrainian > 0 && ukrainian * MARKER_SHARE >= cyrillic && ukrainian > 3 * russianOnly) return 'uk';
  return 'ru';
}

/**
 * The language of a comment from its letters: 'en' for Latin script, 'ru'
 * for Cyrillic unless the letters only Kazakh ('kk'), Ukrainian ('uk') or
 * Belarusian ('be') use are frequent enough, 'und' when fewer than three
 * letters remain or another script dominates. Links, @handles, emails and
 * numbers are ignored. Cyrillic wins once it is a third of the letters, so
 * a Russian comment naming an English brand stays Russian.
 */
export function detectLanguage(body: string): LanguageCode {
  const counts: Counts = { latin: 0, cyrillic: 0, other: 0, kazakh: 0, ukrainian: 0, belarusian: 0, russianOnly: 0 };
  const length = Math.min(body.length, SCAN_LIMIT);
  let i = 0;
  while (i < length) {
    while (i < length && isSpace(body.charCodeAt(i))) i += 1;
    const chunkStart = i;
    while (i < length && !isSpace(body.charCodeAt(i))) i += 1;
    if (i > chunkStart && !isAddress(body, chunkStart, i)) countChunk(body, chunkStart, i, counts);
  }
  const letters = counts.latin + counts.cyrillic + counts.other;
  if (letters < MIN_LETTERS) return 'und';
  if (counts.other > counts.latin + counts.cyrillic) return 'und';
  if (counts.cyrillic * 2 >= counts.latin) return cyrillicLanguage(counts);
  return 'en';
}
