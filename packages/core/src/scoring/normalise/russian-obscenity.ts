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
const DOUBLE = /([a-zа-я])\1/;
const DOUBLES = /([a-zа-я])\1+/g;
const WORD = /[a-zа-я0-9]+/g;

// Where a stem may sit in a word: "*x*" anywhere, "x*" at the start, "*x" at the end, "x" the whole word.
const ANYWHERE = 1, START = 2, END = 4, WHOLE = 8;
interface TrieNode { next: Map<string, TrieNode>; places: number }

function placeOf(entry: string): number {
  const open = entry.startsWith('*');
  const close = entry.endsWith('*');
  return open && close ? ANYWHERE : close ? START : open ? END : WHOLE;
}

function buildTrie(entries: readonly string[]): TrieNode {
  const root: TrieNode = { next: new Map(), places: 0 };
  for (const entry of entries) {
    let node = root;
    for (const c of squeeze(entry.replace(/^\*|\*$/g, ''))) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), places: 0 }));
      node = child;
    }
    node.places |= placeOf(entry);
  }
  return root;
}

// Walks the trie from each position of the word: most walks stop at the
// first letter, so a word costs about one map look-up per letter.
function holdsEntry(root: TrieNode, word: string): boolean {
  const last = word.length - 1;
  for (let start = 0; start <= last; start += 1) {
    let node: TrieNode | undefined = root;
    for (let at = start; at <= last; at += 1) {
      node = node.next.get(word[at]!);
      if (!node) break;
      const { places } = node;
      if (places === 0) continue;
      if (places & ANYWHERE) return true;
      if (places & START && start === 0) return true;
      if (places & END && at === last) return true;
      if (places & WHOLE && start === 0 && at === last) return true;
    }
  }
  return false;
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

/** Compiles the list into a letter trie; build it once and share it. */
export function compileRussianObscenity(entries: readonly string[] = russianObscenityEntries()): RussianObscenityMatcher {
  const root = buildTrie(entries);
  return {
    find(normalisedText) {
      const hits: string[] = [];
      for (const match of normalisedText.matchAll(WORD)) {
        const word = DOUBLE.test(match[0]) ? match[0].replace(DOUBLES, '$1') : match[0];
        if (holdsEntry(root, word) && !ORDINARY.test(word)) hits.push(word);
        if (hits.length >= MAX_HITS) break;
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
