// The end-to-end baseline: the same BullMQ queue and worker options as the
// real worker, but the processor only inserts one row per job (no scoring,
// no look-ups, no audit row). Started as a child process by the bench.
import { Worker } from 'bullmq';
import { Pool } from 'pg';
import { createRedisConnection, SCORE_COMMENT_QUEUE, SCORE_COMMENT_WORKER_OPTIONS, type ScoreCommentPayload } from '@moderato/queue';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const connection = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
const worker = new Worker<ScoreCommentPayload>(
  SCORE_COMMENT_QUEUE,
  async (job) => {
    const { comment } = job.data;
    await pool.query('insert into bench_noop (id, article_id, created_at, decided_at) values ($1, $2, $3, $4) on conflict do nothing', [
      comment.id,
      comment.articleId,
      comment.acceptedAt,
      new Date(),
    ]);
  },
  { connection, prefix: process.env.MODERATO_QUEUE_PREFIX, concurrency: Number(process.env.MODERATO_WORKER_CONCURRENCY ?? 16), ...SCORE_COMMENT_WORKER_OPTIONS },
);
worker.on('error', () => undefined);
void worker.waitUntilReady().then(() => console.log('worker ready'));
process.on('SIGTERM', () => {
  void worker.close().then(async () => {
    await pool.end();
    connection.disconnect();
    process.exit(0);
  });
});
