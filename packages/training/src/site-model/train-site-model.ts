import {
  siteModelBundle,
  type LanguageAdjustment,
  type ModelBundle,
  type SiteModelMetrics,
  type SiteModelTrainingData,
  type SiteModelWeights,
  type SiteSettings,
  type TrainingLabel,
} from '@moderato/core';
import { ANALYSERS } from '@moderato/core/src/scoring/analysers/registry';
import { SITE_ADJUSTMENT_OPTIONS, trainSiteAdjustment, type AdjustmentExample, type AdjustmentOptions } from './adjustment-trainer';
import { takeTurns, type TrainingPace } from './event-loop-turn';
import { evaluateOnHeldOut } from './evaluate-held-out';
import { splitByLabelTime } from './split-labels';
import { buildExamples } from './training-examples';

/** Fewer labels than this train nothing: 20 % of them must be enough to compare two models. */
export const MIN_TRAINING_LABELS = 50;
/** A kind is adjusted only when its training labels hold this many of each class; otherwise the base model scores it. */
export const MIN_LABELS_PER_CLASS = 20;

export class TooFewLabelsError extends Error {
  constructor(readonly labels: number) {
    super(`${labels} label(s) up to the cutoff; training needs at least ${MIN_TRAINING_LABELS}`);
    this.name = 'TooFewLabelsError';
  }
}

export interface SiteTrainingInput {
  /** The site's labels given up to `cutoff`, in any order. */
  labels: readonly TrainingLabel[];
  /** The shipped models (with their linear models), which a site model adjusts. */
  base: ModelBundle;
  /** The site model deciding now, if any; null: the shipped model. */
  live: { version: number; weights: SiteModelWeights } | null;
  /** The site's current settings: held-out comments are decided under them. */
  settings: SiteSettings;
  cutoff: Date;
  /** How it shares its core; by default it yields to the event loop every 2 ms. */
  pace?: TrainingPace;
}

export interface TrainedSiteModel {
  weights: SiteModelWeights;
  metrics: SiteModelMetrics;
  trainingData: SiteModelTrainingData;
}

type KindCounts = SiteModelTrainingData['languages'][string]['spam'];

function countClasses(examples: readonly AdjustmentExample[]): { yes: number; no: number } {
  const yes = examples.filter((e) => e.label === 1).length;
  return { yes, no: examples.length - yes };
}

// Any version reads the same: it only names the bundle, and the candidate's is not known until it is stored.
const UNSAVED_VERSION = 0;

/**
 * Trains one site's candidate: the newest 20 % of the labels held out, an
 * adjustment per language and kind learned on the rest where there are
 * enough of both classes, then live and the candidate compared on the
 * held-out labels through the whole pipeline. Deterministic: the same labels
 * give the same weights. Yields to the event loop as it goes, since it runs
 * in a worker that keeps scoring.
 */
export async function trainSiteModel(input: SiteTrainingInput, options: AdjustmentOptions = SITE_ADJUSTMENT_OPTIONS): Promise<TrainedSiteModel> {
  const startedAt = performance.now();
  if (input.labels.length < MIN_TRAINING_LABELS) throw new TooFewLabelsError(input.labels.length);
  const turn = takeTurns(input.pace);
  const { train, heldOut, heldOutFrom } = splitByLabelTime(input.labels);
  const weights: SiteModelWeights = {};
  const languages: SiteModelTrainingData['languages'] = {};
  for (const [language, examples] of [...(await buildExamples(train, input.base, turn))].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const adjustment: LanguageAdjustment = { featureScheme: ANALYSERS[language]!.featureScheme };
    const counts = {} as Record<'spam' | 'toxic', KindCounts>;
    for (const kind of ['spam', 'toxic'] as const) {
      const { yes, no } = countClasses(examples[kind]);
      const learned = yes >= MIN_LABELS_PER_CLASS && no >= MIN_LABELS_PER_CLASS;
      counts[kind] = { yes, no, learned };
      if (learned) adjustment[kind === 'spam' ? 'spam' : 'toxicity'] = await trainSiteAdjustment(examples[kind], examples.hashBits, options, turn);
    }
    languages[language] = counts;
    if (adjustment.spam || adjustment.toxicity) weights[language] = adjustment;
  }
  const live = input.live ? siteModelBundle(input.base, input.live.weights, input.live.version) : input.base;
  const candidate = siteModelBundle(input.base, weights, UNSAVED_VERSION);
  const compared = await evaluateOnHeldOut(heldOut, input.settings, { live, candidate }, turn);
  return {
    weights,
    metrics: { candidate: compared.candidate, live: compared.live, liveVersion: input.live?.version ?? null },
    trainingData: {
      cutoff: input.cutoff.toISOString(),
      labels: input.labels.length,
      trainLabels: train.length,
      heldOutLabels: heldOut.length,
      heldOutFrom: heldOutFrom?.toISOString() ?? null,
      languages,
      durationMs: Math.round(performance.now() - startedAt),
    },
  };
}
