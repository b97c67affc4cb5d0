import { Queue, type JobsOptions, type QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { SiteModelMetrics, SiteModelTrainingData } from '@moderato/core';

export const TRAIN_SITE_MODEL_QUEUE = 'train-site-model';
export const TRAIN_SITE_MODEL_JOB = 'train';
/** The nightly job: it trains nothing itself, it queues a training per site that is due. */
export const NIGHTLY_TRAINING_JOB = 'nightly';
/** Every night at 03:00, server time: one scheduler id, so every worker upserting it leaves one run. */
export const NIGHTLY_TRAINING_CRON = '0 3 * * *';
const NIGHTLY_SCHEDULER_ID = 'site-training-nightly';
/** A site is trained again at night once this many labels were given after its newest model's cutoff. */
export const NIGHTLY_MIN_NEW_LABELS = 50;
/** Recorded as the requester of the trainings the nightly run queues. */
export const NIGHTLY_TRAINING_ACTOR = 'system:nightly';

export const TRAIN_SITE_MODEL_PAYLOAD_VERSION = 1;

export const trainSiteModelPayloadSchema = z.object({
  v: z.literal(TRAIN_SITE_MODEL_PAYLOAD_VERSION),
  siteId: z.string().min(1),
  /** Who asked: a staff user id, `cli:<user>` or `system:nightly`. */
  requestedBy: z.string().min(1),
  /** Labels given up to this moment (ISO 8601) are read; absent: when the training starts. */
  cutoff: z.iso.datetime().optional(),
});
export type TrainSiteModelPayload = z.infer<typeof trainSiteModelPayloadSchema>;

/** A training job's return value: the candidate stored, and how it compares with live. */
export interface TrainSiteModelResult {
  version: number;
  metrics: SiteModelMetrics;
  trainingData: SiteModelTrainingData;
}

/** The nightly job's return value. */
export interface NightlyTrainingResult {
  queued: string[];
}

type NightlyPayload = Record<string, never>;
// Typed by plain string names: BullMQ types the scheduler id as a job name.
export type TrainSiteModelQueue = Queue<TrainSiteModelPayload | NightlyPayload, TrainSiteModelResult | NightlyTrainingResult, string>;

/**
 * A failed training is retried twice, a minute apart and then two (a
 * Postgres restart); a payload or site that can never train fails at once.
 * Finished jobs are kept a week for `moderato model train` and the dashboard
 * to read their results.
 */
export const TRAIN_SITE_MODEL_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 7 * 86_400, count: 1_000 },
  removeOnFail: { age: 30 * 86_400, count: 1_000 },
};

export function createTrainSiteModelQueue({ connection, prefix }: { connection: Redis; prefix: string }): TrainSiteModelQueue {
  return new Queue<TrainSiteModelPayload | NightlyPayload, TrainSiteModelResult | NightlyTrainingResult, string>(TRAIN_SITE_MODEL_QUEUE, { connection, prefix });
}

/**
 * Queues a training of one site and returns its job id. While one for the
 * site waits or runs, asking again returns that job's id instead of queueing
 * a second: it will read the same labels, give or take a few.
 */
export async function enqueueSiteTraining(queue: TrainSiteModelQueue, request: { siteId: string; requestedBy: string; cutoff?: Date }): Promise<string> {
  const payload: TrainSiteModelPayload = {
    v: TRAIN_SITE_MODEL_PAYLOAD_VERSION,
    siteId: request.siteId,
    requestedBy: request.requestedBy,
    ...(request.cutoff ? { cutoff: request.cutoff.toISOString() } : {}),
  };
  const job = await queue.add(TRAIN_SITE_MODEL_JOB, payload, { ...TRAIN_SITE_MODEL_JOB_OPTIONS, deduplication: { id: `site:${request.siteId}` } });
  return job.id!;
}

/**
 * Registers (or keeps) the nightly run, and lets one training run at a time
 * across all workers: each takes a core for up to a minute, and the cores
 * are there to score comments. Safe to call from every worker at every start.
 */
export async function scheduleSiteTraining(queue: TrainSiteModelQueue): Promise<void> {
  await queue.setGlobalConcurrency(1);
  await queue.upsertJobScheduler(
    NIGHTLY_SCHEDULER_ID,
    { pattern: NIGHTLY_TRAINING_CRON },
    { name: NIGHTLY_TRAINING_JOB, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 30, removeOnFail: 100 } },
  );
}

/** How waiting for a training ended. */
export type TrainingOutcome =
  | { status: 'completed'; result: TrainSiteModelResult }
  | { status: 'failed'; reason: string }
  /** Not finished in time; `state` says whether a worker ever took it ('waiting') or is still at it ('active'). */
  | { status: 'timed-out'; state: string };

/** Waits up to `timeoutMs` for a training job to finish; `events` must be listening on the same queue. */
export async function waitForSiteTraining(queue: TrainSiteModelQueue, events: QueueEvents, jobId: string, timeoutMs: number): Promise<TrainingOutcome> {
  const job = await queue.getJob(jobId);
  if (!job) return { status: 'failed', reason: `job ${jobId} is gone from the queue` };
  try {
    const result = (await job.waitUntilFinished(events, timeoutMs)) as TrainSiteModelResult;
    return { status: 'completed', result };
  } catch (error) {
    const state = await job.getState();
    if (state === 'failed') return { status: 'failed', reason: (await queue.getJob(jobId))?.failedReason ?? (error as Error).message };
    if (state === 'completed') return { status: 'completed', result: (await queue.getJob(jobId))!.returnvalue as TrainSiteModelResult };
    return { status: 'timed-out', state };
  }
}
