import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const RETENTION_QUEUE = 'retention';
export const RETENTION_JOB = 'purge';
/** One scheduler id: every worker process upserts the same one, so the purge runs once an hour, not once per worker. */
const RETENTION_SCHEDULER_ID = 'retention-hourly';
export const RETENTION_EVERY_MS = 3_600_000;

// Typed by plain string names: BullMQ types the scheduler id as a job name.
export type RetentionQueue = Queue<Record<string, never>, unknown, string>;

export function createRetentionQueue({ connection, prefix }: { connection: Redis; prefix: string }): RetentionQueue {
  return new Queue<Record<string, never>, unknown, string>(RETENTION_QUEUE, { connection, prefix });
}

/** Registers (or keeps) the hourly purge; safe to call from every worker at every start. */
export async function scheduleRetention(queue: RetentionQueue): Promise<void> {
  await queue.upsertJobScheduler(
    RETENTION_SCHEDULER_ID,
    { every: RETENTION_EVERY_MS },
    { name: RETENTION_JOB, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 24, removeOnFail: 100 } },
  );
}
