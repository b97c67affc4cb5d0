import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@moderato/config';
import { answerClusterMetricsRequests } from './cluster-metrics';

export interface ApiClusterOptions {
  processes: number;
  logger: Logger;
  /** Wait before replacing a process that died, so a crash loop does not spin. */
  restartDelayMs?: number;
}

/**
 * The node:cluster primary: forks `processes` API processes that share the
 * listening port, replaces any that dies, and on SIGTERM/SIGINT passes the
 * signal on, waits for each to finish its requests, then exits (0 when every
 * process stopped cleanly). It holds no connections of its own.
 */
export function runApiCluster({ processes, logger, restartDelayMs = 1_000 }: ApiClusterOptions): void {
  let stopping = false;
  const exitCodes: number[] = [];
  answerClusterMetricsRequests();

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) {
        exitCodes.push(code ?? 1);
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          logger.info({ processes }, 'api cluster stopped');
          logger.flush(() => process.exit(exitCodes.every((c) => c === 0) ? 0 : 1));
        }
        return;
      }
      logger.warn({ pid: worker.process.pid, code, signal }, 'api process exited: starting another');
      setTimeout(() => stopping || fork(), restartDelayMs).unref();
    });
    return worker;
  };

  for (let i = 0; i < processes; i += 1) fork();
  logger.info({ processes }, 'api cluster started');

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'api cluster shutting down: each process finishes its requests');
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
