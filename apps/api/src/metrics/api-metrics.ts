import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** The queue's job counts by state, as BullMQ's getJobCounts answers them. */
export type JobCounts = (...states: string[]) => Promise<Record<string, number>>;

export interface ApiMetrics {
  registry: Registry;
  /** Counts every answered request by route pattern (never the raw URL: ids would explode the label set), method and status. */
  countRequests: RequestHandler;
  /** Counts one answer by route pattern: for the comment intake, which is not an Express route (intake-listener.ts). */
  countAnswer(route: string, method: string, status: number): void;
  countPostgresError(): void;
  countRedisError(): void;
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'paused', 'failed', 'completed'];

/**
 * This API process's Prometheus registry: process defaults, intake
 * requests, queue depth by state and dead letters (read from Redis at each
 * scrape, so any one API process answers for the shared queue), and the
 * Postgres and Redis errors this process met.
 */
export function createApiMetrics({ jobCounts }: { jobCounts: JobCounts }): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'moderato_api_' });
  const requests = new Counter({ name: 'moderato_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const postgresErrors = new Counter({ name: 'moderato_postgres_errors_total', help: 'Postgres connection errors seen by this process', registers: [registry] });
  const redisErrors = new Counter({ name: 'moderato_redis_errors_total', help: 'Redis connection errors seen by this process', registers: [registry] });
  let counts: Promise<Record<string, number>> | undefined;
  // One Redis round trip per scrape for both gauges.
  const readCounts = () => (counts ??= jobCounts(...QUEUE_STATES).finally(() => setTimeout(() => (counts = undefined), 0)));
  new Gauge({
    name: 'moderato_queue_jobs',
    help: 'Score-comment jobs by state (the whole queue, shared by every process)',
    labelNames: ['state'],
    registers: [registry],
    // Every API process reads the same shared queue: in a cluster, one answer, not the sum.
    aggregator: 'first',
    async collect() {
      const byState = await readCounts().catch(() => (redisErrors.inc(), undefined));
      for (const state of QUEUE_STATES) if (byState) this.set({ state }, byState[state] ?? 0);
    },
  });
  new Gauge({
    name: 'moderato_dead_letters',
    help: 'Jobs failed for good (unrecoverable payloads, or out of attempts): see /admin/queues',
    registers: [registry],
    aggregator: 'first',
    async collect() {
      const byState = await readCounts().catch(() => undefined);
      if (byState) this.set(byState.failed ?? 0);
    },
  });
  return {
    registry,
    countRequests: (req, res, next) => {
      res.on('finish', () => {
        const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        requests.inc({ route, method: req.method, status: String(res.statusCode) });
      });
      next();
    },
    countAnswer: (route, method, status) => requests.inc({ route, method, status: String(status) }),
    countPostgresError: () => postgresErrors.inc(),
    countRedisError: () => redisErrors.inc(),
  };
}
