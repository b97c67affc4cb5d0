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

/**
 * The models read a comment's first 2,000 characters (the rules read all of
 * it). Nine in ten news comments are shorter; past that, more n-grams move a
 * normalised score little, while a 5,000-character body of one-letter words
 * costs the models ~2,500 tokens to read.
 */
export const MODEL_READ_LIMIT = 2_000;

/** The part of a body the models read. */
export function modelText(body: string): string {
  return body.length > MODEL_READ_LIMIT ? body.slice(0, MODEL_READ_LIMIT) : body;
}

/** A label is silent when none of its words is more than a stop word or punctuation; named signals always speak. */
export function silentWith(stopWords: ReadonlySet<string>): (label: string) => boolean {
  return (label) => !label.startsWith('[') && label.split(' ').every((word) => !HAS_LETTER.test(word) || stopWords.has(word));
}
