import path from 'node:path';
import { Piscina } from 'piscina';
import type { SettingsPreviewWithText } from '@moderato/core';
import { HttpError, queryTimeout } from '../errors';
import type { PreviewOutcome, PreviewTask, PreviewThreadData } from './preview.task';

/** Runs settings previews off the API's event loop. */
export interface PreviewPool {
  run(task: PreviewTask): Promise<SettingsPreviewWithText>;
  /** Stops the threads; a preview still running is cut short. */
  close(): Promise<void>;
}

export interface PreviewPoolOptions extends PreviewThreadData {
  /** Threads re-deciding at once; more previews wait in a queue. */
  threads?: number;
  /** Previews waiting beyond the threads; past it the API answers 503. */
  maxQueue?: number;
  /**
   * From arrival to answer, waiting included; past it a running thread is
   * stopped and the API answers 503. A 10,000-comment rule preview takes about
   * a second of one core, so this is only reached by a pathological list.
   */
  timeoutMs?: number;
}

/**
 * A preview reads up to 10,000 stored comments and re-runs the site's rules
 * on their texts under two settings: seconds of CPU, and a long word list
 * can make a single text slow (the matcher is one large regular expression).
 * On the event loop that stalled every request, /healthz included, for as
 * long. A worker thread reads and decides on its own; the loop only sends the
 * settings and receives the summary, and a thread past its deadline is
 * terminated, which no cooperative slicing could do to a running regex.
 */
export function createPreviewPool({ databaseUrl, statementTimeoutMs, threads = 2, maxQueue = 8, timeoutMs = 30_000 }: PreviewPoolOptions): PreviewPool {
  const pool = new Piscina({
    filename: path.join(__dirname, 'preview.thread.cjs'),
    workerData: { databaseUrl, statementTimeoutMs } satisfies PreviewThreadData,
    // Not the process's `--import tsx`: the thread registers tsx itself, after lowering its priority.
    execArgv: [],
    minThreads: 0,
    maxThreads: threads,
    maxQueue,
    // Loading the rules costs about a second, so a thread outlives one dashboard session's previews.
    idleTimeout: 60_000,
  });
  return {
    async run(task) {
      let outcome: PreviewOutcome;
      try {
        outcome = (await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) })) as PreviewOutcome;
      } catch (error) {
        if ((error as Error).name === 'AbortError') {
          throw new HttpError(503, 'preview_timeout', `the preview took over ${timeoutMs / 1000} s; try a smaller limit or shorter word lists`);
        }
        if ((error as Error).message === 'Task queue is at limit') {
          throw new HttpError(503, 'preview_busy', 'too many previews are running; try again shortly');
        }
        throw error;
      }
      if ('statementTimeout' in outcome) throw queryTimeout();
      return outcome.preview;
    },
    close: () => pool.destroy(),
  };
}
