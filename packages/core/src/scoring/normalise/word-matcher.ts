import { foldText, spanInBody, type FoldedText } from './fold-text';

/** One whole-word hit of a listed word, with its span in the body as stored. */
export interface WordMatch {
  word: string;
  start: number;
  end: number;
  text: string;
}

/** Finds listed words in folded text. */
export interface WordMatcher {
  readonly size: number;
  find(body: string, folded?: FoldedText): WordMatch[];
}

/** How lenient a matcher is beyond folding. */
export interface WordMatcherOptions {
  /** Also match inflections (s, ed, ing ...) of words of 4+ letters: for a lexicon, not for a site's list. */
  inflections?: boolean;
}

// Longest first, so "ings" is tried before "s".
const INFLECTION_RUNS = ['ings', 'ers', 'ing', 'es', 'ed', 'er', 'in', 's', 'y'].map((suffix) => runsOf(suffix));
const INFLECTION_KEYS = [...new Set(INFLECTION_RUNS.map((suffix) => suffix.key))];
// A comment that repeats a listed word thousands of times needs no more
// evidence than this, and the cap bounds the work one comment can cause.
const MAX_MATCHES = 100;
const WORD = /[\p{L}\p{N}]+/gu;
// What may stand between the letters of a word spelt out: "i d i o t", "i.d.i.o.t".
const SPELLING_SEPARATOR = /^[\s.*_-]+$/;

/** A word as its runs of one character: "idiooot" is i1 d1 i1 o3 t1; its key "idiot" ignores the counts. */
interface Runs {
  key: string;
  counts: number[];
}

function runsOf(word: string): Runs {
  let key = '';
  const counts: number[] = [];
  let last = '';
  for (const c of word) {
    if (c === last) counts[counts.length - 1]! += 1;
    else {
      key += c;
      counts.push(1);
      last = c;
    }
  }
  return { key, counts };
}

/** One listed word or phrase, split into its words and what separates them. */
interface Entry {
  word: string;
  parts: Runs[];
  /** Separators between parts, squeezed: " " for any white space, "-" for "--". */
  separators: string[];
  /** The letters of a one-word entry in order, for spelt-out matching ("idiot"). */
  letters: string | undefined;
  inflects: boolean;
}

const squeezeSeparator = (text: string): string => (/^\s+$/.test(text) ? ' ' : runsOf(text.replace(/\s+/g, ' ')).key);

interface TextWord {
  start: number;
  end: number;
  runs: Runs;
}

// The site's two lists and the profanity lexicon read the same folded body
// back to back; its words are split once. Keyed by the folded object, so an
// entry lives only as long as the comment's folding does, and a result
// never depends on it.
const wordsOfFolded = new WeakMap<FoldedText, TextWord[]>();

function wordsOfFoldedText(folded: FoldedText): TextWord[] {
  let words = wordsOfFolded.get(folded);
  if (!words) {
    words = wordsOf(folded.text);
    wordsOfFolded.set(folded, words);
  }
  return words;
}

function wordsOf(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    words.push({ start, end: start + match[0].length, runs: runsOf(match[0]) });
  }
  return words;
}

function entryFor(word: string, inflections: boolean): Entry | undefined {
  const words = wordsOf(word);
  if (words.length === 0) return undefined;
  const separators = words.slice(1).map((w, i) => squeezeSeparator(word.slice(words[i]!.end, w.start)));
  const letters = words.length === 1 && [...word].length >= 3 ? word : undefined;
  return { word, parts: words.map((w) => w.runs), separators, letters, inflects: inflections && [...word].length >= 4 };
}

/** Whether a text word has the same letters as a listed part and each letter at least as often ("xxxxx" for "xxx"). */
function runsCover(text: Runs, listed: Runs): boolean {
  return text.key === listed.key && listed.counts.every((count, i) => text.counts[i]! >= count);
}

// The last word of an entry may carry an inflection when the entry allows it:
// "idiots" for "idiot". The stem keeps its runs, so "asses" is "ass" + "es".
function lastPartCovers(text: Runs, listed: Runs, inflects: boolean): boolean {
  if (runsCover(text, listed)) return true;
  if (!inflects) return false;
  for (const suffixRuns of INFLECTION_RUNS) {
    if (!text.key.endsWith(suffixRuns.key)) continue;
    const stem = { key: text.key.slice(0, -suffixRuns.key.length), counts: text.counts.slice(0, -suffixRuns.counts.length) };
    // A suffix that starts with the stem's last letter shares its run ("idiots" has none; "messes": mes + ses).
    if (stem.key.length > 0 && runsCover(stem, listed)) return true;
  }
  return false;
}

/** Folds a listed word the way comment text is folded, trims it and squeezes its spaces. */
export function foldListedWord(word: string): string {
  return foldText(word).text.trim().replace(/\s+/g, ' ');
}

/**
 * Compiles a word list into one matcher: whole words only, case-insensitive,
 * through the obfuscations {@link foldText} undoes, letters repeated
 * ("idiooot") and a word spelt out letter by letter ("i d i o t"), but never
 * across words ("is hit" is not "shit"). The text is split into words once
 * and each is looked up by its letters with repeats squeezed, so the cost is
 * linear in the comment whatever the list's size; a combined regular
 * expression instead backtracked for seconds on a 500-word list and would not
 * compile at 5,000. At most {@link MAX_MATCHES} hits are returned.
 */
export function compileWordMatcher(words: readonly string[], options: WordMatcherOptions = {}): WordMatcher {
  const entries = [...new Set(words.map(foldListedWord).filter((w) => w.length > 0))]
    .map((word) => entryFor(word, options.inflections ?? false))
    .filter((entry): entry is Entry => entry !== undefined);
  if (entries.length === 0) return { size: 0, find: () => [] };

  // By the squeezed key of the first word; the longest entry wins at a place.
  const byFirstKey = new Map<string, Entry[]>();
  const spelt = new Map<string, Entry>();
  for (const entry of entries) {
    const key = entry.parts[0]!.key;
    byFirstKey.set(key, [...(byFirstKey.get(key) ?? []), entry]);
    if (entry.letters && !spelt.has(entry.letters)) spelt.set(entry.letters, entry);
  }
  for (const list of byFirstKey.values()) list.sort((a, b) => b.parts.length - a.parts.length || b.word.length - a.word.length);
  const anyInflects = entries.some((entry) => entry.inflects && entry.parts.length === 1);

  // Entries that may match at a text word: by its letters, and for an
  // inflecting list also by its letters less a suffix ("idiots" → "idiot").
  function candidatesFor(key: string): Entry[] {
    const direct = byFirstKey.get(key) ?? [];
    if (!anyInflects) return direct;
    const stemmed = INFLECTION_KEYS.filter((suffix) => key.length > suffix.length && key.endsWith(suffix)).flatMap((suffix) =>
      (byFirstKey.get(key.slice(0, -suffix.length)) ?? []).filter((entry) => entry.inflects && entry.parts.length === 1),
    );
    return stemmed.length === 0 ? direct : [...direct, ...stemmed];
  }
  const longestSpelling = Math.max(0, ...[...spelt.keys()].map((letters) => [...letters].length));
  // Every beginning of a listed spelling, so a run of single letters stops as soon as no listed word can follow.
  const speltPrefixes = new Set([...spelt.keys()].flatMap((letters) => [...letters].map((_, n) => [...letters].slice(0, n + 1).join(''))));

  // An entry matched at text word i: how many text words it spans, or 0.
  function matchAt(text: string, textWords: TextWord[], i: number, entry: Entry): number {
    const last = entry.parts.length - 1;
    for (let p = 0; p <= last; p += 1) {
      const word = textWords[i + p];
      if (!word) return 0;
      if (p > 0 && squeezeSeparator(text.slice(textWords[i + p - 1]!.end, word.start)) !== entry.separators[p - 1]) return 0;
      const covers = p === last ? lastPartCovers(word.runs, entry.parts[p]!, entry.inflects) : runsCover(word.runs, entry.parts[p]!);
      if (!covers) return 0;
    }
    return entry.parts.length;
  }

  // Single letters in a row ("i d i o t"): the longest listed spelling that starts at i.
  function speltAt(text: string, textWords: TextWord[], i: number): { entry: Entry; span: number } | undefined {
    let letters = '';
    let found: { entry: Entry; span: number } | undefined;
    for (let j = i; j < textWords.length && j - i < longestSpelling; j += 1) {
      const word = textWords[j]!;
      if (word.end - word.start !== 1) break;
      if (j > i && !SPELLING_SEPARATOR.test(text.slice(textWords[j - 1]!.end, word.start))) break;
      letters += text[word.start];
      if (!speltPrefixes.has(letters)) break;
      const entry = spelt.get(letters);
      if (entry && j > i) found = { entry, span: j - i + 1 };
    }
    return found;
  }

  // The profanity phase and the English model ask about the same folded body:
  // its hits are found once. Keyed by the folding, like its words above.
  const found = new WeakMap<FoldedText, WordMatch[]>();

  return {
    size: entries.length,
    find(body, folded = foldText(body)) {
      const known = found.get(folded);
      if (known) return known;
      const text = folded.text;
      const textWords = wordsOfFoldedText(folded);
      const matches: WordMatch[] = [];
      for (let i = 0; i < textWords.length && matches.length < MAX_MATCHES; ) {
        const candidates = candidatesFor(textWords[i]!.runs.key);
        let hit: { entry: Entry; span: number } | undefined;
        for (const entry of candidates) {
          const span = matchAt(text, textWords, i, entry);
          if (span > 0 && (!hit || span > hit.span)) hit = { entry, span };
        }
        hit ??= longestSpelling > 0 && textWords[i]!.end - textWords[i]!.start === 1 ? speltAt(text, textWords, i) : undefined;
        if (!hit) {
          i += 1;
          continue;
        }
        const start = textWords[i]!.start;
        const end = textWords[i + hit.span - 1]!.end;
        matches.push({ word: hit.entry.word, ...spanInBody(body, folded, start, end) });
        i += hit.span;
      }
      found.set(folded, matches);
      return matches;
    },
  };
}
