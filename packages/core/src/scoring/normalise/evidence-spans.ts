import type { TextSpan } from '../../comment';
import { LINK_TOKEN } from '../text';
import { foldText, spanInBody, type FoldedText } from './fold-text';

interface FoldedWord {
  /** The word with runs of one character squeezed to one ("idiooot" → "idiot"). */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const squeeze = (word: string): string => word.replace(/(.)\1+/gu, '$1');

function wordsOf(text: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    words.push({ key: squeeze(match[0]), start, end: start + match[0].length });
  }
  return words;
}

// Both models explain the same folded body back to back: split it once.
const foldedWords = new WeakMap<FoldedText, FoldedWord[]>();
// Evidence n-grams repeat across comments; folding one is cheap but not free.
const FEATURE_CACHE_LIMIT = 10_000;
const featureKeys = new Map<string, string[]>();

function featureKeysOf(feature: string): string[] {
  let keys = featureKeys.get(feature);
  if (!keys) {
    if (feature === LINK_TOKEN) return [];
    if (featureKeys.size >= FEATURE_CACHE_LIMIT) featureKeys.clear();
    keys = wordsOf(foldText(feature).text).map((w) => w.key);
    featureKeys.set(feature, keys);
  }
  return keys;
}

/**
 * Where a model's evidence n-grams ("idiot", "shut up") occur in the body:
 * runs of whole words of the folded body that read the same once repeated
 * letters are squeezed, mapped back to the body as stored. One split of the
 * body and plain string compares per n-gram, where a compiled matcher per
 * n-gram cost more than scoring the comment (a fresh regular expression is
 * interpreted, then compiled, and n-grams rarely repeat soon enough to keep
 * one hot). The link token and features with no letters or digits ("!")
 * have no span.
 */
export function findEvidenceSpans(body: string, features: readonly string[], folded: FoldedText = foldText(body)): TextSpan[] {
  let words = foldedWords.get(folded);
  if (!words) {
    words = wordsOf(folded.text);
    foldedWords.set(folded, words);
  }
  const spans: TextSpan[] = [];
  for (const feature of features) {
    const keys = featureKeysOf(feature);
    if (keys.length === 0) continue;
    for (let i = 0; i + keys.length <= words.length; i += 1) {
      if (keys.every((key, k) => words[i + k]!.key === key)) {
        spans.push(spanInBody(body, folded, words[i]!.start, words[i + keys.length - 1]!.end));
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
