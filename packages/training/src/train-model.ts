import type { LanguageAnalyser } from '@moderato/core/src/scoring/analysers/analyser';
import type { SparseVector } from '@moderato/core/src/scoring/features';
import { rawScore, type LinearModel } from '@moderato/core/src/scoring/linear-model';
import { textFeatures } from '@moderato/core/src/scoring/text-classifier';
import type { LabeledText } from './dataset';
import { capPolitenessWeights, capTopicWeights, identityNeutralTexts, praiseHamTexts, reportingNeutralTexts } from './identity-terms';
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
  /** Add polite, specific reader comments as clean and cap praise words' weights at 0 (spam). */
  politenessFixes?: boolean;
  /**
   * The share of positives in the comments a site gets. Platt's intercept is
   * moved from the calibration rows' share to this one, so a probability
   * means the same in every language whatever each dev set's mix (RuParaDetox
   * is 40 % toxic, news comments 7 %), and one threshold serves all.
   */
  deploymentPrior?: number;
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

const cleanRows = (texts: readonly string[], source: string): LabeledText[] => texts.map((text, i) => ({ id: `${source}-${i}`, text, label: 0, source }));

/** The written-for-training clean rows a config asks for. */
function augmentationRows(config: TaskConfig): LabeledText[] {
  return [
    ...(config.topicFixes ? [...cleanRows(identityNeutralTexts(), 'identity-neutral'), ...cleanRows(reportingNeutralTexts(), 'reporting-neutral')] : []),
    ...(config.politenessFixes ? cleanRows(praiseHamTexts(), 'praise-ham') : []),
  ];
}

const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * Trains one calibrated model: (optional NB scaling) → logistic regression
 * → ratio folded into the weights → topic and praise caps → Platt on
 * `calibration`, moved to the deployment prior.
 * Deterministic for the same rows in the same order.
 */
export function trainModel(config: TaskConfig, train: readonly LabeledText[], calibration: readonly LabeledText[], featurise: Featuriser): LinearModel {
  // A source weighed 0 is left out altogether (and never featurised).
  const rows = [...train, ...augmentationRows(config)].filter((row) => (config.sourceWeights[row.source] ?? 1) > 0);
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
  if (config.politenessFixes) capPolitenessWeights(weights, config.hashBits);
  const model: LinearModel = { hashBits: config.hashBits, weights, bias: trained.bias, calibration: { slope: 1, intercept: 0 } };
  const scores = calibration.map((row) => rawScore(model, featurise(row.text)));
  const labels = calibration.map((row) => row.label);
  const fitted = fitPlatt(scores, labels);
  if (config.deploymentPrior === undefined) return { ...model, calibration: fitted };
  const calibrationPrior = labels.filter((y) => y === 1).length / labels.length;
  const shift = logit(config.deploymentPrior) - logit(calibrationPrior);
  return { ...model, calibration: { slope: fitted.slope, intercept: fitted.intercept + shift } };
}
