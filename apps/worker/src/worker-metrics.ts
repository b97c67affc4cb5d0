import type { Scorer } from '@moderato/core';
import type { ScoredComment } from '@moderato/db';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface WorkerMetrics {
  registry: Registry;
  /** The scorer, timed into the scorer-duration histogram. */
  timed(scorer: Scorer): Scorer;
  /** After the commit: outcome, reason codes and accepted → decided latency. */
  decided(scored: ScoredComment): void;
  /** A job failed; `final` when it will not be retried (a dead letter). */
  failed(final: boolean): void;
  countPostgresError(): void;
  countRedisError(): void;
}

/** One worker process's Prometheus registry. Queue depth and dead letters are the API's (they are the queue's, not a worker's). */
export function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'moderato_worker_' });
  const decisions = new Counter({ name: 'moderato_decisions_total', help: 'Comments decided and stored, by outcome', labelNames: ['decision'], registers });
  const reasons = new Counter({ name: 'moderato_decision_reasons_total', help: 'Reasons recorded with decisions, by outcome and reason code', labelNames: ['decision', 'code'], registers });
  const latency = new Histogram({
    name: 'moderato_decision_latency_seconds',
    help: 'From the intake accepting a comment to its decision being committed',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers,
  });
  const scoring = new Histogram({
    name: 'moderato_scorer_duration_seconds',
    help: 'The whole scoring pipeline for one comment',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    registers,
  });
  const failures = new Counter({ name: 'moderato_jobs_failed_total', help: 'Job attempts that failed; final="true" ones are dead letters', labelNames: ['final'], registers });
  const postgresErrors = new Counter({ name: 'moderato_postgres_errors_total', help: 'Postgres connection errors seen by this process', registers });
  const redisErrors = new Counter({ name: 'moderato_redis_errors_total', help: 'Redis connection errors seen by this process', registers });
  return {
    registry,
    timed: (scorer) => ({
      ...scorer,
      score(input) {
        const end = scoring.startTimer();
        try {
          return scorer.score(input);
        } finally {
          end();
        }
      },
    }),
    decided({ comment, score }) {
      decisions.inc({ decision: score.decision });
      for (const reason of score.reasons) reasons.inc({ decision: score.decision, code: reason.code });
      latency.observe(Math.max(0, (Date.now() - Date.parse(comment.acceptedAt)) / 1000));
    },
    failed: (final) => failures.inc({ final: String(final) }),
    countPostgresError: () => postgresErrors.inc(),
    countRedisError: () => redisErrors.inc(),
  };
}
