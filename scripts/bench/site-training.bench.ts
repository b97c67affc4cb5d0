/**
 * Site model training at scale, and what it costs the intake. Loopback only;
 * a throwaway database and queue prefix, removed at the end.
 *
 *   npx tsx scripts/bench/site-training.bench.ts [--labels 50000] [--only training,intake]
 *       [--rounds 3 --seconds 10 --rate 200] [--data DIR]
 *
 * training: seeds `labels` moderator labels on real comments from the shared
 *   data (its spam and toxicity labels read as a moderator's spam, reject and
 *   approve), runs the worker's training processor on them in this process,
 *   and prints the seconds (wall and CPU), the peak memory and the figures.
 * intake: the real API and one real worker as child processes on that
 *   database; intake latency at a fixed offered rate (evenly spaced
 *   requests, latency from each one's due time), with no training and
 *   with a training running in the worker, rounds interleaved, medians.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createLogger } from '@moderato/config';
import { DEFAULT_SITE_SETTINGS, loadModelBundle, parseSiteModelWeights } from '@moderato/core';
import { createSite } from '@moderato/db';
import { createRedisConnection, createTrainSiteModelQueue, enqueueSiteTraining, TRAIN_SITE_MODEL_JOB, type TrainSiteModelResult } from '@moderato/queue';
import { detectLanguage } from '../../packages/core/src/scoring/language/detect-language';
import { readLabeledJsonl } from '../../packages/training/src/dataset';
import { metricsLine } from '../../apps/cli/src/commands/model.command';
import { liveLabel } from '../../apps/cli/src/commands/model-train.command';
import { createTrainSiteModelProcessor } from '../../apps/worker/src/train-site-model.processor';
import { givenLabelledComments, type LabelledComment } from '../../test/support/labelled-comments';
import { createBenchDatabase, runBench, type BenchDatabase } from './bench-database';
import { freePort, startTs, waitForHttp, type BenchProcess } from './bench-processes';
import { BENCH_SECRET, intakePath, nextBody, startBenchApi } from './intake.bench';
import { pacedLoad, type PacedLoadResult } from './paced-load';
import { DEFAULT_DATA_DIR } from './scoring.bench';
import { median, percentile } from './stats';

const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: '50000' },
    only: { type: 'string', default: 'training,intake' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    data: { type: 'string' },
  },
});
const LABELS = Number(values.labels);
const PARTS = new Set(values.only.split(',').map((p) => p.trim()));
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-training-${Date.now().toString(36)}`;
const SITE = 'bench';

/**
 * `count` labels on real texts, a third spam-labelled data, two thirds
 * toxicity-labelled, with 5,000 Russian: a spam row of the data is a comment
 * marked spam, a toxic row one rejected, any other one approved. One label
 * a second, oldest first.
 */
function realLabels(count: number, dataDir: string): LabelledComment[] {
  const read = (file: string) => readLabeledJsonl(path.join(dataDir, file));
  type Row = { text: string; spam: boolean | null; toxic: boolean | null };
  const spam: Row[] = [...read('spam/train.jsonl'), ...read('spam/blog-spam-extra.jsonl')].map((r) => ({ text: r.text, spam: r.label === 1, toxic: r.label === 1 ? null : false }));
  const toxic: Row[] = [...read('toxicity-news/train.jsonl'), ...read('toxicity-ru/train.jsonl').slice(0, 5_000), ...read('toxicity/train.jsonl')].map((r) => ({
    text: r.text,
    spam: r.label === 1 ? null : false,
    toxic: r.label === 1,
  }));
  const rows: Row[] = [];
  // Interleaved one spam-labelled row to two toxicity-labelled ones, so the newest 20 % hold both kinds.
  for (let s = 0, t = 0; rows.length < count && (s < spam.length || t < toxic.length); ) {
    if (s < spam.length) rows.push(spam[s++]!);
    if (t < toxic.length) rows.push(toxic[t++]!);
    if (t < toxic.length && rows.length < count) rows.push(toxic[t++]!);
  }
  const start = Date.now() - rows.length * 1_000;
  return rows.slice(0, count).map((r, i) => ({ body: r.text, spam: r.spam, toxic: r.toxic, language: detectLanguage(r.text), labelledAt: new Date(start + i * 1_000) }));
}

async function benchTraining(bench: BenchDatabase): Promise<void> {
  const connection = createRedisConnection(REDIS_URL, 'worker');
  const queue = createTrainSiteModelQueue({ connection, prefix: PREFIX });
  try {
    const models = loadModelBundle();
    const process_ = createTrainSiteModelProcessor({ db: bench.db, models, queue, logger: createLogger({ level: 'silent', service: 'bench' }) });
    const job = { id: 'bench', name: TRAIN_SITE_MODEL_JOB, data: { v: 1, siteId: SITE, requestedBy: 'system:bench' } };
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const result = (await process_(job)) as TrainSiteModelResult;
    const wall = (performance.now() - startedAt) / 1_000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    const stored = await bench.db
      .selectFrom('site_models')
      .select((eb) => [eb.fn<number>('pg_column_size', ['weights']).as('bytes'), 'weights'])
      .where('site_id', '=', SITE)
      .where('version', '=', result.version)
      .executeTakeFirstOrThrow();
    const weights = parseSiteModelWeights(stored.weights);
    const { metrics, trainingData } = result;
    console.log(`training on ${trainingData.labels} labels: ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (the processor: read labels, train, evaluate, store); trainSiteModel ${(trainingData.durationMs / 1_000).toFixed(1)} s`);
    console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (${((peakRss - rssBefore) / 2 ** 20).toFixed(0)} MB above the start); stored weights ${(stored.bytes / 1024).toFixed(0)} KB (jsonb)`);
    for (const [language, kinds] of Object.entries(trainingData.languages)) {
      const adjusted = (kind: 'spam' | 'toxicity') => {
        const a = weights[language]?.[kind];
        return a ? `scale ${a.scale.toFixed(3)} bias ${a.bias.toFixed(3)}, ${a.indices.length} weights` : 'not learned';
      };
      console.log(`  ${language}: spam ${kinds.spam.yes} yes / ${kinds.spam.no} no: ${adjusted('spam')}; toxic ${kinds.toxic.yes} yes / ${kinds.toxic.no} no: ${adjusted('toxicity')}`);
    }
    console.log(`  ${metricsLine(`candidate v${result.version}`, metrics.candidate)}, trained on ${trainingData.trainLabels}`);
    console.log(`  ${metricsLine(liveLabel(metrics.liveVersion), metrics.live)}`);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

interface Run extends PacedLoadResult {
  lag: { p50: number; p99: number };
}

/** Accepted → decided of the comments accepted between `from` and `to`, once all of them are decided. */
async function decisionLag(bench: BenchDatabase, from: Date, to: Date, accepted: number): Promise<{ p50: number; p99: number }> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const { rows } = await sql<{ n: string; p50: number; p99: number }>`
      select count(*) as n,
        percentile_disc(0.5) within group (order by extract(epoch from decided_at - created_at) * 1000) as p50,
        percentile_disc(0.99) within group (order by extract(epoch from decided_at - created_at) * 1000) as p99
      from comments where site_id = ${SITE} and article_id = 'launch' and created_at >= ${from} and created_at <= ${to}`.execute(bench.db);
    const row = rows[0]!;
    if (Number(row.n) >= accepted) return { p50: Number(row.p50), p99: Number(row.p99) };
  }
  throw new Error(`the worker did not decide the ${accepted} comments accepted in a run within 2 minutes`);
}

async function benchIntakeDuringTraining(bench: BenchDatabase): Promise<void> {
  const seconds = Number(values.seconds);
  const rate = Number(values.rate);
  const common = { databaseUrl: bench.url, redisUrl: REDIS_URL, prefix: PREFIX };
  const started: BenchProcess[] = [];
  const connection = createRedisConnection(REDIS_URL, 'worker');
  const queue = createTrainSiteModelQueue({ connection, prefix: PREFIX });
  try {
    const port = await freePort();
    started.push(startBenchApi(port, { ...common, processes: 1 }));
    const worker = startTs('apps/worker/src/main.ts', { DATABASE_URL: bench.url, REDIS_URL, MODERATO_QUEUE_PREFIX: PREFIX, NODE_ENV: 'production', MODERATO_SECRET: BENCH_SECRET });
    started.push(worker);
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${apiUrl}/healthz`);
    await worker.printed(/worker ready/);
    // Evenly spaced requests, not autocannon's per-second bursts (see paced-load.ts), so p99 is the intake's tail, not a burst's queue.
    const load = (runSeconds: number) => pacedLoad({ url: `${apiUrl}${intakePath('launch')}`, rate, seconds: runSeconds, body: nextBody });
    await load(3);
    const idle: Run[] = [];
    const training: Run[] = [];
    let covered = 0;
    // The worker's side: how long each comment accepted in a run waited for its decision.
    const loaded = async (): Promise<Run> => {
      const from = new Date();
      const figures = await load(seconds);
      const to = new Date();
      return { ...figures, lag: await decisionLag(bench, from, to, figures.accepted) };
    };
    for (let round = 0; round < Number(values.rounds); round += 1) {
      idle.push(await loaded());
      const jobId = await enqueueSiteTraining(queue, { siteId: SITE, requestedBy: 'system:bench-worker' });
      const job = (await queue.getJob(jobId))!;
      for (const deadline = Date.now() + 30_000; (await job.getState()) !== 'active' && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
      training.push(await loaded());
      // Only a round whose whole load ran beside the training counts as one.
      if ((await job.getState()) === 'active') covered += 1;
      for (const deadline = Date.now() + 300_000; !(await job.isCompleted()) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 200));
    }
    // A run's p99 is its dozen slowest requests; the runs pooled give the steadier figure.
    const pooled = (runs: Run[], p: number) => percentile(runs.flatMap((r) => r.latenciesMs), p);
    const line = (label: string, runs: Run[]) =>
      `${label.padEnd(24)} intake p50 ${pooled(runs, 50).toFixed(1)} ms  p99 ${pooled(runs, 99).toFixed(1)} ms (all runs pooled; single runs' p99 ${runs.map((r) => r.p99Ms.toFixed(1)).join(' / ')}; load generator's longest stall ${Math.max(...runs.map((r) => r.generatorStallMs)).toFixed(0)} ms)  ${median(runs.map((r) => r.rps)).toFixed(0)} req/s  bad ${runs.reduce((s, r) => s + r.bad, 0)};` +
      `  accepted → decided p50 ${median(runs.map((r) => r.lag.p50)).toFixed(0)} ms  p99 ${median(runs.map((r) => r.lag.p99)).toFixed(0)} ms`;
    console.log(`intake at ${rate} req/s offered, ${seconds} s per run, ${values.rounds} rounds interleaved (API: 1 process; worker: 1 process, scoring the intake's comments)`);
    console.log(line('no training', idle));
    console.log(line('training in the worker', training));
    const rise = pooled(training, 99) / pooled(idle, 99) - 1;
    console.log(`intake p99 while a training runs: ${rise >= 0 ? '+' : ''}${(rise * 100).toFixed(0)} % (goal: at most +20 %)`);
    const durations = await bench.db.selectFrom('site_models').select(sql<number>`(training_data->>'durationMs')::int`.as('ms')).where('site_id', '=', SITE).where('created_by', '=', 'system:bench-worker').execute();
    console.log(`${covered} of ${values.rounds} loaded runs ended with the training still running; trainings in the worker took ${durations.map((d) => (d.ms / 1_000).toFixed(1)).join(' / ')} s`);
  } finally {
    await Promise.all(started.map((p) => p.stop()));
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    connection.disconnect();
  }
}

/**
 * The labels live only in here: this process is also the intake's load
 * generator, and a heap still holding the data files would stall it in GC,
 * which the paced load rightly counts as intake latency.
 */
async function seed(bench: BenchDatabase): Promise<void> {
  const seededAt = performance.now();
  const labels = realLabels(LABELS, values.data ? path.resolve(values.data) : DEFAULT_DATA_DIR);
  await givenLabelledComments(bench.db, SITE, labels);
  // As a site's tables would have: without statistics the worker's author look-ups scan the whole site.
  await sql`vacuum analyze comments, moderation_labels`.execute(bench.db);
  console.log(`seeded ${labels.length} labelled comments in ${((performance.now() - seededAt) / 1_000).toFixed(1)} s`);
}

runBench(async () => {
  const bench = await createBenchDatabase();
  try {
    await createSite(bench.db, { id: SITE, name: 'Bench', settings: DEFAULT_SITE_SETTINGS });
    await seed(bench);
    if (PARTS.has('training')) await benchTraining(bench);
    if (PARTS.has('intake')) await benchIntakeDuringTraining(bench);
  } finally {
    await bench.drop();
  }
});
