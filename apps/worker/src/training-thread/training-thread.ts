import path from 'node:path';
import { Piscina } from 'piscina';
import type { TrainedSiteModel } from '@moderato/training';
import type { TrainingTask } from './training.task';

/** Trains site models off the worker's event loop, in one low-priority thread. */
export interface TrainingThread {
  train(task: TrainingTask): Promise<TrainedSiteModel>;
  close(): Promise<void>;
}

/**
 * Training is seconds of CPU (10 s for 50,000 labels). On the worker's event
 * loop, even yielding every 2 ms, it held comments' decisions back by seconds
 * and, on a 2-core machine, took a core from the API: one thread at the
 * lowest priority keeps both. The thread exits when idle; it loads the
 * shipped models (~50 ms) when next needed.
 */
export function createTrainingThread(): TrainingThread {
  const pool = new Piscina({
    filename: path.join(__dirname, 'training.thread.cjs'),
    // Not the process's `--import tsx`: the thread registers tsx itself, after lowering its priority.
    execArgv: [],
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
  });
  return {
    train: (task) => pool.run(task) as Promise<TrainedSiteModel>,
    close: () => pool.destroy(),
  };
}
