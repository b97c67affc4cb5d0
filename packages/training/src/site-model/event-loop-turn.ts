import { setImmediate as nextTurn } from 'node:timers/promises';

/** Awaited between items of a long loop: resolves at once, or after one turn of the event loop when the slice is used up. */
export type TakeTurns = () => Promise<void>;

const NOW = Promise.resolve();

/**
 * Training runs inside the worker process, which meanwhile scores comments
 * and renews its BullMQ locks: after every `sliceMs` of work the loop lets
 * the event loop run its timers and I/O once. A scoring job needs several
 * turns (Redis, Postgres, Redis again), each waiting up to a slice, so the
 * slice is short: 2 ms slowed a 50,000-label training by nothing measurable
 * and kept comments' decisions within about a second (scripts/bench/
 * site-training.bench.ts). Checking the clock costs ~30 ns, so a loop may
 * ask after every item.
 */
export function takeTurns(sliceMs = 2): TakeTurns {
  let sliceStartedAt = performance.now();
  return () => {
    if (performance.now() - sliceStartedAt < sliceMs) return NOW;
    return nextTurn().then(() => {
      sliceStartedAt = performance.now();
    });
  };
}
