import { Worker } from 'bullmq';
import { isDatabaseUnavailable } from '@moderato/db';

export interface OutagePause {
  /** Pauses every worker on the queue for `ms` (BullMQ's queue-wide rate limit). */
  pauseQueue(ms: number): Promise<void>;
  onOutage?: (error: unknown) => void;
}

/** How long all workers hold off after a job met a database outage, before one tries again. */
export const OUTAGE_PAUSE_MS = 1_000;

/**
 * Wraps a processor so a Postgres outage pauses the queue instead of
 * spending the job's attempts: the job goes back to waiting (attempts
 * unchanged) and is tried again after the pause, for as long as the outage
 * lasts. Attempts are kept for errors that might be the job's own fault.
 */
export function waitOutDatabaseOutages<J>(processor: (job: J) => Promise<void>, { pauseQueue, onOutage }: OutagePause): (job: J) => Promise<void> {
  return async (job) => {
    try {
      await processor(job);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      onOutage?.(error);
      // Redis may be down too: then the job is recovered as stalled instead.
      await pauseQueue(OUTAGE_PAUSE_MS).catch(() => undefined);
      throw Worker.RateLimitError();
    }
  };
}
