import type { FoldedText } from '../normalise/fold-text';
import type { DenseFeature } from '../signals/spam-signals';
import type { Token } from '../text';

/** A comment read the way one language's models were trained to read it. */
export interface Analysis {
  tokens: Token[];
  /** Named features beside the n-grams: lexicon hits, spam signals, insults aimed at the reader. */
  dense: DenseFeature[];
}

/** How one language's text becomes features. Models record the recipe's name and refuse another. */
export interface LanguageAnalyser {
  /** ISO 639-1 code. */
  readonly language: string;
  /** Names the recipe; a model file records it, and loading refuses a mismatch. */
  readonly featureScheme: string;
  /** Reads a body; `folded` (the rules' folding of it) saves folding it again for the word lists. */
  analyse(body: string, folded?: FoldedText): Analysis;
  /** True for an evidence label that explains nothing (stop and function words, punctuation). */
  isSilent(label: string): boolean;
}

const HAS_LETTER = /[\p{L}\p{N}]/u;

/** A label is silent when none of its words is more than a stop word or punctuation; named signals always speak. */
export function silentWith(stopWords: ReadonlySet<string>): (label: string) => boolean {
  return (label) => !label.startsWith('[') && label.split(' ').every((word) => !HAS_LETTER.test(word) || stopWords.has(word));
}
