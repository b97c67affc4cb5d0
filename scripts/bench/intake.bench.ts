import autocannon from 'autocannon';
import { freePort, startTs, waitForHttp, type BenchProcess } from './bench-processes';
import { median } from './stats';

export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 2xx, and socket errors: a run with these is not a clean figure. */
  bad: number;
}

export interface IntakeFigures {
  intake: LoadFigures;
  /** The same API with one process per core (MODERATO_API_PROCESSES=auto). */
  cluster: LoadFigures;
  processes: number;
  baseline: LoadFigures;
  rounds: number;
  seconds: number;
}

export const intakePath = (articleId: string) => `/api/v1/sites/bench/articles/${articleId}/comments`;
const BODY_TEXT = 'Thanks for writing this up. The part about the rollout plan matches what we saw on our side; the second chart is the one I would share with the team.';

/** Only ever used on the bench's throwaway database. */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

let sequence = 0;
/** Every request a different body and email, so the intake's duplicate guard sees real traffic. */
export function nextBody(): string {
  sequence += 1;
  return JSON.stringify({ name: 'Bench Reader', email: `reader${sequence}@example.org`, body: `${BODY_TEXT} #${sequence}` });
}

/** One autocannon run: 50 connections, `seconds` long, at saturation unless `rate` caps it (requests/s). */
export async function hammer(baseUrl: string, seconds: number, options: { rate?: number; articleId?: string } = {}): Promise<LoadFigures & { accepted: number }> {
  const { rate, articleId = 'launch' } = options;
  const result = await autocannon({
    url: `${baseUrl}${intakePath(articleId)}`,
    connections: 50,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  });
  return { accepted: result['2xx'], rps: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, bad: result.non2xx + result.errors + result.timeouts };
}

const medianOf = (runs: LoadFigures[]): LoadFigures => ({
  rps: median(runs.map((r) => r.rps)),
  p50Ms: median(runs.map((r) => r.p50Ms)),
  p99Ms: median(runs.map((r) => r.p99Ms)),
  bad: runs.reduce((sum, r) => sum + r.bad, 0),
});

/** The real API as a child process on a loopback port, rate limits off, logging at info as in production. */
export function startBenchApi(port: number, options: { databaseUrl: string; redisUrl: string; prefix: string; processes?: number }): BenchProcess {
  return startTs('apps/api/src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    MODERATO_QUEUE_PREFIX: options.prefix,
    MODERATO_RATE_LIMIT: 'off',
    NODE_ENV: 'production',
    MODERATO_SECRET: BENCH_SECRET,
    MODERATO_API_PROCESSES: String(options.processes ?? 1),
  });
}

/**
 * Intake at saturation, as one process and as one per core, next to the
 * bare LPUSH route (one process), rounds interleaved so all three see the
 * same background load; medians over the rounds. The servers are child
 * processes; autocannon runs here.
 */
export async function benchIntake(options: { databaseUrl: string; redisUrl: string; prefix: string; rounds: number; seconds: number; processes: number }): Promise<IntakeFigures> {
  const [apiPort, clusterPort, barePort] = [await freePort(), await freePort(), await freePort()];
  const started: BenchProcess[] = [];
  try {
    const api = startBenchApi(apiPort, { ...options, processes: 1 });
    started.push(api);
    const cluster = startBenchApi(clusterPort, options);
    started.push(cluster);
    const bare = startTs('scripts/bench/lpush-server.ts', { PORT: String(barePort), REDIS_URL: options.redisUrl, BENCH_KEY: `${options.prefix}:lpush` });
    started.push(bare);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const clusterUrl = `http://127.0.0.1:${clusterPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await Promise.all([apiUrl, clusterUrl, bareUrl].map((url) => waitForHttp(`${url}/healthz`)));
    // Warm-up: JIT, connection pools, Redis scripts loaded (each cluster process gets its share).
    await hammer(apiUrl, 2);
    await hammer(clusterUrl, 3);
    await hammer(bareUrl, 2);
    const intake: LoadFigures[] = [];
    const clustered: LoadFigures[] = [];
    const baseline: LoadFigures[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      baseline.push(await hammer(bareUrl, options.seconds));
      intake.push(await hammer(apiUrl, options.seconds));
      clustered.push(await hammer(clusterUrl, options.seconds));
    }
    return { intake: medianOf(intake), cluster: medianOf(clustered), processes: options.processes, baseline: medianOf(baseline), rounds: options.rounds, seconds: options.seconds };
  } finally {
    await Promise.all(started.map((p) => p.stop()));
  }
}
