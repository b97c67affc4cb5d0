import { createMicroBatcher } from './micro-batcher';

describe('createMicroBatcher', () => {
  it('runs items that arrive together as one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const sut = createMicroBatcher({ maxItems: 10, maxWaitMs: 5, run: async (items: number[]) => (batches.push(items), items.map((n) => n * 2)) });
    await expect(Promise.all([sut(1), sut(2), sut(3)])).resolves.toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes at once when maxItems are waiting', async () => {
    const batches: number[][] = [];
    const sut = createMicroBatcher({ maxItems: 2, maxWaitMs: 10_000, run: async (items: number[]) => (batches.push(items), items) });
    await Promise.all([sut(1), sut(2), sut(3), sut(4)]);
    expect(batches).toEqual([[1, 2], [3, 4]]);
  });

  it('fails every caller with a shared failure', async () => {
    const outage = new Error('down');
    const run = jest.fn(async () => Promise.reject(outage));
    const sut = createMicroBatcher({ maxItems: 10, maxWaitMs: 1, run, isSharedFailure: (e) => e === outage });
    const results = await Promise.allSettled([sut(1), sut(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('re-runs a failed batch item by item so only the bad item fails', async () => {
    const sut = createMicroBatcher({
      maxItems: 10,
      maxWaitMs: 1,
      run: async (items: number[]) => {
        if (items.includes(13)) throw new Error('bad item');
        return items;
      },
    });
    const results = await Promise.allSettled([sut(1), sut(13), sut(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
