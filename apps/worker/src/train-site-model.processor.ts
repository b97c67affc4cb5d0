import { UnrecoverableError, type Job } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import type { ModelBundle } from '@moderato/core';
import { findSite, insertSiteModelCandidate, listSitesDueForTraining, type Database } from '@moderato/db';
import {
  enqueueSiteTraining,
  NIGHTLY_MIN_NEW_LABELS,
  NIGHTLY_TRAINING_ACTOR,
  NIGHTLY_TRAINING_JOB,
  trainSiteModelPayloadSchema,
  type NightlyTrainingResult,
  type TrainSiteModelQueue,
  type TrainSiteModelResult,
} from '@moderato/queue';
import { TooFewLabelsError } from '@moderato/training';
import { trainSiteCandidate, type CandidateOutcome, type CandidateTask } from './train-site-candidate';

export interface TrainSiteModelProcessorOptions {
  db: Kysely<Database>;
  /** The shipped models, which every site model adjusts. */
  models: ModelBundle;
  /** Where the nightly run queues each site's training. */
  queue: TrainSiteModelQueue;
  logger: Logger;
  now?: () => Date;
  /** Where the training runs, labels read and all: a low-priority thread in the worker (createTrainingThread); in this event loop when absent (tests). */
  train?: (task: CandidateTask) => Promise<CandidateOutcome>;
}

/** What the processor reads of a job. */
export type TrainingJob = Pick<Job, 'id' | 'name' | 'data'>;

/**
 * Trains one site's candidate: its labels up to the cutoff, the live site
 * model to compare with, training and evaluation (which yield to the event
 * loop, so the process keeps scoring), then the candidate stored as the
 * site's next version. The nightly job instead queues a training for every
 * site with enough new labels.
 */
export function createTrainSiteModelProcessor({ db, models, queue, logger, now = () => new Date(), train: trainCandidate = (task) => trainSiteCandidate(db, models, task) }: TrainSiteModelProcessorOptions) {
  async function train(job: TrainingJob): Promise<TrainSiteModelResult> {
    const parsed = trainSiteModelPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`unreadable training payload: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    const { siteId, requestedBy } = parsed.data;
    const cutoff = parsed.data.cutoff ? new Date(parsed.data.cutoff) : now();
    const site = await findSite(db, siteId);
    if (!site) throw new UnrecoverableError(`no such site: ${siteId}`);
    const outcome = await trainCandidate({ siteId, cutoff, settings: site.settings });
    if ('tooFewLabels' in outcome) throw new UnrecoverableError(`site ${siteId}: ${new TooFewLabelsError(outcome.tooFewLabels).message}`);
    const { weights, metrics, trainingData } = outcome.trained;
    const version = await insertSiteModelCandidate(db, { siteId, baseModelVersion: models.version, labelCutoff: cutoff, trainingData, metrics, weights, createdBy: requestedBy });
    logger.info(
      {
        jobId: job.id,
        siteId,
        version,
        labels: trainingData.labels,
        heldOutLabels: trainingData.heldOutLabels,
        agreement: metrics.candidate.agreement,
        liveAgreement: metrics.live.agreement,
        liveVersion: metrics.liveVersion,
        durationMs: trainingData.durationMs,
      },
      'site model trained',
    );
    return { version, metrics, trainingData };
  }

  async function nightly(): Promise<NightlyTrainingResult> {
    const queued = await listSitesDueForTraining(db, NIGHTLY_MIN_NEW_LABELS);
    for (const siteId of queued) await enqueueSiteTraining(queue, { siteId, requestedBy: NIGHTLY_TRAINING_ACTOR });
    logger.info({ sites: queued.length }, 'nightly site training queued');
    return { queued };
  }

  return (job: TrainingJob): Promise<TrainSiteModelResult | NightlyTrainingResult> => (job.name === NIGHTLY_TRAINING_JOB ? nightly() : train(job));
}
