// The only module that imports `natural`. We import the stemmers entry point
// rather than the package root: the root also loads natural's storage
// backends, which read .env, pull in pg/redis/mongoose and take ~1 s.
import { PorterStemmer } from 'natural/lib/natural/stemmers';
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

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', pound: '£', euro: '€',
};

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
// Zero-width and invisible format characters used to dodge word filters; the
// YouTube data also ends most comments with U+FEFF.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const HTML_TAG = /<\/?[a-z][^<>]{0,300}>/gi;
const RETWEET = /\bRT\s+@\w+:?/g;
const RT_MARK = /\bRT\b:?/g;
// Scheme links, www. links and bare domains ("bit.ly/x", "pimpmyviews. com").
// At most five labels before the TLD, so "a.b.c…" cannot backtrack quadratically.
const LINK =
  /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+){0,5}\.\s?(?:com|net|org|ly|co|io|info|biz|me|tv|gl|be|ru|uk|us|de)\b(?:\/\S*)?/gi;
// OLID replaced every link by the literal word URL; only the upper-case form
// is the placeholder.
const URL_PLACEHOLDER = /\bURL\b/g;
const MENTION = /(^|[^\w@])@\w+/g;
// "#DomesticTerrorists" carries words; split on case changes so they count.
const HASHTAG = /(^|[^\w#])#(\w+)/g;
const CAMEL = /([a-z])([A-Z])/g;
const NON_ASCII_LETTER = /[^\x00-\x7f]/g;
const REPEATS = /(\D)\1{2,}/gu;
const TOKEN = /\[link\]|[\p{L}\p{M}\p{N}]+(?:[*']+[\p{L}\p{M}\p{N}]+)*|\p{Extended_Pictographic}|[!?$£€%]/gu;

function decodeEntity(match: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? match;
}

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
  text = text.replace(LINK, ` ${LINK_TOKEN} `).replace(URL_PLACEHOLDER, ` ${LINK_TOKEN} `);
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

const PUNCT = new Set(['!', '?', '$', '£', '€', '%']);
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

// Cheap checks first: the regex is only needed for the rare non-ASCII token.
function kindOf(tokenText: string): TokenKind {
  if (tokenText === LINK_TOKEN) return 'link';
  if (tokenText.length === 1 && PUNCT.has(tokenText)) return 'punct';
  return tokenText.charCodeAt(0) >= 0x2000 && PICTOGRAPHIC.test(tokenText) ? 'emoji' : 'word';
}

/** Splits already-normalised text into tokens with offsets and stems. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const surface = match[0];
    const start = match.index ?? 0;
    const kind = kindOf(surface);
    const stem = kind === 'word' ? stemWord(surface) : surface;
    tokens.push({ text: surface, stem, kind, start, end: start + surface.length });
  }
  return tokens;
}

/** Normalises raw text and tokenises the result. */
export function analyseText(raw: string): NormalisedText {
  const text = normaliseText(raw);
  return { text, tokens: tokenise(text) };
}

// What we use of natural's BayesClassifier (its internals included, see below).
interface NaturalBayes {
  docs: Array<{ label: string; text: string[] }>;
  features: Record<string, number>;
  stemmer: { tokenizeAndStem(text: string): string[] };
  classifier: {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
    addExample(observation: Record<string, number>, label: string): void;
  };
}

/** natural's BayesClassifier as the evaluation's reference, scored in log space. */
export interface BayesBaseline {
  /** log P(positive | text) − log P(negative | text), up to natural's own smoothing. */
  logOdds(text: string): number;
}

/**
 * Trains natural's BayesClassifier (Porter stemmer, its tokeniser, its
 * counts and smoothing) on labelled texts. Two departures, both for speed
 * and neither changing the model: documents are fed to its sparse
 * `addExample` path instead of `train()`, which builds a dense vector over
 * the whole vocabulary per document (minutes on 38k tweets); and scoring
 * sums its log terms ourselves, because `getClassifications` exponentiates
 * them and underflows to 0 for both classes on long comments. (The sparse
 * path assigns an undeclared `value` in natural's dependency, i.e. a global:
 * harmless in the one-off eval process, a reason not to use it elsewhere.)
 */
export function trainNaturalBayes(rows: ReadonlyArray<{ text: string; label: 0 | 1 }>): BayesBaseline {
  // Required lazily: only the evaluation needs it, the worker never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier') as new (stemmer: unknown) => NaturalBayes;
  const natural = new BayesClassifier(PorterStemmer);
  for (const row of rows) (natural as unknown as { addDocument(t: string, l: string): void }).addDocument(row.text, String(row.label));
  const vocabulary = new Map(Object.keys(natural.features).map((feature, i) => [feature, i]));
  for (const doc of natural.docs) {
    const observation: Record<string, number> = {};
    for (const token of new Set(doc.text)) observation[token] = vocabulary.get(token)!;
    natural.classifier.addExample(observation, doc.label);
  }
  const { classFeatures, classTotals, totalExamples, smoothing } = natural.classifier;
  const logPosterior = (present: number[], label: string): number => {
    let sum = Math.log(classTotals[label]! / totalExamples);
    for (const i of present) sum += Math.log((classFeatures[label]![i] ?? smoothing) / classTotals[label]!);
    return sum;
  };
  return {
    logOdds(text) {
      const tokens = new Set(natural.stemmer.tokenizeAndStem(text));
      const present = [...tokens].map((t) => vocabulary.get(t)).filter((i): i is number => i !== undefined);
      return logPosterior(present, '1') - logPosterior(present, '0');
    },
  };
}
