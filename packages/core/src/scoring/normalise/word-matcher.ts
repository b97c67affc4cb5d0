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

// Each letter may repeat ("idiooot"), and a single word may be spelt out
// with separators ("i d i o t", "i.d.i.o.t"), but only letter by letter, so
// "is hit" never reads as "shit".
function patternFor(folded: string, inflections: boolean): string {
  const letters = [...folded];
  const joined = letters.map((c) => (/\s/.test(c) ? '\\s+' : `${escape(c)}+`)).join('');
  const suffix = inflections && letters.length >= 4 ? INFLECTION : '';
  const spaced = letters.length >= 3 && !folded.includes(' ') ? `|${letters.map(escape).join(SEPARATOR)}` : '';
  return `${joined}${suffix}${spaced}`;
}

/** Folds a listed word the way comment text is folded, trims it and squeezes its spaces. */
export function foldListedWord(word: string): string {
  return foldText(word).text.trim().replace(/\s+/g, ' ');
}

/**
 * Compiles a word list into one matcher: whole words only, case-insensitive,
 * through the obfuscations {@link foldText} undoes plus repeated letters and
 * spaced-out spelling. One combined regular expression finds hits; which word
 * a hit is comes from re-testing just that hit, so a 5,000-word list costs
 * one scan per comment.
 */
export function compileWordMatcher(words: readonly string[], options: WordMatcherOptions = {}): WordMatcher {
  const entries = [...new Set(words.map(foldListedWord).filter((w) => w.length > 0))]
    .map((word) => ({ word, pattern: patternFor(word, options.inflections ?? false) }));
  if (entries.length === 0) return { size: 0, find: () => [] };
  // Longest first, so "jerk off" wins over "jerk" at the same place.
  entries.sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : 1));
  const combined = new RegExp(`(?<![\\p{L}\\p{N}])(?:${entries.map((e) => e.pattern).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const single = entries.map((e) => ({ word: e.word, regex: new RegExp(`^(?:${e.pattern})$`, 'u') }));
  return {
    size: entries.length,
    find(body, folded = foldText(body)) {
      const matches: WordMatch[] = [];
      for (const hit of folded.text.matchAll(combined)) {
        const start = hit.index ?? 0;
        const word = single.find((s) => s.regex.test(hit[0]))?.word ?? hit[0];
        matches.push({ word, ...spanInBody(body, folded, start, start + hit[0].length) });
      }
      return matches;
    },
  };
}
