import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createPersonalDataKeys, type AcceptedComment } from '@moderato/core';
import { createRedisConnection, createScoreCommentQueue, PAYLOAD_VERSION, SCORE_COMMENT_JOB, SCORE_COMMENT_JOB_OPTIONS } from '@moderato/queue';
import { freePort, startTs, waitForHttp, type BenchProcess } from './bench-processes';
import { BENCH_SECRET, intakePath, nextBody, startBenchApi } from './intake.bench';
import { pacedLoad } from './paced-load';

export interface PipelineFigures {
  /** Comments decided per second while draining a pre-filled queue. */
  drainPerSecond: number;
  /** At the fixed offered load, through the real API: accepted → decided. */
  steady: { offered: number; decided: number; perSecond: number; p50Ms: number; p99Ms: number; intakeP50Ms: number; intakeP99Ms: number };
  /** Largest peak RSS among the worker processes. */
  peakRssMb: number;
}

export interface PipelineOptions {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  workers: number;
  /** Jobs drained first and not measured, to warm the workers up. */
  warmupJobs: number;
  /** Jobs put on the queue at once, for the drain figure. */
  drainJobs: number;
  steadyRate: number;
  steadySeconds: number;
  /** Real comment bodies to score. */
  bodies: readonly string[];
  /** `real`: apps/worker; `noop`: one insert per job into bench_noop. */
  kind: 'real' | 'noop';
}

const keys = createPersonalDataKeys(BENCH_SECRET);

/**
 * Pre-fills the queue with real bodies from a few thousand authors, as the
 * intake would. With `paused`, the workers take nothing until the queue is
 * full, so the drain is timed without this process adding jobs beside it.
 */
async function fillQueue(options: PipelineOptions, articleId: string, count: number, { paused = false } = {}): Promise<void> {
  const connection = createRedisConnection(options.redisUrl, 'worker');
  const queue = createScoreCommentQueue({ connection, prefix: options.prefix });
  if (paused) await queue.pause();
  try {
    for (let start = 0; start < count; start += 1_000) {
      const jobs = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => {
        const n = start + i;
        const email = `author${n % 3_000}@example.org`;
        const comment: AcceptedComment = {
          id: randomUUID(),
          siteId: 'bench',
          articleId,
          parentId: null,
          name: 'Bench Reader',
          body: options.bodies[n % options.bodies.length] ?? 'hello',
          emailEncrypted: keys.encryptEmail(email),
          emailHash: keys.hashEmail(email),
          ipHash: keys.hashIp('127.0.0.1'),
          acceptedAt: new Date().toISOString(),
        };
        return { name: SCORE_COMMENT_JOB as typeof SCORE_COMMENT_JOB, data: { v: PAYLOAD_VERSION as typeof PAYLOAD_VERSION, comment }, opts: { ...SCORE_COMMENT_JOB_OPTIONS, jobId: comment.id } };
      });
      await queue.addBulk(jobs);
    }
    if (paused) await queue.resume();
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

async function waitForRows(client: Client, table: string, articleId: string, expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table} where article_id = $1`, [articleId]);
    if (Number(rows[0]?.n) >= expected) return;
    if (Date.now() > deadline) throw new Error(`${table}: ${rows[0]?.n} of ${expected} ${articleId} rows after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One worker process per core, first draining a warm-up batch, then a
 * queue filled at once (throughput at saturation), then behind the real API at
 * a fixed offered load, evenly paced (accepted → decided latency, from the
 * rows' own timestamps).
 */
export async function benchPipeline(options: PipelineOptions): Promise<PipelineFigures> {
  const table = options.kind === 'real' ? 'comments' : 'bench_noop';
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  const started: BenchProcess[] = [];
  try {
    const entry = options.kind === 'real' ? 'apps/worker/src/main.ts' : 'scripts/bench/noop-worker.ts';
    const workers = Array.from({ length: options.workers }, () =>
      startTs(entry, { DATABASE_URL: options.databaseUrl, REDIS_URL: options.redisUrl, MODERATO_QUEUE_PREFIX: options.prefix, NODE_ENV: 'production', MODERATO_SECRET: BENCH_SECRET }),
    );
    started.push(...workers);
    await Promise.all(workers.map((w) => w.printed(/worker ready/)));
    // A fresh worker scores several times slower until JIT and memos warm up: measure a warm one.
    await fillQueue(options, 'warmup', options.warmupJobs);
    await waitForRows(client, table, 'warmup', options.warmupJobs, 180_000);
    // What autovacuum does on a live install once a table has grown: without
    // statistics the planner takes this young table for tiny and the author
    // look-ups scan it (measured: 380 ms instead of 18 ms per batch of 64 at 15,000 rows).
    await client.query(`analyze ${table}`);
    await fillQueue(options, 'drain', options.drainJobs, { paused: true });
    await waitForRows(client, table, 'drain', options.drainJobs, 180_000);
    const drain = await client.query<{ n: string; seconds: number }>(
      `select count(*) as n, extract(epoch from max(decided_at) - min(decided_at))::float8 as seconds from ${table} where article_id = 'drain'`,
    );
    const drainRow = drain.rows[0];
    const drainPerSecond = drainRow ? (Number(drainRow.n) - 1) / drainRow.seconds : Number.NaN;
    const peakRssMb = Math.max(...workers.map((w) => w.peakRssMb()));

    const port = await freePort();
    const api = startBenchApi(port, options);
    started.push(api);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    // A fresh API is cold (JIT, BullMQ loading its scripts): warm it up as the intake bench does, on another article.
    await pacedLoad({ url: `http://127.0.0.1:${port}${intakePath('steady-warmup')}`, rate: options.steadyRate, seconds: 2, body: nextBody });
    // Evenly spaced arrivals (see pacedLoad), as a steady stream of readers posts.
    const load = await pacedLoad({ url: `http://127.0.0.1:${port}${intakePath('steady')}`, rate: options.steadyRate, seconds: options.steadySeconds, body: nextBody });
    await waitForRows(client, table, 'steady', load.accepted, 60_000);
    const steady = await client.query<{ p50: number; p99: number; seconds: number; n: string }>(
      `select percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.99) within group (order by ms) as p99,
              extract(epoch from max(decided_at) - min(created_at))::float8 as seconds, count(*) as n
         from (select decided_at, created_at, extract(epoch from decided_at - created_at) * 1000 as ms from ${table} where article_id = 'steady') as t`,
    );
    const row = steady.rows[0];
    return {
      drainPerSecond,
      peakRssMb,
      steady: {
        offered: options.steadyRate,
        decided: Number(row?.n ?? 0),
        perSecond: row ? Number(row.n) / row.seconds : Number.NaN,
        p50Ms: Number(row?.p50),
        p99Ms: Number(row?.p99),
        intakeP50Ms: load.p50Ms,
        intakeP99Ms: load.p99Ms,
      },
    };
  } finally {
    await Promise.all(started.map((p) => p.stop()));
    await client.end();
  }
}
