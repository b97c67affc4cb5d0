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

const SEPARATOR = '[\\s.*_\\-]+';
const INFLECTION = '(?:s|es|ed|er|ers|ing|ings|in|y)?';
const escape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

// Runs of one character in a listed word ("xxx", "ass"), so each run
// compiles to one quantified atom.
function runsOf(letters: readonly string[]): { char: string; count: number }[] {
  const runs: { char: string; count: number }[] = [];
  for (const c of letters) {
    const last = runs[runs.length - 1];
    if (last && last.char === c) last.count += 1;
    else runs.push({ char: c, count: 1 });
  }
  return runs;
}

// Each letter may repeat ("idiooot"), and a single word may be spelt out
// with separators ("i d i o t", "i.d.i.o.t"), but only letter by letter, so
// "is hit" never reads as "shit". A run of one letter becomes one atom
// (`x{3,}`, never `x+x+x+`): adjacent atoms that can match the same
// character backtrack in polynomial time on a long run of it, which let one
// 5,000-character comment hold a worker for minutes.
function patternFor(folded: string, inflections: boolean): string {
  const letters = [...folded];
  const joined = runsOf(letters)
    .map(({ char, count }) => (/\s/.test(char) ? '\\s+' : `${escape(char)}${count === 1 ? '+' : `{${count},}`}`))
    .join('');
  const suffix = inflections && letters.length >= 4 ? INFLECTION : '';
  const spaced = letters.length >= 3 && !folded.includes(' ') ? `|${letters.map(escape).join(SEPARATOR)}` : '';
  return `${joined}${suffix}${spaced}`;
}

/** Folds a listed word the way comment text is folded, trims it and squeezes its spaces. */
export function foldListedWord(word: string): string {
  return foldText(word).text.trim().replace(/\s+/g, ' ');
}

// A comment that repeats a listed word thousands of times needs no more
// evidence than this, and the cap bounds the work one comment can cause.
const MAX_MATCHES = 100;

/**
 * Compiles a word list into one matcher: whole words only, case-insensitive,
 * through the obfuscations {@link foldText} undoes plus repeated letters and
 * spaced-out spelling. One combined regular expression, one capture group
 * per word, finds hits and which word each is, so a 5,000-word list costs
 * one linear scan per comment. At most {@link MAX_MATCHES} hits are returned.
 */
export function compileWordMatcher(words: readonly string[], options: WordMatcherOptions = {}): WordMatcher {
  const entries = [...new Set(words.map(foldListedWord).filter((w) => w.length > 0))]
    .map((word) => ({ word, pattern: patternFor(word, options.inflections ?? false) }));
  if (entries.length === 0) return { size: 0, find: () => [] };
  // Longest first, so "jerk off" wins over "jerk" at the same place.
  entries.sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : 1));
  const alternatives = entries.map((e) => `(${e.pattern})`).join('|');
  const combined = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    size: entries.length,
    find(body, folded = foldText(body)) {
      const matches: WordMatch[] = [];
      for (const hit of folded.text.matchAll(combined)) {
        const start = hit.index ?? 0;
        const group = hit.findIndex((captured, i) => i > 0 && captured !== undefined);
        matches.push({ word: entries[group - 1]?.word ?? hit[0], ...spanInBody(body, folded, start, start + hit[0].length) });
        if (matches.length >= MAX_MATCHES) break;
      }
      return matches;
    },
  };
}
