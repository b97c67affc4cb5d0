import { setTimeout as sleep, setImmediate as nextTurn } from 'node:timers/promises';

/** Awaited between items of a long loop: resolves at once, or after one turn of the event loop when the slice is used up. */
export type TakeTurns = () => Promise<void>;

/** How a long loop shares its core: `sliceMs` of work, then `restMs` of nothing (0: one event-loop turn). */
export interface TrainingPace {
  sliceMs: number;
  restMs: number;
}

/**
 * Training inside the worker's event loop (tests, the CLI's bench), which
 * meanwhile scores comments and renews its BullMQ locks: after every 2 ms
 * of work the loop lets the event loop run its timers and I/O once. A
 * scoring job needs several turns (Redis, Postgres, Redis again), each
 * waiting up to a slice, so the slice is short.
 */
export const SHARE_THE_EVENT_LOOP: TrainingPace = { sliceMs: 2, restMs: 0 };

const NOW = Promise.resolve();

/**
 * Turns taken at `pace`. A rest caps the loop's share of a core at
 * slice / (slice + rest): on a small machine even a nice-19 thread that is
 * always runnable raised the intake's p99 by 40 %. Checking the clock costs
 * ~30 ns, so a loop may ask after every item.
 */
export function takeTurns({ sliceMs, restMs }: TrainingPace = SHARE_THE_EVENT_LOOP): TakeTurns {
  let sliceStartedAt = performance.now();
  const pause = () => (restMs > 0 ? sleep(restMs) : nextTurn());
  return () => {
    if (performance.now() - sliceStartedAt < sliceMs) return NOW;
    return pause().then(() => {
      sliceStartedAt = performance.now();
    });
  };
}
