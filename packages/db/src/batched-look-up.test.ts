import { createBatchedLookUp } from './batched-look-up';

// A plain in-memory load standing in for the query: what matters here is how many calls it gets.
function recordingLoad(known: Record<string, number>, fail = false) {
  const calls: string[][] = [];
  const load = async (keys: string[]) => {
    calls.push(keys);
    if (fail) throw new Error('database away');
    return new Map(keys.filter((key) => key in known).map((key) => [key, known[key]!]));
  };
  return { calls, load };
}

it('answers waiting keys together in the next query, and shares one key between callers', async () => {
  const { calls, load } = recordingLoad({ a: 1, b: 2 });
  const sut = createBatchedLookUp({ load, maxWaiting: 10, minIntervalMs: 0 });
  expect(await Promise.all([sut('a'), sut('b'), sut('b'), sut('c')])).toEqual([1, 2, 2, undefined]);
  expect(calls).toEqual([['a'], ['b', 'c']]);
});

it('answers "not found" without a query once too many keys are waiting', async () => {
  const { calls, load } = recordingLoad({});
  const sut = createBatchedLookUp({ load, maxWaiting: 3, minIntervalMs: 0 });
  await Promise.all(Array.from({ length: 20 }, (_, i) => sut(`k${i}`)));
  expect(calls.flat()).toHaveLength(4);
});

it('spaces queries by the interval', async () => {
  const { calls, load } = recordingLoad({});
  const sut = createBatchedLookUp({ load, maxWaiting: 10, minIntervalMs: 200 });
  const startedAt = Date.now();
  await sut('a');
  await sut('b');
  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
  expect(calls).toHaveLength(2);
});

it('rejects every caller of a failed query, and asks again next time', async () => {
  const { calls, load } = recordingLoad({}, true);
  const sut = createBatchedLookUp({ load, maxWaiting: 10, minIntervalMs: 0 });
  await expect(sut('a')).rejects.toThrow('database away');
  await expect(sut('a')).rejects.toThrow('database away');
  expect(calls).toHaveLength(2);
});
