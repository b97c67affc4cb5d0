// Russian obscenity (мат) as a model feature, never a verdict: the list is
// bad-words-next's Russian dictionary (MIT), whose entries mark where a word
// may inflect or take a prefix ("*пизд*", "бля*", "*хуй*"), so one entry
// covers хуй/хуя/нахуй/похуй. It is matched on text already through
// normaliseRussian (look-alikes, ё, stretched and spelled-out letters undone).
// The package is ESM-typed but ships a CommonJS build of each dictionary,
// which a plain require reads (a static import would not type-check here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const badWordsRu = require('bad-words-next/lib/ru') as { words: string[] };

// Words the list lacks that every Russian speaker counts as мат.
const ADDED = ['мудак*', 'мудач*', 'мудил*', 'мудоз*', 'говн*', 'жоп*', 'хер', 'нахер', 'похер', 'херн*', 'ублюд*', 'уеб*', 'заеб*', 'наеб*', 'долбоеб*'];
// Entries that mostly hit ordinary words: "извращение фактов", "кончится".
const DROPPED = new Set(['*извращен*', 'кончит*']);
// Ordinary words that contain a listed stem: колебания, страхует, дебаты,
// небу, хлебу, "всё кончено".
const ORDINARY = /колеб|страх[уи]|дебат|^(?:не|хле|тре)бу$|^кончено$|^требу/;

// The list's "+" (one or more of the letter) is moot: text and entries have
// every run of a letter squeezed to one.
const squeeze = (word: string): string => word.replace(/\+/g, '').replace(/(\p{L})\1+/gu, '$1').replace(/ё/g, 'е');
const escape = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

// Each entry becomes one alternative: a leading "*" lets the stem start
// inside a word, a trailing "*" lets it end inside one. Alternatives are
// literal and none repeats, so the combined pattern is one linear scan.
function alternative(entry: string): string {
  const core = escape(squeeze(entry.replace(/^\*|\*$/g, '')));
  const before = entry.startsWith('*') ? '' : '(?<![\\p{L}\\p{N}])';
  const after = entry.endsWith('*') ? '' : '(?![\\p{L}\\p{N}])';
  return `${before}${core}${after}`;
}

/** The list's entries, as used: bad-words-next's Russian words plus {@link ADDED}, minus {@link DROPPED}. */
export function russianObscenityEntries(): string[] {
  const entries = [...badWordsRu.words, ...ADDED].filter((entry) => !DROPPED.has(entry));
  return [...new Set(entries)];
}

/** Finds obscene words in normalised Russian text. */
export interface RussianObscenityMatcher {
  /** The words (as in the squeezed text) holding an obscene stem, one per word, at most 100. */
  find(normalisedText: string): string[];
}

const MAX_HITS = 100;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Compiles the list into one pattern; build it once and share it. */
export function compileRussianObscenity(entries: readonly string[] = russianObscenityEntries()): RussianObscenityMatcher {
  // Longest first, so the most specific entry is tried first at a position.
  const sorted = [...entries].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(sorted.map(alternative).join('|'), 'gu');
  return {
    find(normalisedText) {
      const text = squeeze(normalisedText);
      const hits: string[] = [];
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(text)) !== null && hits.length < MAX_HITS) {
        let start = match.index;
        let end = start + match[0].length;
        while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start -= 1;
        while (end < text.length && WORD_CHAR.test(text[end]!)) end += 1;
        const word = text.slice(start, end);
        if (!ORDINARY.test(word)) hits.push(word);
        // One hit per word: "хуйня" holds both "*хуй*" and "*хуя*".
        pattern.lastIndex = end;
      }
      return hits;
    },
  };
}

let shared: RussianObscenityMatcher | undefined;

/** The matcher over the default list, compiled on first use (~1 ms) and then shared. */
export function russianObscenity(): RussianObscenityMatcher {
  shared ??= compileRussianObscenity();
  return shared;
}
