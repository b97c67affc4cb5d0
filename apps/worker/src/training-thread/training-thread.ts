import path from 'node:path';
import { Piscina } from 'piscina';
import type { CandidateOutcome, CandidateTask } from '../train-site-candidate';
import type { TrainingThreadData } from './training.task';

/** Trains site models off the worker's event loop, in one low-priority thread. */
export interface TrainingThread {
  train(task: CandidateTask): Promise<CandidateOutcome>;
  close(): Promise<void>;
}

/**
 * Training is seconds of CPU (10 s for 50,000 labels). On the worker's event
 * loop, even yielding every 2 ms, it held comments' decisions back by seconds
 * and, on a 2-core machine, took a core from the API: one thread at the
 * lowest priority keeps both. It reads the labels itself, with its own
 * connection to `databaseUrl`. The thread exits when idle; it loads the
 * shipped models (~50 ms) when next needed.
 */
export function createTrainingThread(databaseUrl: string): TrainingThread {
  const workerData: TrainingThreadData = { databaseUrl };
  const pool = new Piscina({
    filename: path.join(__dirname, 'training.thread.cjs'),
    // Not the process's `--import tsx`: the thread registers tsx itself, after lowering its priority.
    execArgv: [],
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    workerData,
  });
  return {
    train: (task) => pool.run(task) as Promise<CandidateOutcome>,
    close: () => pool.destroy(),
  };
}
