// The only module that imports `natural`. We import the stemmers entry point
// rather than the package root: the root also loads natural's storage
// backends, which read .env, pull in pg/redis/mongoose and take ~1 s.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { decodeEntityName, ENTITY_SOURCE, INVISIBLE_CLASS, LINK_PATTERN } from './normalise/characters';
import { LOOKALIKES } from './normalise/lookalikes';

/** Stands in for every link, so "has a link" is learnt once, not per domain. */
export const LINK_TOKEN = '[link]';

/** What a token is; only words get character n-grams. */
export type TokenKind = 'word' | 'link' | 'emoji' | 'punct';

/** One token of the normalised text. */
export interface Token {
  /** Surface form as it appears in the normalised text. */
  text: string;
  /** Porter stem of the surface form with digits folded to 0 (links, emoji, punctuation: the text). */
  stem: string;
  kind: TokenKind;
  /** Offsets into `NormalisedText.text` (UTF-16 units, end exclusive). */
  start: number;
  end: number;
}

/** A comment after normalisation, with its tokens. */
export interface NormalisedText {
  text: string;
  tokens: Token[];
}

const ENTITY = new RegExp(ENTITY_SOURCE, 'gi');
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');
const HTML_TAG = /<\/?[a-z][^<>]{0,300}>/gi;
const RETWEET = /\bRT\s+@\w+:?/g;
const RT_MARK = /\bRT\b:?/g;
// OLID replaced every link by the literal word URL; only the upper-case form
// is the placeholder.
const URL_PLACEHOLDER = /\bURL\b/g;
const MENTION = /(^|[^\w@])@\w+/g;
// "#DomesticTerrorists" carries words; split on case changes so they count.
const HASHTAG = /(^|[^\w#])#(\w+)/g;
const CAMEL = /([a-z])([A-Z])/g;
const NON_ASCII_LETTER = /[^\x00-\x7f]/g;
const REPEATS = /(\D)\1{2,}/gu;
const TOKEN = /\[link\]|[\p{L}\p{M}\p{N}]+(?:[*']+[\p{L}\p{M}\p{N}]+)*|\p{Extended_Pictographic}|[!?$£€%₽]/gu;

const decodeEntity = (match: string, name: string): string => decodeEntityName(name) ?? match;

/**
 * Normalises raw comment text so features carry over between sites:
 * decodes HTML entities, drops tags, mentions and retweet markers, maps every
 * link to {@link LINK_TOKEN}, splits hashtags into words, applies NFKC,
 * lower-cases, folds Cyrillic/Greek look-alikes, removes invisible characters
 * and squeezes runs of 3+ identical non-digit characters to 2. (l33t is left
 * to the lexicon feature: folding digits here would mangle "@user" and prices.)
 */
export function normaliseText(raw: string): string {
  let text = raw.replace(INVISIBLE, '');
  // Twice, because scraped text is often double-escaped (&amp;lt;).
  text = text.replace(ENTITY, decodeEntity).replace(ENTITY, decodeEntity);
  text = text.replace(HTML_TAG, ' ').normalize('NFKC').replace(INVISIBLE, '');
  text = text.replace(RETWEET, ' ').replace(RT_MARK, ' ');
  text = text.replace(LINK_PATTERN, ` ${LINK_TOKEN} `).replace(URL_PLACEHOLDER, ` ${LINK_TOKEN} `);
  text = text.replace(MENTION, '$1 ');
  text = text.replace(HASHTAG, (_, before: string, tag: string) => `${before} ${tag.replace(CAMEL, '$1 $2').replace(/_/g, ' ')} `);
  text = text.toLowerCase().replace(NON_ASCII_LETTER, (c) => LOOKALIKES[c] ?? c).replace(/[’‘`´]/g, "'").replace(REPEATS, '$1$1');
  return text.replace(/\s+/g, ' ').trim();
}

// Porter stemming is ~4 µs a word; comments reuse a small vocabulary, so a
// bounded memo makes it nearly free. Cleared wholesale when full: simple, and
// output never depends on what is cached.
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** Porter stem of a lower-cased word, with digits folded to 0 first. */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stem = PorterStemmer.stem(word.replace(/\d/g, '0'));
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

const PUNCT = new Set(['!', '?', '$', '£', '€', '%', '₽']);
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

// Cheap checks first: the regex is only needed for the rare non-ASCII token.
function kindOf(tokenText: string): TokenKind {
  if (tokenText === LINK_TOKEN) return 'link';
  if (tokenText.length === 1 && PUNCT.has(tokenText)) return 'punct';
  return tokenText.charCodeAt(0) >= 0x2000 && PICTOGRAPHIC.test(tokenText) ? 'emoji' : 'word';
}

/** Splits already-normalised text into tokens with offsets and stems (English Porter unless told). */
export function tokenise(text: string, stem: (word: string) => string = stemWord): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const surface = match[0];
    const start = match.index ?? 0;
    const kind = kindOf(surface);
    tokens.push({ text: surface, stem: kind === 'word' ? stem(surface) : surface, kind, start, end: start + surface.length });
  }
  return tokens;
}

/** Normalises raw text and tokenises the result. */
export function analyseText(raw: string): NormalisedText {
  const text = normaliseText(raw);
  return { text, tokens: tokenise(text) };
}
