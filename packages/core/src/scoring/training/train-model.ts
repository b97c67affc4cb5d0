import type { SparseVector } from '../features';
import { rawScore, type LinearModel } from '../linear-model';
import { textFeatures } from '../text-classifier';
import type { LabeledText } from './dataset';
import { capIdentityWeights, identityNeutralTexts } from './identity-terms';
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
  /** Add identity-neutral sentences and cap identity words' weights at 0. */
  identityFixes: boolean;
}

const HASH_BITS = 18;
const SEED = 20251125;

// Chosen by 5-fold cross-validation on the in-domain training source
// (YouTube videos; OLID train), then checked once on dev; see MODEL.md.
// Moderator labels weigh 3: a site's own decisions are the best evidence of
// its own standards, and there are few of them.
export const TASK_CONFIG: Readonly<Record<Task, TaskConfig>> = {
  spam: {
    hashBits: HASH_BITS, epochs: 8, learningRate: 0.5, l2: 1e-3, seed: SEED,
    sourceWeights: { sms: 0.1, [MODERATOR_SOURCE]: 3 }, nbRatio: true, identityFixes: false,
  },
  toxicity: {
    hashBits: HASH_BITS, epochs: 5, learningRate: 0.1, l2: 1e-4, seed: SEED,
    sourceWeights: { davidson: 0.2, [MODERATOR_SOURCE]: 3 }, nbRatio: false, identityFixes: true,
  },
};

/** Memoises features by text: the simulation trains many models on the same rows. */
export type Featuriser = (text: string) => SparseVector;

/** A featuriser with a private cache. */
export function cachedFeaturiser(hashBits: number = HASH_BITS): Featuriser {
  const cache = new Map<string, SparseVector>();
  return (text) => {
    let vector = cache.get(text);
    if (!vector) {
      vector = textFeatures(text, hashBits);
      cache.set(text, vector);
    }
    return vector;
  };
}

/**
 * Trains one calibrated model: (optional NB scaling) → logistic regression
 * → ratio folded into the weights → identity caps → Platt on `calibration`.
 * Deterministic for the same rows in the same order.
 */
export function trainModel(config: TaskConfig, train: readonly LabeledText[], calibration: readonly LabeledText[], featurise: Featuriser = cachedFeaturiser(config.hashBits)): LinearModel {
  const rows: Array<Pick<LabeledText, 'text' | 'label' | 'source'>> = [...train];
  if (config.identityFixes) for (const text of identityNeutralTexts()) rows.push({ text, label: 0, source: 'identity-neutral' });
  let examples: Example[] = rows.map((row) => ({ vector: featurise(row.text), label: row.label, weight: config.sourceWeights[row.source] ?? 1 }));
  const ratio = config.nbRatio ? nbLogCountRatio(examples, config.hashBits) : undefined;
  if (ratio) examples = examples.map((e) => ({ ...e, vector: scaleByRatio(e.vector, ratio) }));
  const trained = trainLogisticRegression(examples, config);
  const weights = ratio ? foldRatioIntoWeights(trained.weights, ratio) : trained.weights;
  if (config.identityFixes) capIdentityWeights(weights, config.hashBits);
  const model: LinearModel = { hashBits: config.hashBits, weights, bias: trained.bias, calibration: { slope: 1, intercept: 0 } };
  const scores = calibration.map((row) => rawScore(model, featurise(row.text)));
  return { ...model, calibration: fitPlatt(scores, calibration.map((row) => row.label)) };
}
