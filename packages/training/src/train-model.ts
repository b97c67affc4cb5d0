import type { LanguageAnalyser } from '@moderato/core/src/scoring/analysers/analyser';
import type { SparseVector } from '@moderato/core/src/scoring/features';
import { rawScore, type LinearModel } from '@moderato/core/src/scoring/linear-model';
import { textFeatures } from '@moderato/core/src/scoring/text-classifier';
import type { LabeledText } from './dataset';
import { capTopicWeights, identityNeutralTexts, reportingNeutralTexts } from './identity-terms';
import { foldRatioIntoWeights, nbLogCountRatio, scaleByRatio } from './nb-ratio';
import { fitPlatt } from './platt';
import { trainLogisticRegression, type Example, type SgdOptions } from './sgd-trainer';

/** The two things Moderato scores. */
export type Task = 'spam' | 'toxicity';

/** Source name given to moderator labels read from Postgres. */
export const MODERATOR_SOURCE = 'moderator';

/** Everything that shapes one model besides its data. */
export interface TaskConfig extends SgdOptions {
  /** Example weight per `source` (default 1). */
  sourceWeights: Record<string, number>;
  /** Scale features by the NB log-count ratio before regression. */
  nbRatio: boolean;
  /** Add identity- and reporting-neutral sentences and cap those words' weights at 0. */
  topicFixes: boolean;
  /** Fit the raters' share (`target`) where a row has it, not its 0/1 label. */
  softTargets?: boolean;
}

/** Memoises features by text: the simulation trains many models on the same rows. */
export type Featuriser = (text: string) => SparseVector;

/** A featuriser with a private cache. */
export function cachedFeaturiser(analyser: LanguageAnalyser, hashBits: number): Featuriser {
  const cache = new Map<string, SparseVector>();
  return (text) => {
    let vector = cache.get(text);
    if (!vector) {
      vector = textFeatures(analyser, text, hashBits);
      cache.set(text, vector);
    }
    return vector;
  };
}

/** The neutral sentences a model with topic fixes trains on, labelled clean. */
export function topicNeutralRows(): LabeledText[] {
  return [
    ...identityNeutralTexts().map((text, i) => ({ id: `identity-${i}`, text, label: 0 as const, source: 'identity-neutral' })),
    ...reportingNeutralTexts().map((text, i) => ({ id: `reporting-${i}`, text, label: 0 as const, source: 'reporting-neutral' })),
  ];
}

/**
 * Trains one calibrated model: (optional NB scaling) → logistic regression
 * → ratio folded into the weights → topic caps → Platt on `calibration`.
 * Deterministic for the same rows in the same order.
 */
export function trainModel(config: TaskConfig, train: readonly LabeledText[], calibration: readonly LabeledText[], featurise: Featuriser): LinearModel {
  // A source weighed 0 is left out altogether (and never featurised).
  const rows = (config.topicFixes ? [...train, ...topicNeutralRows()] : [...train]).filter((row) => (config.sourceWeights[row.source] ?? 1) > 0);
  let examples: Example[] = rows.map((row) => ({
    vector: featurise(row.text),
    label: row.label,
    target: config.softTargets ? row.target : undefined,
    weight: config.sourceWeights[row.source] ?? 1,
  }));
  const ratio = config.nbRatio ? nbLogCountRatio(examples, config.hashBits) : undefined;
  if (ratio) examples = examples.map((e) => ({ ...e, vector: scaleByRatio(e.vector, ratio) }));
  const trained = trainLogisticRegression(examples, config);
  const weights = ratio ? foldRatioIntoWeights(trained.weights, ratio) : trained.weights;
  if (config.topicFixes) capTopicWeights(weights, config.hashBits);
  const model: LinearModel = { hashBits: config.hashBits, weights, bias: trained.bias, calibration: { slope: 1, intercept: 0 } };
  const scores = calibration.map((row) => rawScore(model, featurise(row.text)));
  return { ...model, calibration: fitPlatt(scores, calibration.map((row) => row.label)) };
}
