import { extractFeatures, extractTracedFeatures, type FeatureTrace, type SparseVector } from './features';
import { explain, predictProbability, type LinearModel } from './linear-model';
import { profanityLexicon } from './normalise/profanity-lexicon';
import { analyseText, type Token } from './text';

/** An n-gram present in the text and its contribution (logit units). */
export interface Evidence {
  feature: string;
  weight: number;
}

/** Probability calibrated in [0,1], and what pushed it. */
export interface Classification {
  probability: number;
  /**
   * The top ≤3 positive contributors, strongest first. Worked out when asked:
   * only a score worth a reason needs it, and it costs about half as much
   * as classifying.
   */
  explain(): Evidence[];
}

/** Scores one kind of unwanted content. */
export interface TextClassifier {
  classify(text: string): Classification;
}

/** The scorers that ship together, and the version recorded with each decision. */
export interface ModelBundle {
  version: string;
  spam: TextClassifier;
  toxicity: TextClassifier;
}

const EVIDENCE_LIMIT = 3;

/** Features of one text, with the trace needed to explain a score. */
export interface Extracted {
  text: string;
  hashBits: number;
  tokens: Token[];
  vector: SparseVector;
  trace: FeatureTrace;
}

/** The model's features of one text, exactly as training computes them. */
export function textFeatures(text: string, hashBits: number): SparseVector {
  return extractFeatures(analyseText(text).tokens, hashBits, undefined, profanityLexicon().find(text).length);
}

/**
 * Builds a feature extractor that remembers its last input. The pipeline
 * asks the spam and the toxicity model about the same comment back to back,
 * so sharing one extractor between them halves the work.
 */
export function createSharedExtractor(): (text: string, hashBits: number) => Extracted {
  let last: Extracted | undefined;
  return (text, hashBits) => {
    if (last && last.text === text && last.hashBits === hashBits) return last;
    const { tokens } = analyseText(text);
    const { vector, trace } = extractTracedFeatures(tokens, hashBits, profanityLexicon().find(text).length);
    last = { text, hashBits, tokens, vector, trace };
    return last;
  };
}

/** Wraps a linear model as a {@link TextClassifier}. */
export function createLinearClassifier(
  model: LinearModel,
  extract: (text: string, hashBits: number) => Extracted = createSharedExtractor(),
): TextClassifier {
  return {
    classify(text: string): Classification {
      const { tokens, vector, trace } = extract(text, model.hashBits);
      return {
        probability: predictProbability(model, vector),
        explain: () => explain(model, vector, trace, tokens, EVIDENCE_LIMIT),
      };
    },
  };
}
