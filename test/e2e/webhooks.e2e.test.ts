import { Redis } from 'ioredis';
import { createPersonalDataKeys, type WebhookEvent } from '@moderato/core';
import { createWebhookDeliveryQueue } from '@moderato/queue';
import { verifyWebhookSignature } from '@moderato/webhooks';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { eventually } from '../support/eventually';
import { CLEAN_COMMENT, givenSite, TEST_SECRET } from '../support/fixtures';
import { bearer, givenStaff } from '../support/staff';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { startWorkerUnderTest } from '../support/worker-under-test';
import type { RunningWorker } from '../../apps/worker/src/worker';

// Comments through the real intake and worker, to a real receiver on
// loopback: allowed here only by the operator settings a test or a local
// relay would set. Retries wait 200 ms, then 400 ms, instead of 30 s and 1 min.
const SITE = 'hooked';
const EMAIL = 'webhook.reader.x7@example.org';
const OPEN = { MODERATO_WEBHOOK_ALLOW_HTTP: 'on', MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'on', MODERATO_WEBHOOK_RETRY_DELAY_MS: '200', MODERATO_PUBLIC_URL: 'https://comments.example.org/' };
const keys = createPersonalDataKeys(TEST_SECRET);

let testDb: TestDatabase;
let env: { databaseUrl: string; redisUrl: string; queuePrefix: string };
let api: ApiUnderTest;
let worker: { sut: RunningWorker } | undefined;
let receiver: WebhookReceiver;
let owner: Record<string, string>;
let secret: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // Premoderated: every comment is held, so every post makes a held event.
  await givenSite(testDb.db, SITE, { premoderate: true });
  owner = bearer((await givenStaff(testDb.db, 'owner@hooked.example', 'owner', [SITE])).token);
  env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  receiver = await startWebhookReceiver();
  api = await startApiUnderTest(env, { MODERATO_RATE_LIMIT: 'off', MODERATO_DUPLICATE_WINDOW_SECONDS: '0', ...OPEN });
  worker = await startWorkerUnderTest(env, OPEN);
  const saved = await fetch(`${api.sut.url}/api/v1/sites/${SITE}/webhook`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...owner },
    body: JSON.stringify({ url: receiver.url, events: ['comment.held'] }),
  });
  expect(saved.status).toBe(201);
  secret = ((await saved.json()) as { secret: string }).secret;
}, 30_000);

afterAll(async () => {
  await worker?.sut.close();
  await api?.sut.close();
  await receiver?.close();
  await testDb?.close();
});

const post = async (body: string) => {
  const posted = await postJson(`${api.sut.url}/api/v1/sites/${SITE}/articles/hello-world/comments`, { name: 'Webhook Reader', email: EMAIL, body });
  expect(posted.status).toBe(202);
  return posted.json.id as string;
};
const deliveriesOf = async (commentId: string) => {
  const answer = await fetch(`${api.sut.url}/api/v1/sites/${SITE}/webhook/deliveries`, { headers: owner });
  const { deliveries } = (await answer.json()) as { deliveries: Array<{ commentId: string; attempt: number; statusCode: number | null; error: string | null }> };
  return deliveries.filter((d) => d.commentId === commentId).reverse();
};
const requestsFor = (commentId: string) => receiver.received.filter((r) => r.body.includes(commentId));

it('tells the receiver of a held comment in a signed JSON event, with no email anywhere', async () => {
  const id = await post(CLEAN_COMMENT);
  const [request] = await eventually(async () => (requestsFor(id).length > 0 ? requestsFor(id) : undefined), 15_000, 'the held event');
  expect(request!.path).toBe('/hooks/moderato');
  expect(request!.headers).toMatchObject({ 'content-type': 'application/json', 'x-moderato-event': 'comment.held', 'user-agent': 'Moderato-Webhooks/1' });
  expect(verifyWebhookSignature(secret, request!.headers['x-moderato-signature'] as string, request!.body)).toBe(true);
  expect(verifyWebhookSignature(secret, request!.headers['x-moderato-signature'] as string, request!.body.replace('held', 'HELD'))).toBe(false);

  const event = JSON.parse(request!.body) as WebhookEvent;
  expect(event).toEqual({
    id: request!.headers['x-moderato-event-id'],
    type: 'comment.held',
    occurredAt: expect.any(String),
    site: { id: SITE, name: `Site ${SITE}` },
    status: 'held',
    decidedBy: 'scorer',
    action: null,
    comment: {
      id,
      articleId: 'hello-world',
      parentId: null,
      authorName: 'Webhook Reader',
      body: CLEAN_COMMENT,
      language: 'en',
      createdAt: expect.any(String),
      scores: { spam: expect.any(Number), toxicity: expect.any(Number) },
      reasons: expect.arrayContaining(['premoderate']),
    },
    dashboardUrl: 'https://comments.example.org/admin/',
  });

  const { email_hash: emailHash, ip_hash: ipHash, email_encrypted: sealed } = await testDb.db.selectFrom('comments').select(['email_hash', 'ip_hash', 'email_encrypted']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(emailHash).toBe(keys.hashEmail(EMAIL));
  const everything = `${JSON.stringify(request!.headers)}\n${request!.body}`.toLowerCase();
  for (const secretValue of [EMAIL.toLowerCase(), 'webhook.reader.x7', emailHash, sealed.toLowerCase(), ...(ipHash ? [ipHash] : [])]) {
    expect({ secretValue, found: everything.includes(secretValue) }).toEqual({ secretValue, found: false });
  }
  // The worker logs the attempt once the receiver's answer is in, a moment after the receiver has the event.
  const logged = await eventually(async () => ((await deliveriesOf(id)).length > 0 ? deliveriesOf(id) : undefined), 15_000, 'the delivery logged');
  expect(logged).toMatchObject([{ attempt: 1, statusCode: 200, error: null }]);
}, 30_000);

it('retries a receiver that fails, with the same event id, and the log shows every attempt', async () => {
  receiver.answerWith(500, 503);
  const id = await post('Second comment, to a receiver that is restarting.');
  const log = await eventually(async () => {
    const rows = await deliveriesOf(id);
    return rows.some((row) => row.statusCode === 200) ? rows : undefined;
  }, 15_000, 'a delivery after two failures');
  expect(log).toMatchObject([
    { attempt: 1, statusCode: 500, error: 'HTTP 500' },
    { attempt: 2, statusCode: 503, error: 'HTTP 503' },
    { attempt: 3, statusCode: 200, error: null },
  ]);
  const requests = requestsFor(id);
  expect(requests).toHaveLength(3);
  expect(new Set(requests.map((r) => r.headers['x-moderato-event-id'])).size).toBe(1);
  // Each attempt is signed afresh, and each signature checks out.
  for (const request of requests) expect(verifyWebhookSignature(secret, request.headers['x-moderato-signature'] as string, request.body)).toBe(true);
}, 30_000);

it('refuses at delivery an address that the worker’s operator settings do not allow, once, without calling it', async () => {
  await worker!.sut.close();
  worker = undefined;
  // Same URL, saved while private networks were allowed; this worker allows plain http but not loopback.
  worker = await startWorkerUnderTest(env, { ...OPEN, MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'off' });
  const before = receiver.received.length;
  const id = await post('Third comment, for a worker that keeps to public addresses.');
  const log = await eventually(async () => ((await deliveriesOf(id)).length > 0 ? deliveriesOf(id) : undefined), 15_000, 'a refused delivery');
  expect(log).toEqual([expect.objectContaining({ attempt: 1, statusCode: null, error: 'url is not allowed: 127.0.0.1 is in the loopback range' })]);
  expect(receiver.received.length).toBe(before);
  // Failed for good at the first attempt: no retry is coming.
  const { event_id: eventId } = await testDb.db.selectFrom('webhook_deliveries').select('event_id').where('comment_id', '=', id).executeTakeFirstOrThrow();
  const redis = new Redis(env.redisUrl);
  const queue = createWebhookDeliveryQueue({ connection: redis, prefix: env.queuePrefix });
  const job = await eventually(async () => {
    const found = await queue.getJob(eventId);
    return (await found?.getState()) === 'failed' ? found : undefined;
  }, 5_000, 'the job to fail');
  expect(job!.attemptsMade).toBe(1);
  await queue.close();
  redis.disconnect();
}, 30_000);
