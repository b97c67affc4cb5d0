import autocannon from 'autocannon';
import { freePort, startTs, waitForHttp, type BenchProcess } from './bench-processes';
import { median } from './stats';

export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 2xx, and socket errors: a run with these is not a clean figure. */
  bad: number;
  /** CPU time of the server process(es) per answered request, µs (NaN where /proc is missing). */
  cpuUsPerRequest: number;
}

export interface IntakeFigures {
  /** The real API, one process, and the bare route, one process. */
  intake: LoadFigures;
  baseline: LoadFigures;
  /** The API with one process per core (MODERATO_API_PROCESSES=auto), and the bare route forked as many times. */
  cluster: LoadFigures;
  clusterBaseline: LoadFigures;
  processes: number;
  connections: number;
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

/** One autocannon run: 50 connections unless told, `seconds` long, at saturation unless `rate` caps it (requests/s). */
export async function hammer(baseUrl: string, seconds: number, options: { rate?: number; articleId?: string; connections?: number } = {}): Promise<Omit<LoadFigures, 'cpuUsPerRequest'> & { accepted: number }> {
  const { rate, articleId = 'launch', connections = 50 } = options;
  const result = await autocannon({
    url: `${baseUrl}${intakePath(articleId)}`,
    connections,
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
  cpuUsPerRequest: median(runs.map((r) => r.cpuUsPerRequest)),
});

/** One saturation run against a server the bench started, with the server's CPU per request. */
async function measure(server: BenchProcess, url: string, seconds: number, connections: number): Promise<LoadFigures> {
  const cpuBefore = server.cpuSeconds();
  const run = await hammer(url, seconds, { connections });
  const answered = run.rps * seconds;
  return { rps: run.rps, p50Ms: run.p50Ms, p99Ms: run.p99Ms, bad: run.bad, cpuUsPerRequest: ((server.cpuSeconds() - cpuBefore) / answered) * 1e6 };
}

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
 * Intake at saturation: the API as one process next to the bare LPUSH route
 * as one process, and the API with one process per core next to the bare
 * route forked as many times (the same cores for both). Rounds interleaved
 * so all four see the same background load; medians over the rounds. The
 * servers are child processes; autocannon runs here.
 */
export async function benchIntake(options: { databaseUrl: string; redisUrl: string; prefix: string; rounds: number; seconds: number; processes: number; connections: number }): Promise<IntakeFigures> {
  const started: BenchProcess[] = [];
  try {
    const servers = [];
    for (const kind of ['api', 'bare', 'api-cluster', 'bare-cluster'] as const) {
      const port = await freePort();
      const processes = kind.endsWith('cluster') ? options.processes : 1;
      const server = kind.startsWith('api')
        ? startBenchApi(port, { ...options, processes })
        : startTs('scripts/bench/lpush-server.ts', { PORT: String(port), REDIS_URL: options.redisUrl, BENCH_KEY: `${options.prefix}:lpush-${kind}`, BENCH_PROCESSES: String(processes) });
      started.push(server);
      servers.push({ kind, server, url: `http://127.0.0.1:${port}`, processes, runs: [] as LoadFigures[] });
    }
    await Promise.all(servers.map(({ url }) => waitForHttp(`${url}/healthz`)));
    // Warm-up: JIT, connection pools, Redis scripts loaded (each cluster process gets its share).
    for (const { url, processes } of servers) await hammer(url, processes > 1 ? 3 : 2, { connections: options.connections });
    for (let round = 0; round < options.rounds; round += 1) {
      for (const s of servers) s.runs.push(await measure(s.server, s.url, options.seconds, options.connections));
    }
    const figures = Object.fromEntries(servers.map((s) => [s.kind, medianOf(s.runs)]));
    return {
      intake: figures.api!,
      baseline: figures.bare!,
      cluster: figures['api-cluster']!,
      clusterBaseline: figures['bare-cluster']!,
      processes: options.processes,
      connections: options.connections,
      rounds: options.rounds,
      seconds: options.seconds,
    };
  } finally {
    await Promise.all(started.map((p) => p.stop()));
  }
}
