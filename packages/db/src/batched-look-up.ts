import { setTimeout as sleep } from 'node:timers/promises';

export interface BatchedLookUpOptions<T> {
  /** One query for many keys; a key missing from the map is not found. */
  load: (keys: string[]) => Promise<Map<string, T>>;
  /** Keys waiting for the next query; past this many, a new key is answered "not found" without a query. */
  maxWaiting: number;
  /** The least time between the starts of two queries. */
  minIntervalMs: number;
}

interface Waiter<T> {
  promise: Promise<T | undefined>;
  resolve: (value: T | undefined) => void;
  reject: (error: unknown) => void;
}

function waiter<T>(): Waiter<T> {
  let resolve!: Waiter<T>['resolve'];
  let reject!: Waiter<T>['reject'];
  const promise = new Promise<T | undefined>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Look-ups by key that cost the database a bounded amount whatever the
 * callers do: at most one query in flight, at most one started per
 * `minIntervalMs`, each for at most `maxWaiting` keys. Callers asking for a
 * key already waiting or in flight share its answer. Under a flood of
 * distinct keys the overflow is answered "not found" at once: the flood
 * gets nothing, and the database sees a few small queries a second.
 */
export function createBatchedLookUp<T>({ load, maxWaiting, minIntervalMs }: BatchedLookUpOptions<T>): (key: string) => Promise<T | undefined> {
  let waiting = new Map<string, Waiter<T>>();
  const inFlight = new Map<string, Promise<T | undefined>>();
  let draining = false;
  let lastStartAt = Number.NEGATIVE_INFINITY;

  const drain = async (): Promise<void> => {
    draining = true;
    try {
      while (waiting.size > 0) {
        const wait = lastStartAt + minIntervalMs - Date.now();
        // Unreferenced: a look-up waiting its turn does not hold a closing process open.
        if (wait > 0) await sleep(wait, undefined, { ref: false });
        const batch = waiting;
        waiting = new Map();
        lastStartAt = Date.now();
        for (const [key, { promise }] of batch) inFlight.set(key, promise);
        try {
          const found = await load([...batch.keys()]);
          for (const [key, { resolve }] of batch) resolve(found.get(key));
        } catch (error) {
          for (const { reject } of batch.values()) reject(error);
        } finally {
          for (const key of batch.keys()) inFlight.delete(key);
        }
      }
    } finally {
      draining = false;
    }
  };

  return (key) => {
    const shared = waiting.get(key)?.promise ?? inFlight.get(key);
    if (shared) return shared;
    if (waiting.size >= maxWaiting) return Promise.resolve(undefined);
    const next = waiter<T>();
    waiting.set(key, next);
    if (!draining) void drain();
    return next.promise;
  };
}
