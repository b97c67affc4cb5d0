import type { AcceptedComment } from '@moderato/core';
import { enqueueScoreComment, scoreCommentJob, type DuplicateCheck, type EnqueueOutcome, type ScoreCommentQueue } from './score-comment.queue';

interface Waiting {
  comment: AcceptedComment;
  duplicates?: DuplicateCheck;
  resolve: (outcome: EnqueueOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Adds that arrive in the same turn of the event loop go to Redis together,
 * as one pipeline of BullMQ's add script (`addBulk`): one write and one read
 * for many posts. Each caller still learns its own outcome only once Redis
 * has answered for its job.
 */
export function createBatchedEnqueue(queue: ScoreCommentQueue): (comment: AcceptedComment, duplicates?: DuplicateCheck) => Promise<EnqueueOutcome> {
  let waiting: Waiting[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    queue.addBulk(batch.map(({ comment, duplicates }) => scoreCommentJob(comment, duplicates))).then(
      (jobs) => batch.forEach((w, i) => w.resolve(jobs[i]?.id === w.comment.id ? 'queued' : 'duplicate')),
      // All or nothing tells too little (a pipeline may fail halfway, or
      // after Redis ran it): each job is added again alone. Its id is the
      // comment id, so a job already in Redis answers as queued, not twice.
      () => batch.forEach((w) => enqueueScoreComment(queue, w.comment, w.duplicates).then(w.resolve, w.reject)),
    );
  };
  return (comment, duplicates) =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ comment, duplicates, resolve, reject });
    });
}
