import { randomBytes } from 'node:crypto';
import { runCli } from '../../test/support/processes';
import { freePort, startOwnRedis } from '../../test/support/redis-server';
import { checkAccepted, countFailedJobs, waitUntil } from './drill-checks';
import { runFaults, type FaultLog } from './drill-faults';
import { DrillServices } from './drill-services';
import { startOwnPostgres } from './own-postgres';
import { runSteadyLoad, type Outcome } from './steady-load';

// `npm run drill`: a steady load of comments while a worker, Postgres, Redis
// and the API each fail once; then every 202 must have exactly one decision.
const RATE_PER_SECOND = 40;
const LOAD_MS = 30_000;
const DRAIN_TIMEOUT_MS = 60_000;
const WORKERS = 2;
// The whole drill, whatever happens: it must never hang a terminal or CI.
const HARD_LIMIT_MS = 170_000;

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) await step().catch((error) => console.error('cleanup:', (error as Error).message));
}

function tally(outcomes: Outcome[]) {
  const count = (predicate: (o: Outcome) => boolean) => outcomes.filter(predicate).length;
  const status = (o: Outcome) => (o.kind === 'answered' ? o.status : 0);
  return {
    offered: outcomes.length,
    acceptedIds: outcomes.flatMap((o) => (o.kind === 'answered' && o.status === 202 && o.id ? [o.id] : [])),
    unavailable: count((o) => status(o) === 503),
    otherServerErrors: count((o) => status(o) >= 500 && status(o) !== 503),
    clientErrors: count((o) => status(o) >= 400 && status(o) < 500),
    refused: count((o) => o.kind === 'refused'),
    dropped: outcomes.flatMap((o) => (o.kind === 'dropped' ? [`${o.code} at ${(o.atMs / 1000).toFixed(1)} s`] : [])),
  };
}

async function main(): Promise<number> {
  const [pgPort, redisPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const postgres = await startOwnPostgres(pgPort);
  cleanups.push(() => postgres.destroy());
  const redis = await startOwnRedis(redisPort);
  cleanups.push(() => redis.destroy());
  const databaseUrl = postgres.serverUrl.replace(/\/postgres$/, '/moderato_drill');
  const queuePrefix = 'drill';
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env = {
    NODE_ENV: 'production',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    MODERATO_QUEUE_PREFIX: queuePrefix,
    MODERATO_SECRET: randomBytes(32).toString('hex'),
    MODERATO_RATE_LIMIT: 'off',
    LOG_LEVEL: 'info',
  };
  for (const args of [['migrate'], ['site', 'create', '--id', 'drill', '--name', 'Drill', '--origin', 'http://127.0.0.1']]) {
    const result = await runCli(args, env);
    if (result.code !== 0) throw new Error(`moderato ${args.join(' ')} failed: ${result.stderr}`);
  }
  const services = new DrillServices(env, apiUrl);
  cleanups.push(() => services.stopAll());
  await services.startApi();
  for (let i = 0; i < WORKERS; i++) await services.startWorker();
  console.log(`drill: postgres :${pgPort}, redis :${redisPort} (appendfsync always), api :${apiPort}, ${WORKERS} workers`);
  console.log(`drill: ${RATE_PER_SECOND} comments/s for ${LOAD_MS / 1000} s`);

  const startedAt = Date.now();
  const [load, faults] = await Promise.all([
    runSteadyLoad({ url: `${apiUrl}/api/v1/sites/drill/articles/drill-article/comments`, ratePerSecond: RATE_PER_SECOND, durationMs: LOAD_MS, maxInFlight: 400 }),
    runFaults({ services, postgres, redis, queuePrefix }, startedAt),
  ]);
  const loadEndedAt = Date.now();
  const t = tally(load.outcomes);
  const drainMs = await waitUntil(async () => (await checkAccepted(databaseUrl, t.acceptedIds)).lost.length === 0, DRAIN_TIMEOUT_MS);
  const report = await checkAccepted(databaseUrl, t.acceptedIds);
  const failedJobs = await countFailedJobs(redis.url, queuePrefix);
  printReport(t, report, faults, failedJobs, drainMs, loadEndedAt - startedAt, load.skipped);
  if (report.lost.length > 0) console.log(`lost ids (first 10): ${report.lost.slice(0, 10).join(', ')}`);

  // A connection reset is acceptable only if nothing behind it was processed:
  // those sat in the kernel's accept queue when the old API closed its socket.
  const passed =
    report.lost.length === 0 &&
    report.duplicatedRows === 0 &&
    report.duplicatedAuditRows === 0 &&
    t.otherServerErrors === 0 &&
    report.unacknowledgedRows === 0 &&
    faults.apiExitCode === 0;
  if (!passed) for (const p of services.retired) console.log(`--- ${p.name} (last lines)\n${p.output().split('\n').slice(-15).join('\n')}`);
  console.log(passed ? 'drill: PASS' : 'drill: FAIL');
  return passed ? 0 : 1;
}

function printReport(t: ReturnType<typeof tally>, r: Awaited<ReturnType<typeof checkAccepted>>, faults: FaultLog, failedJobs: number, drainMs: number | undefined, loadMs: number, skipped: number): void {
  console.log(faults.lines.join('\n'));
  const rows: [string, string | number][] = [
    ['offered', `${t.offered} in ${(loadMs / 1000).toFixed(1)} s${skipped ? ` (${skipped} skipped: too many in flight)` : ''}`],
    ['accepted (202)', t.acceptedIds.length],
    ['decided', r.decided],
    ['lost', r.lost.length],
    ['duplicated rows', r.duplicatedRows],
    ['duplicated audit rows', r.duplicatedAuditRows],
    ['503 (retry later)', t.unavailable],
    ['other 5xx', t.otherServerErrors],
    ['4xx', t.clientErrors],
    ['refused (no API listening)', t.refused],
    ['reset (unread) connections', t.dropped.length ? `${t.dropped.length} (${[...new Set(t.dropped)].join(', ')})` : 0],
    ['rows without a 202', r.unacknowledgedRows],
    ['failed jobs (dead letters)', failedJobs],
    ['api exit code on SIGTERM', String(faults.apiExitCode)],
    ['time to drain after load', drainMs === undefined ? `not drained in ${DRAIN_TIMEOUT_MS / 1000} s` : `${(drainMs / 1000).toFixed(1)} s`],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(30)} ${value}`);
}

const hardLimit = setTimeout(() => {
  console.error(`drill: over ${HARD_LIMIT_MS / 1000} s, stopping`);
  void cleanUp().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

main()
  .then(async (code) => {
    await cleanUp();
    clearTimeout(hardLimit);
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error('drill:', error);
    await cleanUp();
    process.exit(2);
  });
