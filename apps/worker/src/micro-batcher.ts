export interface MicroBatcherOptions<In, Out> {
  /** Runs one batch; must answer one result per item, in order. */
  run: (items: In[]) => Promise<Out[]>;
  /** Flush as soon as this many items wait. */
  maxItems: number;
  /** Flush at the latest this long after the first item of a batch arrived. */
  maxWaitMs: number;
  /**
   * When a whole batch fails with an error this says is not the batch's
   * fault (e.g. a database outage), every item gets that error. Otherwise
   * each item is run again alone, so one bad item fails only its own caller.
   */
  isSharedFailure?: (error: unknown) => boolean;
}

/** Puts one item in the current batch and resolves with its own result once the batch ran. */
export type Batched<In, Out> = (item: In) => Promise<Out>;

interface Waiting<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Many callers, one round trip: collects items for at most `maxWaitMs` or
 * `maxItems`, runs them together, and settles each caller's promise only
 * after its batch finished (for writes: after the commit). With one caller
 * at a time it adds at most `maxWaitMs` of latency.
 */
export function createMicroBatcher<In, Out>({ run, maxItems, maxWaitMs, isSharedFailure = () => false }: MicroBatcherOptions<In, Out>): Batched<In, Out> {
  let waiting: Waiting<In, Out>[] = [];
  let timer: NodeJS.Timeout | undefined;

  const settle = async (batch: Waiting<In, Out>[]) => {
    try {
      const results = await run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i] as Out));
    } catch (error) {
      if (batch.length === 1 || isSharedFailure(error)) return batch.forEach((w) => w.reject(error));
      // Someone in the batch may be at fault: find out who, one at a time.
      await Promise.all(batch.map((w) => run([w.item]).then((r) => w.resolve(r[0] as Out), w.reject)));
    }
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length > 0) void settle(batch);
  };

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (waiting.length >= maxItems) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });
}
