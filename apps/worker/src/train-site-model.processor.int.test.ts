import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { createScorer, DEFAULT_SITE_SETTINGS, loadModelBundle } from '@moderato/core';
import {
  createTrainSiteModelQueue,
  enqueueSiteTraining,
  NIGHTLY_TRAINING_CRON,
  NIGHTLY_TRAINING_JOB,
  TRAIN_SITE_MODEL_QUEUE,
  waitForSiteTraining,
  type TrainSiteModelQueue,
  type TrainSiteModelResult,
} from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { givenLabelledComments } from '../../../test/support/labelled-comments';
import { localSiteLabels, TOWN } from '../../../test/support/local-site-labels';
import { eventually } from '../../../test/support/eventually';
import { startWorkerUnderTest } from '../../../test/support/worker-under-test';
import type { LogCapture } from '../../../test/support/api-under-test';
import type { RunningWorker } from './worker';

const SITE = 'trinity-bay';
const LABELS = localSiteLabels(600);
const MINUTE = 60_000;

let testDb: TestDatabase;
let redis: Redis;
let eventsRedis: Redis;
let queue: TrainSiteModelQueue;
let events: QueueEvents;
let worker: { sut: RunningWorker; logs: LogCapture };

/** Labels given one a minute, the last one a minute ago. */
const labelled = (labels: typeof LABELS) => labels.map((l, i) => ({ body: l.body, spam: l.spam, toxic: l.toxic, labelledAt: new Date(Date.now() - (labels.length - i) * MINUTE) }));

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, SITE);
  await givenLabelledComments(testDb.db, SITE, labelled(LABELS));
  const prefix = uniqueQueuePrefix();
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  eventsRedis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queue = createTrainSiteModelQueue({ connection: redis, prefix });
  events = new QueueEvents(TRAIN_SITE_MODEL_QUEUE, { connection: eventsRedis, prefix });
  await events.waitUntilReady();
  worker = await startWorkerUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix });
});

afterAll(async () => {
  await worker.sut.close();
  await events.close();
  await queue.close();
  redis.disconnect();
  eventsRedis.disconnect();
  await testDb.close();
});

async function trained(siteId: string): Promise<TrainSiteModelResult> {
  const outcome = await waitForSiteTraining(queue, events, await enqueueSiteTraining(queue, { siteId, requestedBy: 'system:test' }), 60_000);
  if (outcome.status !== 'completed') throw new Error(`training ${outcome.status}: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

describe('the seeded site', () => {
  it('is one the shipped model gets wrong: it holds the town’s name and approves the local trade spam', () => {
    const scorer = createScorer(loadModelBundle());
    const decisions = (kind: string) => LABELS.filter((l) => l.kind === kind).map((l) => scorer.score({ body: l.body, name: '', settings: DEFAULT_SITE_SETTINGS }).decision);
    const share = (list: string[], decision: string) => list.filter((d) => d === decision).length / list.length;

    expect(LABELS.filter((l) => l.kind === 'town').every((l) => l.body.includes(TOWN))).toBe(true);
    expect(share(decisions('town'), 'hold')).toBeGreaterThan(0.9);
    expect(share(decisions('trade-spam'), 'approve')).toBeGreaterThan(0.9);
  });
});

describe('train-site-model worker', () => {
  it('schedules the nightly run at 03:00 and runs one training at a time across workers', async () => {
    const schedulers = await queue.getJobSchedulers();

    expect(schedulers).toEqual([expect.objectContaining({ key: 'site-training-nightly', name: NIGHTLY_TRAINING_JOB, pattern: NIGHTLY_TRAINING_CRON })]);
    expect(await queue.getGlobalConcurrency()).toBe(1);
  });

  it('trains a candidate that agrees with the moderators more often than live on the held-out labels', async () => {
    const result = await trained(SITE);

    expect(result.version).toBe(1);
    const { candidate, live, liveVersion } = result.metrics;
    expect(liveVersion).toBeNull();
    expect(candidate.labels).toBe(120);
    expect(candidate.agreement).toBeGreaterThan(live.agreement + 0.2);
    expect(candidate.cleanHeld).toBeLessThan(live.cleanHeld);
    expect(candidate.badApproved).toBeLessThan(live.badApproved);
    expect(result.trainingData).toMatchObject({ labels: 600, trainLabels: 480, heldOutLabels: 120 });

    const row = await testDb.db.selectFrom('site_models').selectAll().where('site_id', '=', SITE).where('version', '=', 1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'candidate', created_by: 'system:test', base_model_version: loadModelBundle().version });
    expect(row.metrics).toEqual(result.metrics);
    const event = await testDb.db.selectFrom('site_model_events').selectAll().where('site_id', '=', SITE).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ version: 1, action: 'train', actor: 'system:test' });

    const line = await eventually(async () => worker.logs.lines.find((l) => l.includes('site model trained')));
    expect(JSON.parse(line)).toMatchObject({ siteId: SITE, version: 1, labels: 600 });
    expect(worker.logs.text).not.toContain(TOWN);
    expect(worker.logs.text).not.toContain('709-');
  });

  it('compares the next candidate with the live site model', async () => {
    await testDb.db.updateTable('site_models').set({ status: 'live', went_live_at: new Date() }).where('site_id', '=', SITE).where('version', '=', 1).execute();

    const result = await trained(SITE);

    expect(result.version).toBe(2);
    expect(result.metrics.liveVersion).toBe(1);
    // Live learned from the same labels.
    expect(result.metrics.live).toEqual(result.metrics.candidate);
  });

  it('queues one training per site while one waits or runs', async () => {
    await givenSite(testDb.db, 'twice');
    await givenLabelledComments(testDb.db, 'twice', labelled(localSiteLabels(100, 3)));

    const [first, second] = await Promise.all([
      enqueueSiteTraining(queue, { siteId: 'twice', requestedBy: 'system:test' }),
      enqueueSiteTraining(queue, { siteId: 'twice', requestedBy: 'system:test' }),
    ]);

    expect(second).toBe(first);
    expect(await waitForSiteTraining(queue, events, first, 60_000)).toMatchObject({ status: 'completed', result: { version: 1 } });
    const versions = await testDb.db.selectFrom('site_models').select('version').where('site_id', '=', 'twice').execute();
    expect(versions).toEqual([{ version: 1 }]);
  });

  it('fails at once, without retrying, a site with too few labels', async () => {
    await givenSite(testDb.db, 'quiet');
    await givenLabelledComments(testDb.db, 'quiet', labelled(localSiteLabels(10)));

    const jobId = await enqueueSiteTraining(queue, { siteId: 'quiet', requestedBy: 'system:test' });
    const outcome = await waitForSiteTraining(queue, events, jobId, 30_000);

    expect(outcome).toEqual({ status: 'failed', reason: 'site quiet: 10 label(s) up to the cutoff; training needs at least 50' });
    expect((await queue.getJob(jobId))?.attemptsMade).toBe(1);
  });

  it('queues, at night, the sites with enough labels since their last model', async () => {
    await givenSite(testDb.db, 'nightly');
    await givenLabelledComments(testDb.db, 'nightly', labelled(localSiteLabels(80, 5)));

    const job = await queue.add(NIGHTLY_TRAINING_JOB, {});
    const { queued } = (await job.waitUntilFinished(events, 30_000)) as { queued: string[] };

    // The trained sites are not due; 'quiet' has too few labels.
    expect(queued).toEqual(['nightly']);
    await eventually(
      async () => (await testDb.db.selectFrom('site_models').select('created_by').where('site_id', '=', 'nightly').executeTakeFirst())?.created_by,
      30_000,
      'the nightly training',
    ).then((by) => expect(by).toBe('system:nightly'));
  });
});
