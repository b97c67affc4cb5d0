import { Worker } from 'bullmq';

// Errors that say "Postgres is not there right now", not "this job is bad":
// refused or broken connections, and the server's own shutdown/startup codes
// (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
// class 08 connection exceptions).
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const OUTAGE_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /the database system is (starting up|shutting down|in recovery mode)/i];

/** True when the error means the database is unreachable, whatever the job. */
export function isDatabaseOutage(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && OUTAGE_CODES.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseOutage);
  return typeof message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(message));
}

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
      if (!isDatabaseOutage(error)) throw error;
      onOutage?.(error);
      // Redis may be down too: then the job is recovered as stalled instead.
      await pauseQueue(OUTAGE_PAUSE_MS).catch(() => undefined);
      throw Worker.RateLimitError();
    }
  };
}
