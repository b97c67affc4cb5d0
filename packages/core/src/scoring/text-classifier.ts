import type { Analysis, LanguageAnalyser } from './analysers/analyser';
import { extractFeatures, extractTracedFeatures, type FeatureTrace, type SparseVector } from './features';
import { explain, predictProbability, type LinearModel } from './linear-model';
import type { FoldedText } from './normalise/fold-text';
import type { ModelPair } from './model-file';

/** An n-gram or a named signal present in the text, and its contribution (logit units). */
export interface Evidence {
  feature: string;
  weight: number;
}

/** Probability calibrated in [0,1], and what pushed it. */
export interface Classification {
  probability: number;
  /**
   * The top ≤3 positive contributors, strongest first, never a stop word.
   * Worked out when asked: only a score worth a reason needs it, and it
   * costs about half as much as classifying.
   */
  explain(): Evidence[];
}

/** One comment's features for one language's models, with what is needed to explain a score. */
export interface Extracted extends Analysis {
  vector: SparseVector;
  trace: FeatureTrace;
}

/** Scores one kind of unwanted content from a comment's features. */
export interface TextClassifier {
  classify(features: Extracted): Classification;
}

/** One language's scorers and the reading of text they were trained on. */
export interface LanguageModels {
  /** ISO 639-1 code. */
  language: string;
  /** Reads a comment once; both models score the same features. */
  features(body: string, folded?: FoldedText): Extracted;
  spam: TextClassifier;
  toxicity: TextClassifier;
}

/** The scorers that ship together, per language, and the version recorded with each decision. */
export interface ModelBundle {
  version: string;
  /** Models per ISO 639-1 code; a language without models is scored by the rules only. */
  languages: Readonly<Partial<Record<string, LanguageModels>>>;
  /** The linear models behind them, when loaded from a model file: what a site model adjusts. */
  linear?: Readonly<Partial<Record<string, ModelPair>>>;
}

const EVIDENCE_LIMIT = 3;

/** The model's features of one text, exactly as training computes them (no trace). */
export function textFeatures(analyser: LanguageAnalyser, text: string, hashBits: number): SparseVector {
  const { tokens, dense } = analyser.analyse(text);
  return extractFeatures(tokens, hashBits, undefined, dense);
}

/** Wraps a linear model as a {@link TextClassifier}. */
export function createLinearClassifier(model: LinearModel, isSilent: (label: string) => boolean): TextClassifier {
  return {
    classify({ tokens, dense, vector, trace }) {
      return {
        probability: predictProbability(model, vector),
        explain: () => explain(model, vector, trace, tokens, EVIDENCE_LIMIT, dense, isSilent),
      };
    },
  };
}

/** Both models of one language over one analyser; their hash sizes must agree, since they share features. */
export function createLanguageModels(analyser: LanguageAnalyser, spam: LinearModel, toxicity: LinearModel): LanguageModels {
  if (spam.hashBits !== toxicity.hashBits) throw new Error(`models for ${analyser.language}: spam and toxicity hash sizes differ`);
  const { hashBits } = spam;
  return {
    language: analyser.language,
    features(body, folded) {
      const analysis = analyser.analyse(body, folded);
      return { ...analysis, ...extractTracedFeatures(analysis.tokens, hashBits, analysis.dense) };
    },
    spam: createLinearClassifier(spam, analyser.isSilent),
    toxicity: createLinearClassifier(toxicity, analyser.isSilent),
  };
}

/** Scores one body with one of a language's models: for evaluation and tests, where a comment is read once per model. */
export function classifyText(models: LanguageModels, kind: 'spam' | 'toxicity', body: string): Classification {
  return models[kind].classify(models.features(body));
}
