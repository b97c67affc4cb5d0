import { FEATURE_SCHEME } from '../features';
import { profanityLexicon } from '../normalise/profanity-lexicon';
import { spamSignals, type DenseFeature } from '../signals/spam-signals';
import { targetingSignals } from '../signals/targeting';
import { stopWords } from '../normalise/stop-words';
import { analyseText } from '../text';
import { modelText, silentWith, type LanguageAnalyser } from './analyser';

/** Profanity-list hits (the listed words found) as two dense features: any hit, and how many (log1p); named by the first word. */
export function lexiconFeatures(words: readonly string[]): DenseFeature[] {
  if (words.length === 0) return [];
  const evidence = words[0];
  return [{ name: '[profanity list]', value: 1, evidence }, { name: '[profanity list, count]', value: Math.log1p(words.length), evidence }];
}

/** English: Porter-stemmed n-grams, obscenity's English list, insults aimed at the reader, spam signals. */
export const englishAnalyser: LanguageAnalyser = {
  language: 'en',
  featureScheme: `en/${FEATURE_SCHEME}/first-2000`,
  analyse(body, folded) {
    const text = modelText(body);
    const { tokens } = analyseText(text);
    // The folding covers the whole body; it is reused only when nothing was cut.
    const hits = profanityLexicon().find(text, text === body ? folded : undefined);
    const dense = [...lexiconFeatures(hits.map((hit) => hit.word)), ...targetingSignals(tokens), ...spamSignals(text)];
    return { tokens, dense };
  },
  isSilent: silentWith(stopWords('en')),
};
