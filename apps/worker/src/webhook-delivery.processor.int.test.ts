import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { UnrecoverableError, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createLogger } from '@moderato/config';
import type { Decision } from '@moderato/core';
import { saveSiteWebhook } from '@moderato/db';
import { createWebhookDeliveryQueue, type WebhookDeliveryPayload, type WebhookDeliveryQueue } from '@moderato/queue';
import { createWebhookSecrets, verifyWebhookSignature, type WebhookAttempt, type WebhookRequest } from '@moderato/webhooks';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../test/support/test-database';
import { givenSite, TEST_SECRET } from '../../../test/support/fixtures';
import { acceptedComment, givenDecidedComment, scoreResult } from '../../../test/support/comment-factory';
import { createDecisionWebhooks } from './decision-webhooks';
import { createWebhookDeliveryProcessor } from './webhook-delivery.processor';

// The processor with its sending stubbed (send-webhook.int.test.ts covers the
// wire): what it reads, what it signs, what it skips, what it logs.
let testDb: TestDatabase;
let redis: Redis;
let queue: WebhookDeliveryQueue;
const secrets = createWebhookSecrets(TEST_SECRET);
const silent = createLogger({ level: 'silent', service: 'test', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const sent: WebhookRequest[] = [];
let nextAttempt: WebhookAttempt;
const ok: WebhookAttempt = { ok: true, status: 204, error: null, refused: false, durationMs: 3 };

const sut = () => createWebhookDeliveryProcessor({ db: testDb.db, secrets, policy: { allowHttp: false, allowPrivateNetworks: false }, publicUrl: 'https://comments.example.org', logger: silent, send: async (request) => (sent.push(request), nextAttempt) });

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const site of ['json-site', 'slack-site', 'off-site', 'held-only', 'bare']) await givenSite(testDb.db, site);
  const save = (siteId: string, overrides: object = {}) =>
    saveSiteWebhook(testDb.db, { siteId, url: `https://93.184.216.34/${siteId}`, format: 'json', events: ['comment.held', 'comment.rejected', 'comment.approved'], enabled: true, newSalt: `salt-${siteId}`, rotateSecret: false, actor: 'test', ...overrides });
  await save('json-site');
  await save('slack-site', { format: 'slack' });
  await save('off-site', { enabled: false });
  await save('held-only', { events: ['comment.held'] });
  redis = new Redis(testRedisUrl());
  queue = createWebhookDeliveryQueue({ connection: redis, prefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await queue.close();
  redis.disconnect();
  await testDb.close();
});
beforeEach(() => {
  sent.length = 0;
  nextAttempt = ok;
});

const job = (data: Partial<WebhookDeliveryPayload>, attemptsMade = 0) =>
  ({
    id: data.eventId,
    attemptsMade,
    data: { v: 1, eventId: randomUUID(), type: 'comment.held', siteId: 'json-site', commentId: null, occurredAt: new Date().toISOString(), decidedBy: 'scorer', action: null, ...data },
  }) as unknown as Job<WebhookDeliveryPayload>;
const logOf = (siteId: string) => testDb.db.selectFrom('webhook_deliveries').select(['attempt', 'status_code', 'error', 'event_type']).where('site_id', '=', siteId).orderBy('id').execute();

describe('the delivery processor', () => {
  it('signs the event with the secret worked out from the salt, sends it to the webhook URL and logs the attempt', async () => {
    const comment = await givenDecidedComment(testDb.db, { siteId: 'json-site', decision: 'hold' });
    const eventId = randomUUID();
    expect(await sut()(job({ eventId, commentId: comment.id }))).toEqual({ status: 204 });
    const [request] = sent;
    expect(request!.url).toBe('https://93.184.216.34/json-site');
    expect(verifyWebhookSignature(secrets.secretFor('salt-json-site'), request!.headers['x-moderato-signature'], request!.body)).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({ id: eventId, type: 'comment.held', status: 'held', site: { id: 'json-site', name: 'Site json-site' }, comment: { id: comment.id, reasons: ['spam-model'] }, dashboardUrl: 'https://comments.example.org/admin/' });
    expect(await logOf('json-site')).toEqual([{ attempt: 1, status_code: 204, error: null, event_type: 'comment.held' }]);
  });

  it('sends a moderator’s approval in the Slack format', async () => {
    const comment = await givenDecidedComment(testDb.db, { siteId: 'slack-site', decision: 'approve' });
    await sut()(job({ siteId: 'slack-site', type: 'comment.approved', commentId: comment.id, decidedBy: 'moderator', action: 'approve' }));
    expect(JSON.parse(sent[0]!.body)).toEqual({ text: expect.stringMatching(/^\*Approved by a moderator\*: a comment by Ann on post-1 \(Site slack-site\)\n/) });
  });

  it('skips, sending and logging nothing, what the webhook does not want now', async () => {
    const rejected = await givenDecidedComment(testDb.db, { siteId: 'held-only', decision: 'reject' });
    expect(await sut()(job({ siteId: 'bare' }))).toEqual({ skipped: 'no-webhook' });
    expect(await sut()(job({ siteId: 'off-site' }))).toEqual({ skipped: 'no-webhook' });
    expect(await sut()(job({ siteId: 'held-only', type: 'comment.rejected', commentId: rejected.id }))).toEqual({ skipped: 'not-subscribed' });
    expect(await sut()(job({ siteId: 'json-site', commentId: randomUUID() }))).toEqual({ skipped: 'comment-gone' });
    expect(sent).toEqual([]);
    expect(await logOf('off-site')).toEqual([]);
    // A test goes even to a webhook that is off.
    expect(await sut()(job({ siteId: 'off-site', type: 'webhook.test', decidedBy: null }))).toEqual({ status: 204 });
  });

  it('throws to be retried after a failure, fails for good on a refused address, and logs both', async () => {
    nextAttempt = { ok: false, status: 502, error: 'HTTP 502', refused: false, durationMs: 7 };
    const retry = sut()(job({ siteId: 'held-only', type: 'webhook.test' }, 2));
    await expect(retry).rejects.toThrow(new Error('HTTP 502'));
    await expect(retry).rejects.not.toBeInstanceOf(UnrecoverableError);
    nextAttempt = { ok: false, status: null, error: 'not allowed: hooks.example.org resolves to 10.0.0.1, in a private range', refused: true, durationMs: 1 };
    await expect(sut()(job({ siteId: 'held-only', type: 'webhook.test' }))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await logOf('held-only')).toEqual([
      { attempt: 3, status_code: 502, error: 'HTTP 502', event_type: 'webhook.test' },
      { attempt: 1, status_code: null, error: 'not allowed: hooks.example.org resolves to 10.0.0.1, in a private range', event_type: 'webhook.test' },
    ]);
  });

  it('fails for good on a payload it cannot read', async () => {
    await expect(sut()({ id: 'x', attemptsMade: 0, data: { v: 9 } } as unknown as Job<WebhookDeliveryPayload>)).rejects.toBeInstanceOf(UnrecoverableError);
  });
});

describe('the scorer’s decisions', () => {
  const decided = (siteId: string, decision: Decision) => ({ comment: acceptedComment({ siteId }), score: scoreResult(decision) });

  it('queue a held or rejected comment’s event for a site whose webhook wants it, and nothing else', async () => {
    const decisions = createDecisionWebhooks({ db: testDb.db, queue, logger: silent });
    const held = decided('held-only', 'hold');
    await decisions(held);
    await decisions(decided('held-only', 'reject'));
    await decisions(decided('held-only', 'approve'));
    await decisions(decided('bare', 'hold'));
    await decisions(decided('off-site', 'hold'));
    const rejected = decided('json-site', 'reject');
    await decisions(rejected);
    const jobs = (await queue.getJobs(['waiting'])).map((j) => j.data).sort((a, b) => a.siteId.localeCompare(b.siteId));
    expect(jobs).toEqual([
      { v: 1, eventId: expect.any(String), type: 'comment.held', siteId: 'held-only', commentId: held.comment.id, occurredAt: expect.any(String), decidedBy: 'scorer', action: null },
      { v: 1, eventId: expect.any(String), type: 'comment.rejected', siteId: 'json-site', commentId: rejected.comment.id, occurredAt: expect.any(String), decidedBy: 'scorer', action: null },
    ]);
  });
});
