// Russian text before any model or word list. Russian obscenity hides behind
// Latin and digit look-alikes ("xуй", "пи3дец"), stretched letters
// ("пиииздец") and spelled-out letters ("б.л.я.т.ь"); undoing those here
// lets one stem stand for every disguise. Every step is a linear scan: no
// pattern here can backtrack over a long run.
// natural's Russian Porter stemmer is imported by its own path: natural's
// index loads its database clients.
import PorterStemmerRu from 'natural/lib/natural/stemmers/porter_stemmer_ru';
import { LINK_TOKEN, stemWord, tokenise, type NormalisedText, type Token } from '../text';
import { INVISIBLE_CLASS } from './characters';

// Text NFKC leaves as it is (ASCII, Cyrillic, guillemets, dashes, curly
// quotes): the common case skips the normalisation call.
const NFKC_STABLE = /^[\u0000-\u007e\u00ab\u00bb\u0400-\u04ff\u2013\u2014\u2018\u2019\u201c-\u201e]*$/;
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');
// Scheme links, www. hosts and bare domains of the zones Russian spam uses.
// At most five labels before the zone, so "a.b.c…" cannot backtrack.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+){0,5}\.(?:com|net|org|ru|su|me|io|ly|info|biz|xyz|top|kz|ua|by|рф)\b(?:\/[^\s<>"']*)?/gi;
const MENTION = /(^|[^\p{L}\p{N}_@])@[\p{L}\p{N}_]+/gu;
// Lower-case letters and digits after the case step; the patterns below use
// these plain classes rather than \\p{L}, which costs several times more.
const WORD = /[a-zа-я0-9]+/g;
// Only a word mixing Cyrillic with Latin letters or digits has anything to unmask.
const MASKED = /[а-я][a-z0-9]|[a-z0-9][а-я]/;
const CYRILLIC = /[а-яё]/;
const REPEATS = /([a-zа-я])\1\1+/g;

// Latin letters (lower case) that stand for a Cyrillic one inside a Cyrillic word.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', b: 'в', c: 'с', d: 'д', e: 'е', h: 'н', i: 'и', k: 'к', m: 'м', n: 'п', o: 'о',
  p: 'р', r: 'г', t: 'т', u: 'и', w: 'ш', x: 'х', y: 'у',
};
// Digits that stand for a letter when they sit against Cyrillic letters ("пи3дец", "6лять").
const DIGIT_TO_CYRILLIC: Readonly<Record<string, string>> = { '0': 'о', '3': 'з', '4': 'ч', '6': 'б' };
// Fewer Cyrillic letters than this and a digit is a number with a suffix ("3х", "4ый").
const MIN_LETTERS_FOR_DIGITS = 3;

// Letters spelled one by one: "х у й", "б.л.я.т.ь", "с-у-к-а". The run is
// one letter, then at least two (separator, letter) pairs; each repetition
// consumes a fixed width, so a failed end costs one step back.
const SPELLED = /(?<![a-zа-я0-9])[a-zа-я](?:[ .*_-][a-zа-я]){2,}(?![a-zа-я0-9])/g;
// Russian words of one letter: a run of three of them ("а я в шоке") is prose.
const ONE_LETTER_WORDS = new Set(['в', 'с', 'к', 'и', 'а', 'о', 'у', 'я', 'ж', 'б']);
// Four single letters in a row separated only by spaces are never prose.
const ALWAYS_JOINED = 4;

function joinSegment(letters: string, separator: string): string {
  if (letters.length < 3 || !CYRILLIC.test(letters)) return [...letters].join(separator);
  if (separator !== ' ' || letters.length >= ALWAYS_JOINED) return letters;
  for (const letter of letters) if (!ONE_LETTER_WORDS.has(letter)) return letters;
  return [...letters].join(separator);
}

// A run is joined piece by piece, each piece using one separator throughout:
// "б.л.я.т.ь х у й" is two words, and "и т.д." stays prose.
function joinSpelled(run: string): string {
  let out = '';
  let letters = run[0]!;
  let separator = run[1]!;
  for (let i = 2; i < run.length; i += 2) {
    if (run[i - 1] !== separator) {
      out += `${joinSegment(letters, separator)}${run[i - 1]}`;
      letters = '';
      separator = run[i + 1] ?? separator;
    }
    letters += run[i];
  }
  return out + joinSegment(letters, separator);
}

// Inside a word that has Cyrillic letters, Latin look-alikes become Cyrillic
// and digits touching letters become the letter they imitate. A word without
// Cyrillic is left alone: "iphone" and transliteration stay what they are.
// A Latin letter with no Cyrillic twin ("free" in "Frее") marks a Latin word.
const LATIN_ONLY = /[fjlqsvz]/;

function unmaskWord(word: string): string {
  if (!CYRILLIC.test(word) || LATIN_ONLY.test(word)) return word;
  let cyrillic = 0;
  for (const c of word) if (c >= 'а' && c <= 'я') cyrillic += 1;
  const digits = cyrillic >= MIN_LETTERS_FOR_DIGITS;
  let out = '';
  for (let i = 0; i < word.length; i += 1) {
    const c = word[i]!;
    const latin = LATIN_TO_CYRILLIC[c];
    if (latin) out += latin;
    else if (digits && DIGIT_TO_CYRILLIC[c] && standsForLetter(word, i)) out += DIGIT_TO_CYRILLIC[c];
    else out += c;
  }
  return out;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'а' && c <= 'я') || (c >= 'a' && c <= 'z'));
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

// A lone digit against a letter: "пи3дец", not the "3" of "2023года".
function standsForLetter(word: string, at: number): boolean {
  const before = word[at - 1];
  const after = word[at + 1];
  return !isDigit(before) && !isDigit(after) && (isLetter(before) || isLetter(after));
}

/**
 * Normalises Russian text: invisible characters out, NFKC, lower case, ё→е,
 * links to {@link LINK_TOKEN}, @handles dropped, spelled-out letters joined
 * ("х у й", "б.л.я.т.ь", but not "а я в"), Latin and digit look-alikes
 * mapped inside Cyrillic words ("xуй" → "хуй", "пи3дец" → "пиздец"), runs of
 * three or more of one letter squeezed to one ("пиииздец" → "пиздец").
 */
export function normaliseRussian(raw: string): string {
  let text = raw.replace(INVISIBLE, '');
  if (!NFKC_STABLE.test(text)) text = text.normalize('NFKC').replace(INVISIBLE, '');
  text = text.replace(LINK, ` ${LINK_TOKEN} `).replace(MENTION, '$1 ');
  text = text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  text = text.replace(SPELLED, joinSpelled);
  if (MASKED.test(text)) text = text.replace(WORD, unmaskWord);
  return text.replace(REPEATS, '$1').trim();
}

// Stemming is the slow step (natural's stemmer builds its patterns per
// call); comments reuse a small vocabulary, so a bounded memo makes it nearly
// free. Cleared wholesale when full: output never depends on what is cached.
const STEM_CACHE_LIMIT = 50_000;
// natural's stemmer scans a word with several anchored patterns; a 5,000-letter
// "word" would cost milliseconds, and such words are junk anyway.
const STEM_WORD_LIMIT = 40;
const stemCache = new Map<string, string>();

/** natural's Russian Porter stem of a normalised Cyrillic word, digits folded to 0. */
export function stemRussian(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const folded = word.replace(/\d/g, '0');
  const stem = folded.length > STEM_WORD_LIMIT ? folded : PorterStemmerRu.stem(folded);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

// Cyrillic words take the Russian stem, Latin ones (brands, English) the English one.
function stemOf(surface: string): string {
  return CYRILLIC.test(surface) ? stemRussian(surface) : stemWord(surface);
}

/** Splits normalised Russian text into tokens with offsets and stems, in the shape text.ts gives English. */
export function tokeniseRussian(text: string): Token[] {
  return tokenise(text, stemOf);
}

/** Normalises raw Russian text and tokenises the result (the Russian counterpart of `analyseText`). */
export function analyseRussian(raw: string): NormalisedText {
  const text = normaliseRussian(raw);
  return { text, tokens: tokeniseRussian(text) };
}
