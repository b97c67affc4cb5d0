import { extractFeatures, extractTracedFeatures, type SparseVector } from './features';
import { analyseRussian } from './normalise/russian';
import { russianObscenity } from './normalise/russian-obscenity';
import type { Extracted } from './text-classifier';

/**
 * The Russian model's features of one text, exactly as training computes
 * them (the counterpart of `textFeatures`): Russian normalisation and
 * stemming, then the shared hashed extractor (stem unigrams and bigrams,
 * character 2-5-grams of the normalised words) with the obscenity-list hit
 * count as its lexicon feature.
 */
export function russianFeatures(text: string, hashBits: number): SparseVector {
  const analysed = analyseRussian(text);
  return extractFeatures(analysed.tokens, hashBits, undefined, russianObscenity().find(analysed.text).length);
}

/** Like {@link russianFeatures}, with the tokens and trace an explanation needs (the `Extracted` shape `createLinearClassifier` takes). */
export function extractRussian(text: string, hashBits: number): Extracted {
  const { text: normalised, tokens } = analyseRussian(text);
  const { vector, trace } = extractTracedFeatures(tokens, hashBits, russianObscenity().find(normalised).length);
  return { text, hashBits, tokens, vector, trace };
}
