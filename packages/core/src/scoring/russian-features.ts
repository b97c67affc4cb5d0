import { russianAnalyser } from './analysers/russian';
import { extractTracedFeatures, type SparseVector } from './features';
import { textFeatures, type Extracted } from './text-classifier';

/**
 * The Russian model's features of one text, exactly as training computes
 * them (the counterpart of `textFeatures`): the Russian analyser's tokens
 * and dense features (obscenity list, insults, spam signals) through the
 * shared hashed extractor.
 */
export function russianFeatures(text: string, hashBits: number): SparseVector {
  return textFeatures(russianAnalyser, text, hashBits);
}

/** Like {@link russianFeatures}, with the tokens and trace an explanation needs. */
export function extractRussian(text: string, hashBits: number): Extracted {
  const analysis = russianAnalyser.analyse(text);
  return { ...analysis, ...extractTracedFeatures(analysis.tokens, hashBits, analysis.dense) };
}
