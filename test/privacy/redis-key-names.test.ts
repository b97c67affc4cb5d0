import { Redis } from 'ioredis';
import { createPersonalDataKeys } from '@moderato/core';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { CLEAN_COMMENT, givenSite, TEST_SECRET } from '../support/fixtures';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';

// Key names show up where values do not (MONITOR, slow logs, SCAN in an
// operator's shell, a managed Redis console): every key the intake makes must
// be one of these shapes, none carrying an email, its hash, a name or text.
const keys = createPersonalDataKeys(TEST_SECRET);
const EMAIL = 'key.names@example.org';
const NAME = 'Keynames Author';
const SITE = 'keys-blog';
let testDb: TestDatabase;
let api: ApiUnderTest;
let prefix: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, SITE);
  prefix = uniqueQueuePrefix();
  // Rate limits and the duplicate guard on: they make keys of their own.
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix }, { MODERATO_RATE_LIMIT: 'on', MODERATO_DUPLICATE_WINDOW_SECONDS: '60' });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

it('names Redis keys by ids and keyed hashes only', async () => {
  const posted = await postJson(`${api.sut.url}/api/v1/sites/${SITE}/articles/a-1/comments`, { name: NAME, email: EMAIL, body: CLEAN_COMMENT });
  expect(posted.status).toBe(202);

  const redis = new Redis(testRedisUrl());
  const names = (await redis.keys(`${prefix}:*`)).map((key) => key.slice(prefix.length + 1)).sort();
  redis.disconnect();
  const allowed = [
    /^score-comment:(id|meta|events|wait|paused|active|delayed|prioritized|completed|failed|marker|pc|stalled-check|limiter)$/,
    new RegExp(`^score-comment:${posted.json.id}$`),
    // The training queue the API only opens (its jobs name a site, never a person).
    /^train-site-model:(id|meta|events|wait|paused|active|delayed|prioritized|completed|failed|marker|pc|stalled-check|limiter)$/,
    // Webhook events the API queues (moderators' actions, tests): jobs named by a random event id, carrying ids only.
    /^webhook-delivery:(id|meta|events|wait|paused|active|delayed|prioritized|completed|failed|marker|pc|stalled-check|limiter)$/,
    /^webhook-delivery:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    /^score-comment:de:[A-Za-z0-9_-]{43}$/, // BullMQ deduplication: sha256 over site, article, keyed email hash and body
    /^rl:ip:[0-9a-f]{64}$/, // the keyed IP hash
    new RegExp(`^rl:site:${SITE}$`),
  ];
  expect(names.filter((name) => !allowed.some((pattern) => pattern.test(name)))).toEqual([]);
  expect(names).toEqual(expect.arrayContaining([`score-comment:${posted.json.id}`, expect.stringMatching(/^score-comment:de:/), expect.stringMatching(/^rl:ip:/)]));
  const joined = names.join('\n').toLowerCase();
  for (const secret of [EMAIL, EMAIL.split('@')[0]!, keys.hashEmail(EMAIL), NAME.toLowerCase(), 'great article']) expect({ secret, found: joined.includes(secret) }).toEqual({ secret, found: false });
});
