import type { Kysely } from 'kysely';
import type { ModelBundle, SiteSettings } from '@moderato/core';
import { findLiveSiteModelWeights, listTrainingLabels, type Database } from '@moderato/db';
import { MIN_TRAINING_LABELS, trainSiteModel, type TrainedSiteModel, type TrainingPace } from '@moderato/training';

/** One site's training, as the processor hands it to wherever the training runs. */
export interface CandidateTask {
  siteId: string;
  /** Labels given up to this instant are used. */
  cutoff: Date;
  /** The site's current settings: held-out comments are decided under them. */
  settings: SiteSettings;
}

/** A candidate, or how few labels the site has: a class of error does not cross into a thread, a value does. */
export type CandidateOutcome = { trained: TrainedSiteModel } | { tooFewLabels: number };

/**
 * Reads a site's labels and its live model and trains a candidate. In the
 * worker this runs whole in the low-priority training thread: reading
 * 50,000 labels on the worker's event loop held decisions back ~170 ms.
 */
export async function trainSiteCandidate(db: Kysely<Database>, base: ModelBundle, { siteId, cutoff, settings }: CandidateTask, pace?: TrainingPace): Promise<CandidateOutcome> {
  const [labels, live] = await Promise.all([listTrainingLabels(db, siteId, cutoff), findLiveSiteModelWeights(db, siteId)]);
  if (labels.length < MIN_TRAINING_LABELS) return { tooFewLabels: labels.length };
  return { trained: await trainSiteModel({ labels, live, settings, cutoff, base, pace }) };
}
