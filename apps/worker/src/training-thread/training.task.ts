import { workerData } from 'piscina';
import { loadModelBundle, type ModelBundle } from '@moderato/core';
import { createDatabase } from '@moderato/db';
import type { TrainingPace } from '@moderato/training';
import { trainSiteCandidate, type CandidateOutcome, type CandidateTask } from '../train-site-candidate';

/** What the thread is started with. */
export interface TrainingThreadData {
  databaseUrl: string;
}

/**
 * 40 % of one core at most. At nice 19 but always runnable, the training
 * still raised the intake's p99 by 40 % on a 2-core machine (a nice-19 busy
 * loop does the same there; so does SCHED_IDLE); at half a core the rise was
 * +7, +33 and -7 % over three runs. A 50,000-label training takes ~15 s of
 * CPU, so about 40 s: inside its minute.
 */
const THREAD_PACE: TrainingPace = { sliceMs: 10, restMs: 15 };

let base: ModelBundle | undefined;

/**
 * Each statement of a training may take this long. Reading 50,000 labels
 * takes well under a second; a Postgres that hangs fails the job (which
 * BullMQ tries again) instead of holding the one training slot forever.
 */
const STATEMENT_TIMEOUT_MS = 60_000;

/**
 * Trains one site's candidate in the thread, on a connection of its own for
 * the task's length: the pool may end an idle thread at any moment.
 */
export default async function trainInThread(task: CandidateTask): Promise<CandidateOutcome> {
  base ??= loadModelBundle();
  const db = createDatabase({ url: (workerData as TrainingThreadData).databaseUrl, maxConnections: 1, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  try {
    return await trainSiteCandidate(db, base, task, THREAD_PACE);
  } finally {
    await db.destroy();
  }
}
