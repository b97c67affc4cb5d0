// npm run bench: intake, end to end, scoring and reads, each figure next to
// a baseline measured in the same run on this machine, printed as one table.
// Loopback only; throwaway databases and queue prefixes, removed at the end.
//
//   npm run bench [-- --rounds 3 --seconds 10 --connections 50 --warmup 4000 --drain 10000 --rate 300 --rows 100000]
//   npm run bench -- --only intake,pipeline   (parts: scoring, intake, pipeline, reads; default all)
//   npm run bench -- --data DIR              (the labelled data; default ../shared/data from the repo root)
//   BENCH_PROFILE_DIR=/tmp/prof npm run bench   (V8 CPU profiles of every child process)
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { createSite } from '@moderato/db';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import { formatBenchTable } from './bench-table';
import { benchIntake } from './intake.bench';
import { benchPipeline } from './pipeline.bench';
import { benchReads } from './reads.bench';
import { benchScoring, loadRealBodies } from './scoring.bench';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'scoring,intake,pipeline,reads' },
    // intake: rounds of so many seconds at so many connections
    rounds: { type: 'string', default: '3' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' },
    // pipeline: a warm-up, a drain of a full queue, then a steady rate (comments/s) for the same seconds
    warmup: { type: 'string', default: '4000' }, drain: { type: 'string', default: '10000' }, rate: { type: 'string', default: '300' },
    // reads: the comments seeded; scoring and pipeline: where the real comment bodies are (../shared/data)
    rows: { type: 'string', default: '100000' }, data: { type: 'string' },
  },
});
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN_ID = `bench-${Date.now().toString(36)}`;
// One worker process per core, and as many API processes for the cluster figure.
const CORES = os.availableParallelism();
const PARTS = new Set(values.only.split(',').map((p) => p.trim()));

/** Deletes every key the run made under its prefixes (queue, guards, baseline list). */
async function dropKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

async function machine(redis: Redis, bench: BenchDatabase): Promise<string> {
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';
  const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(bench.db);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${CORES} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, Redis ${redisVersion}, Postgres ${rows[0]?.v ?? '?'}; load average at start ${load}`;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const bench = await createBenchDatabase();
  const prefixes = ['intake', 'noop', 'real'].map((p) => `${RUN_ID}-${p}`);
  try {
    const header = await machine(redis, bench);
    console.error(header);
    await createSite(bench.db, { id: 'bench', name: 'Bench', settings: DEFAULT_SITE_SETTINGS });
    await sql`create table bench_noop (id uuid primary key, article_id text not null, created_at timestamptz not null, decided_at timestamptz not null)`.execute(bench.db);
    // Scoring warms up on the first 10,000 and times the next; the pipeline queues the first 10,000.
    const realBodies = PARTS.has('scoring') || PARTS.has('pipeline') ? loadRealBodies(20_000, values.data ? path.resolve(values.data) : undefined) : [];
    const bodies = realBodies.slice(0, 10_000);
    let scoring;
    if (PARTS.has('scoring')) {
      console.error(`scoring ${realBodies.length - bodies.length} real comments after ${bodies.length} to warm up…`);
      scoring = benchScoring(bodies, realBodies.slice(bodies.length));
    }
    const common = { databaseUrl: bench.url, redisUrl: REDIS_URL };
    let intake;
    if (PARTS.has('intake')) {
      console.error('intake vs bare LPUSH, one process and one per core…');
      intake = await benchIntake({ ...common, prefix: prefixes[0]!, rounds: Number(values.rounds), seconds: Number(values.seconds), processes: CORES, connections: Number(values.connections) });
      await dropKeys(redis, prefixes[0]!);
    }
    let pipeline;
    if (PARTS.has('pipeline')) {
      const options = { ...common, workers: CORES, warmupJobs: Number(values.warmup), drainJobs: Number(values.drain), steadyRate: Number(values.rate), steadySeconds: Number(values.seconds), bodies };
      console.error('end to end, no-op baseline…');
      const noop = await benchPipeline({ ...options, prefix: prefixes[1]!, kind: 'noop' });
      console.error('end to end, real workers…');
      const real = await benchPipeline({ ...options, prefix: prefixes[2]!, kind: 'real' });
      pipeline = { real, noop, workers: CORES, drainJobs: options.drainJobs };
    }
    let reads;
    if (PARTS.has('reads')) {
      console.error('queue and thread reads…');
      reads = { ...(await benchReads(Number(values.rows))), rows: Number(values.rows) };
    }
    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    const machineLine = `${header}, at end ${load}; ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`;
    console.log(formatBenchTable({ machine: machineLine, intake, pipeline, scoring, reads }));
  } finally {
    for (const prefix of prefixes) await dropKeys(redis, prefix);
    redis.disconnect();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
