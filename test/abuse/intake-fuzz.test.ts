import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenSite } from '../support/fixtures';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { hostileRequest, type HostileRequest } from './hostile-requests';

// 10,000 random and hostile requests against the real intake (in process, on
// real Redis and Postgres): only 2xx/4xx, the process answers afterwards,
// Object.prototype is untouched and the heap does not keep what it was sent.
const RUNS = 10_000;
const CONCURRENCY = 64;
const REPLAY = 2_048;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** Live heap after full collections, so only what is really kept counts. */
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

let testDb: TestDatabase;
let api: ApiUnderTest;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'fuzz');
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  agent.destroy();
  await api.sut.close();
  await testDb.close();
});

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** node:http rather than fetch: only the server's memory should show in the heap figures. */
function send(request: HostileRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(request.body) };
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    const req = http.request(`${api.sut.url}${request.path}`, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

it(`answers ${RUNS} hostile intake requests with 2xx/4xx only, and stays up with a bounded heap (seed ${SEED})`, async () => {
  // Drawn batch by batch, so the heap holds the server's state, not 10,000 samples.
  const batchOf = (i: number) => fc.sample(hostileRequest, { numRuns: CONCURRENCY, seed: SEED + i });
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  await Promise.all(batchOf(-1).map(send));
  const heapBefore = heapAfterGc();

  const statuses = new Map<number, number>();
  const serverErrors: HostileRequest[] = [];
  for (let i = 0; i < RUNS; i += CONCURRENCY) {
    const batch = batchOf(i).slice(0, RUNS - i);
    const answers = await Promise.all(batch.map(send));
    answers.forEach((status, j) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || status < 200) serverErrors.push(batch[j]!);
    });
  }
  const heapAfterRun = heapAfterGc();
  // The first pass grows the heap a little for good (V8 keeps a hidden class
  // per new combination of JSON keys; caches warm up). A leak of requests or
  // bodies would grow it again on a replay of the same requests: it must not.
  for (let i = 0; i < REPLAY; i += CONCURRENCY) await Promise.all(batchOf(i).map(send));
  const replayGrowthKbPerRequest = (heapAfterGc() - heapAfterRun) / 1024 / REPLAY;
  console.log(`fuzz seed ${SEED}: ${JSON.stringify(Object.fromEntries(statuses))}; heap +${((heapAfterRun - heapBefore) / 2 ** 20).toFixed(1)} MB over ${RUNS}, +${replayGrowthKbPerRequest.toFixed(2)} KB per replayed request`);

  expect(serverErrors.slice(0, 3).map((r) => ({ path: r.path, contentType: r.contentType, body: String(r.body).slice(0, 200) }))).toEqual([]);
  expect([...statuses.keys()].every((s) => s >= 200 && s < 500)).toBe(true);
  expect(statuses.get(202)).toBeGreaterThan(100);
  expect((await fetch(`${api.sut.url}/healthz`)).status).toBe(200);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  expect(api.logs.text).not.toContain('unhandled error');
  expect(heapAfterRun - heapBefore).toBeLessThan(32 * 2 ** 20);
  expect(replayGrowthKbPerRequest).toBeLessThan(2);
}, 120_000);
