import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { givenLabelledComments } from '../../../../test/support/labelled-comments';
import { localSiteLabels } from '../../../../test/support/local-site-labels';
import { startWorkerUnderTest } from '../../../../test/support/worker-under-test';
import type { RunningWorker } from '../../../worker/src/worker';
import { UsageError } from '../usage-error';
import { modelTrainCommand as sut } from './model-train.command';

let testDb: TestDatabase;
let worker: { sut: RunningWorker };
const saved = { ...process.env };
const printed: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'bay');
  const labels = localSiteLabels(300, 9).map((l, i) => ({ body: l.body, spam: l.spam, toxic: l.toxic, labelledAt: new Date(Date.now() - (300 - i) * 60_000) }));
  await givenLabelledComments(testDb.db, 'bay', labels);
  const prefix = uniqueQueuePrefix();
  worker = await startWorkerUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix });
  // The command reads its configuration from the environment, as `moderato` does.
  Object.assign(process.env, { DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl(), MODERATO_QUEUE_PREFIX: prefix });
});

beforeEach(() => {
  printed.length = 0;
  jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

afterAll(async () => {
  process.env = saved;
  await worker.sut.close();
  await testDb.close();
});

describe('moderato model train', () => {
  it('waits for the worker and prints the candidate’s held-out figures beside live’s, one line each', async () => {
    await sut(['--site', 'bay']);

    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/^candidate v1 {5}agreement \d\.\d{3} {2}clean held \d+\.\d % {2}bad approved \d+\.\d % {2}ROC-AUC \d\.\d{3} {2}\(60 held-out labels\), trained on 240$/);
    expect(printed[1]).toMatch(/^live \(shipped\) {3}agreement \d\.\d{3} {2}clean held \d+\.\d % {2}bad approved \d+\.\d % {2}ROC-AUC \d\.\d{3} {2}\(60 held-out labels\)$/);
  });

  it('prints one JSON object with --json', async () => {
    await sut(['--site', 'bay', '--json']);

    expect(printed).toHaveLength(1);
    const json = JSON.parse(printed[0]!);
    expect(Object.keys(json).sort()).toEqual(['candidate', 'live', 'liveVersion', 'trainingData', 'version']);
    expect(json).toMatchObject({ version: 2, liveVersion: null, trainingData: { labels: 300, trainLabels: 240, heldOutLabels: 60 } });
    expect(json.candidate.agreement).toBeGreaterThan(json.live.agreement);
  });

  it.each([
    [[], '--site is required'],
    [['--site', 'nowhere'], '--site nowhere: no such site'],
    [['--site', 'bay', '--timeout', '0'], '--timeout 0: give whole seconds'],
    [['--site', 'bay', '--bogus'], 'bogus'],
  ])('refuses %j with a usage error', async (args, message) => {
    const error = await sut(args).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });

  it('says so when no worker takes the job in time', async () => {
    const workersPrefix = process.env.MODERATO_QUEUE_PREFIX;
    process.env.MODERATO_QUEUE_PREFIX = uniqueQueuePrefix();
    try {
      await expect(sut(['--site', 'bay', '--timeout', '1'])).rejects.toThrow(/^no worker took the training within 1 s: is a worker running/);
    } finally {
      process.env.MODERATO_QUEUE_PREFIX = workersPrefix;
    }
  });
});
