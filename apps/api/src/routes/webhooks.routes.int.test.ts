import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { recordDecisions, recordWebhookDelivery } from '@moderato/db';
import { createWebhookDeliveryQueue, type WebhookDeliveryQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { acceptedComment, givenDecidedComment, scoreResult } from '../../../../test/support/comment-factory';
import { requestJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

// The API as shipped: https only, no private addresses. Nothing delivers
// here (no worker runs): the jobs queued are what is checked.
let testDb: TestDatabase;
let api: ApiUnderTest;
let redis: Redis;
let queue: WebhookDeliveryQueue;
const staff: Record<string, { token: string; user: { id: string } }> = {};
const RECEIVER_URL = 'https://93.184.216.34/moderato';

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const site of ['blog', 'bare', 'quiet']) await givenSite(testDb.db, site);
  staff.owner = await givenStaff(testDb.db, 'owner@example.org', 'owner', ['blog', 'bare', 'quiet']);
  staff.moderator = await givenStaff(testDb.db, 'mod@example.org', 'moderator', ['blog', 'bare', 'quiet']);
  const prefix = uniqueQueuePrefix();
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix });
  redis = new Redis(testRedisUrl());
  queue = createWebhookDeliveryQueue({ connection: redis, prefix });
});
afterAll(async () => {
  await api.sut.close();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

const call = (method: string, path: string, who: string, body?: unknown) => requestJson(method, `${api.sut.url}${path}`, body, bearer(staff[who]!.token));
const queued = async () => (await queue.getJobs(['waiting', 'delayed'])).map((job) => job.data);

describe('saving a webhook', () => {
  it.each([
    [{}, 'url', 'url is required'],
    [{ url: 42 }, 'url', 'url must be a string'],
    [{ url: 'http://93.184.216.34/hook' }, 'url', 'url must use https (plain http is off on this server)'],
    [{ url: 'https://10.0.0.5/hook' }, 'url', 'url is not allowed: 10.0.0.5 is in a private range'],
    [{ url: 'https://127.0.0.1:3000/' }, 'url', 'url is not allowed: 127.0.0.1 is in the loopback range'],
    [{ url: 'https://[fd00::1]/' }, 'url', 'url is not allowed: fd00::1 is in an IPv6 unique-local range'],
    [{ url: 'https://169.254.169.254/latest' }, 'url', 'url is not allowed: 169.254.169.254 is in a link-local range'],
    [{ url: 'https://localhost/hook' }, 'url', 'url is not allowed: localhost is in the loopback range'],
    [{ url: RECEIVER_URL, format: 'xml' }, 'format', 'format must be json or slack'],
    [{ url: RECEIVER_URL, events: ['comment.deleted'] }, 'events.0', 'each event must be one of comment.held, comment.rejected, comment.approved'],
    [{ url: RECEIVER_URL, events: [] }, 'events', 'events must name at least one event (to pause the webhook, set enabled to false)'],
    [{ url: RECEIVER_URL, enabled: 'yes' }, 'enabled', 'enabled must be true or false'],
    [{ url: RECEIVER_URL, secret: 'mine' }, 'secret', 'unknown field secret'],
  ])('refuses %o with a 400 naming %s', async (body, field, message) => {
    const { status, json } = await call('PUT', '/api/v1/sites/blog/webhook', 'owner', body);
    expect({ status, error: json.error }).toEqual({ status: 400, error: { code: 'invalid_field', field, message } });
    expect(await testDb.db.selectFrom('site_webhooks').selectAll().execute()).toEqual([]);
  });

  it('creates it (201) showing the secret once, keeps the secret on later saves, and shows a new one on rotation', async () => {
    expect(await call('GET', '/api/v1/sites/blog/webhook', 'owner')).toMatchObject({ status: 200, json: { webhook: null } });
    const created = await call('PUT', '/api/v1/sites/blog/webhook', 'owner', { url: RECEIVER_URL, events: ['comment.approved', 'comment.held'] });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.json).toEqual({
      webhook: { url: RECEIVER_URL, format: 'json', events: ['comment.held', 'comment.approved'], enabled: true, createdAt: expect.any(String), updatedAt: expect.any(String) },
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });
    const read = await call('GET', '/api/v1/sites/blog/webhook', 'owner');
    expect(read.json.webhook).toEqual(created.json.webhook);
    expect(JSON.stringify(read.json)).not.toMatch(/whsec_|salt/);
    const stored = await testDb.db.selectFrom('site_webhooks').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(created.json.secret);

    const changed = await call('PUT', '/api/v1/sites/blog/webhook', 'owner', { url: RECEIVER_URL, format: 'slack', events: ['comment.held', 'comment.rejected', 'comment.approved'] });
    expect(changed).toMatchObject({ status: 200, json: { webhook: { format: 'slack' } } });
    expect(changed.json).not.toHaveProperty('secret');
    const rotated = await call('PUT', '/api/v1/sites/blog/webhook', 'owner', { url: RECEIVER_URL, format: 'json', rotateSecret: true });
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(created.json.secret);
  });

  it('queues a test event (202) with ids only, and 404s without a webhook', async () => {
    const sent = await call('POST', '/api/v1/sites/blog/webhook/test', 'owner', {});
    expect(sent).toMatchObject({ status: 202, json: { eventId: expect.any(String) } });
    const job = await queue.getJob(sent.json.eventId);
    expect(job!.data).toEqual({ v: 1, eventId: sent.json.eventId, type: 'webhook.test', siteId: 'blog', commentId: null, occurredAt: expect.any(String), decidedBy: null, action: null });
    expect(job!.opts.attempts).toBe(1);
    expect(await call('POST', '/api/v1/sites/bare/webhook/test', 'owner', {})).toMatchObject({ status: 404, json: { error: { message: 'webhook not found' } } });
    expect(await call('POST', '/api/v1/sites/blog/webhook/test', 'owner', { now: true })).toMatchObject({ status: 400, json: { error: { field: 'now' } } });
  });

  it('pages through the delivery log, newest first', async () => {
    for (const attempt of [1, 2, 3]) {
      await recordWebhookDelivery(testDb.db, { siteId: 'bare', eventId: randomUUID(), eventType: 'comment.held', commentId: null, attempt, statusCode: 500, error: 'HTTP 500', durationMs: 4 });
    }
    const first = await call('GET', '/api/v1/sites/bare/webhook/deliveries?limit=2', 'owner');
    expect(first.json.deliveries.map((d: { attempt: number }) => d.attempt)).toEqual([3, 2]);
    const second = await call('GET', `/api/v1/sites/bare/webhook/deliveries?limit=2&before=${first.json.next}`, 'owner');
    expect(second.json).toMatchObject({ deliveries: [{ attempt: 1, statusCode: 500, error: 'HTTP 500' }], next: null });
    expect(await call('GET', '/api/v1/sites/bare/webhook/deliveries?before=abc', 'owner')).toMatchObject({ status: 400, json: { error: { field: 'before' } } });
  });

  it('removes it (204), then 404', async () => {
    await call('PUT', '/api/v1/sites/quiet/webhook', 'owner', { url: RECEIVER_URL });
    expect((await call('DELETE', '/api/v1/sites/quiet/webhook', 'owner')).status).toBe(204);
    expect((await call('DELETE', '/api/v1/sites/quiet/webhook', 'owner')).status).toBe(404);
  });
});

describe("moderators' actions", () => {
  beforeAll(async () => {
    await queue.drain();
    // blog wants every event; bare has no webhook; quiet's is turned off.
    await call('PUT', '/api/v1/sites/blog/webhook', 'owner', { url: RECEIVER_URL });
    await call('PUT', '/api/v1/sites/quiet/webhook', 'owner', { url: RECEIVER_URL, enabled: false });
  });
  beforeEach(() => queue.drain());

  it('queue one event per comment they moved, on sites whose webhook wants it, after the action is stored', async () => {
    const held = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' });
    const elsewhere = await givenDecidedComment(testDb.db, { siteId: 'bare', decision: 'hold' });
    const off = await givenDecidedComment(testDb.db, { siteId: 'quiet', decision: 'hold' });
    const ids = [held.id, elsewhere.id, off.id];
    expect((await call('POST', '/api/v1/comments/moderation', 'moderator', { ids, action: 'spam' })).status).toBe(200);
    expect(await queued()).toEqual([
      { v: 1, eventId: expect.any(String), type: 'comment.rejected', siteId: 'blog', commentId: held.id, occurredAt: expect.any(String), decidedBy: 'moderator', action: 'spam' },
    ]);
    await queue.drain();
    expect((await call('POST', `/api/v1/comments/${held.id}/moderation`, 'moderator', { action: 'approve' })).status).toBe(200);
    expect(await queued()).toMatchObject([{ type: 'comment.approved', commentId: held.id, action: 'approve' }]);
  });

  it('queue nothing for an action that moved nothing', async () => {
    const approved = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'approve' });
    expect((await call('POST', `/api/v1/comments/${approved.id}/moderation`, 'moderator', { action: 'approve' })).status).toBe(200);
    expect(await queued()).toEqual([]);
  });

  it('queue a rejection for a QA verdict that unpublished a comment, and nothing when it is sent again', async () => {
    const sampled = acceptedComment({ siteId: 'blog' });
    await recordDecisions(testDb.db, [{ comment: sampled, score: scoreResult('approve', { fingerprint: 'x' }), qaSample: true }]);
    expect((await call('POST', `/api/v1/sites/blog/qa/${sampled.id}`, 'moderator', { verdict: 'toxic' })).status).toBe(200);
    expect(await queued()).toMatchObject([{ type: 'comment.rejected', commentId: sampled.id, decidedBy: 'moderator', action: 'reject' }]);
    await queue.drain();
    expect((await call('POST', `/api/v1/sites/blog/qa/${sampled.id}`, 'moderator', { verdict: 'toxic' })).status).toBe(200);
    expect(await queued()).toEqual([]);
  });
});
