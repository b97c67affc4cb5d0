import type { Job, JobType } from 'bullmq';
import type { ScoreCommentQueue } from './score-comment.queue';

// Every state a job can rest in unlocked; 'active' jobs are locked by a worker.
const RESTING: JobType[] = ['waiting', 'prioritized', 'delayed', 'waiting-children', 'failed', 'completed'];
const PAGE = 500;
const POLL_MS = 250;

export interface AuthorJobsRemoval {
  /** Jobs removed: their comment ids. */
  removed: string[];
  /** Jobs of the author a worker still held when the wait ran out. */
  stillActive: string[];
}

const isByAuthor = (job: Job | undefined, emailHash: string) =>
  (job?.data as { comment?: { emailHash?: unknown } } | null | undefined)?.comment?.emailHash === emailHash;

async function idsByAuthor(queue: ScoreCommentQueue, types: JobType[], emailHash: string): Promise<string[]> {
  const ids: string[] = [];
  for (const type of types) {
    for (let start = 0; ; start += PAGE) {
      const jobs = (await queue.getJobs([type], start, start + PAGE - 1, true)) as Array<Job | undefined>;
      for (const job of jobs) if (isByAuthor(job, emailHash)) ids.push(String(job!.id));
      if (jobs.length < PAGE) break;
    }
  }
  return ids;
}

/**
 * Removes every job of one author (matched on the keyed email hash the
 * payload carries) in any state but active. An active job cannot be removed
 * safely; this waits up to `waitForActiveMs` for it to settle, then removes
 * whatever it left behind (a completed, retried or failed copy). The worker
 * refuses to store a comment of an author erased after it was accepted, so
 * an active job is harmless to Postgres; it only holds the text in Redis
 * until it is removed. Sweeps again until a pass finds nothing, since jobs
 * move between states while the queue is read.
 */
export async function removeJobsOfAuthor(queue: ScoreCommentQueue, emailHash: string, { waitForActiveMs = 10_000 } = {}): Promise<AuthorJobsRemoval> {
  const deadline = Date.now() + waitForActiveMs;
  const removed = new Set<string>();
  for (;;) {
    const resting = await idsByAuthor(queue, RESTING, emailHash);
    for (const id of resting) if ((await queue.remove(id)) === 1) removed.add(id);
    const active = await idsByAuthor(queue, ['active'], emailHash);
    if (resting.length === 0 && active.length === 0) return { removed: [...removed], stillActive: [] };
    if (Date.now() > deadline) return { removed: [...removed], stillActive: active };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
