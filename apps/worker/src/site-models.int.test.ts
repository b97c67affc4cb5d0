import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createPersonalDataKeys, type AcceptedComment, type SiteModelWeights } from '@moderato/core';
import { ANALYSERS } from '@moderato/core/src/scoring/analysers/registry';
import { promoteSiteModel, rollbackSiteModel, shadowSiteModel } from '@moderato/db';
import { createScoreCommentQueue, enqueueScoreComment, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../test/support/test-database';
import { CLEAN_COMMENT, givenSite, TEST_SECRET } from '../../../test/support/fixtures';
import { eventually } from '../../../test/support/eventually';
import { givenSiteModel } from '../../../test/support/site-models';
import { startWorkerUnderTest } from '../../../test/support/worker-under-test';
import type { RunningWorker } from './worker';

const keys = createPersonalDataKeys(TEST_SECRET);
// A site model that finds every English comment toxic: its effect cannot be missed.
const ALL_TOXIC: SiteModelWeights = { en: { featureScheme: ANALYSERS.en!.featureScheme, toxicity: { scale: 1, bias: 12, indices: [], weights: [] } } };
const actor = 'owner-1';

let testDb: TestDatabase;
let redis: Redis;
let queue: ScoreCommentQueue;
let worker: { sut: RunningWorker };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'local');
  await givenSite(testDb.db, 'neighbour');
  await givenSiteModel(testDb.db, 'local', 1, { weights: ALL_TOXIC });
  const prefix = uniqueQueuePrefix();
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queue = createScoreCommentQueue({ connection: redis, prefix });
  worker = await startWorkerUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix });
});

afterAll(async () => {
  await worker.sut.close();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

function accepted(siteId: string): AcceptedComment {
  // A new author each time, so no author history (trust, new-commenter holds) enters the decision.
  const email = `${randomUUID()}@example.org`;
  return {
    id: randomUUID(),
    siteId,
    articleId: 'post-1',
    parentId: null,
    name: 'Ann',
    body: CLEAN_COMMENT,
    emailEncrypted: keys.encryptEmail(email),
    emailHash: keys.hashEmail(email),
    ipHash: null,
    acceptedAt: new Date().toISOString(),
  };
}

/** Posts one comment and waits for its stored decision. */
async function decided(siteId: string) {
  const comment = accepted(siteId);
  await enqueueScoreComment(queue, comment);
  return eventually(
    () => testDb.db.selectFrom('comments').select(['id', 'status', 'model_version']).where('id', '=', comment.id).executeTakeFirst(),
    10_000,
    'the decision',
  );
}

/** Posts comments until one is decided under a model version matching `pattern`; returns how long the switch took. */
async function switchTime(siteId: string, pattern: RegExp): Promise<{ ms: number; status: string }> {
  const startedAt = Date.now();
  for (;;) {
    const row = await decided(siteId);
    if (pattern.test(row.model_version)) return { ms: Date.now() - startedAt, status: row.status };
    if (Date.now() - startedAt > 10_000) throw new Error(`no decision under ${pattern} after 10 s`);
  }
}

describe('site models in the worker', () => {
  it('stores a shadow model’s decisions beside live’s and never applies them', async () => {
    await shadowSiteModel(testDb.db, { siteId: 'local', version: 1, actor });
    await eventually(async () => {
      const row = await decided('local');
      return (await testDb.db.selectFrom('shadow_decisions').select('decision').where('comment_id', '=', row.id).executeTakeFirst()) ? row : undefined;
    }, 10_000, 'a shadow decision');
    const rows = await testDb.db
      .selectFrom('shadow_decisions as s')
      .innerJoin('comments as c', 'c.id', 's.comment_id')
      .select(['s.decision', 'c.status', 'c.model_version'])
      .where('s.site_id', '=', 'local')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ decision: 'reject', status: 'approved' });
      expect(row.model_version).not.toMatch(/site-v/);
    }
  });

  it('decides under a promoted model within 5 s, records its version, and rolls back as fast; another site never changes', async () => {
    await promoteSiteModel(testDb.db, { siteId: 'local', version: 1, actor });
    const promoted = await switchTime('local', /\+site-v1$/);
    expect(promoted.ms).toBeLessThan(5_000);
    expect(promoted.status).toBe('rejected');

    const neighbour = await decided('neighbour');
    expect(neighbour).toMatchObject({ status: 'approved' });
    expect(neighbour.model_version).not.toMatch(/site-v/);

    await rollbackSiteModel(testDb.db, { siteId: 'local', actor });
    const rolledBack = await switchTime('local', /^linear-hash-v2\+[0-9a-f]{12}$/);
    expect(rolledBack.ms).toBeLessThan(5_000);
    expect(rolledBack.status).toBe('approved');
  });
});
