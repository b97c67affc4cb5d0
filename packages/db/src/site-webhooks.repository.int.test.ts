import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { acceptedComment, recordDecision, scoreResult } from '../../../test/support/comment-factory';
import { deleteSiteWebhook, findSiteWebhook, listWebhookSubscriptions, saveSiteWebhook as sut } from './site-webhooks.repository';
import { DELIVERY_LOG_ROWS_PER_SITE, listWebhookDeliveries, recordWebhookDelivery } from './webhook-deliveries.repository';
import { findWebhookComment } from './webhook-comment.repository';

let testDb: TestDatabase;
const ALL = ['comment.held', 'comment.rejected', 'comment.approved'] as const;
const change = (overrides = {}) => ({ siteId: 'blog', url: 'https://hooks.example.org/a', format: 'json' as const, events: [...ALL], enabled: true, newSalt: randomUUID(), rotateSecret: false, actor: 'u1', ...overrides });

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const site of ['blog', 'shop', 'quiet', 'logged']) await givenSite(testDb.db, site);
});
afterAll(() => testDb.close());

describe('saveSiteWebhook', () => {
  it('creates a webhook, then replaces its settings keeping the salt unless asked to rotate it', async () => {
    const first = await sut(testDb.db, change());
    expect(first).toMatchObject({ created: true, webhook: { siteId: 'blog', url: 'https://hooks.example.org/a', format: 'json', events: [...ALL], enabled: true } });
    const kept = await sut(testDb.db, change({ url: 'https://hooks.example.org/b', format: 'slack', events: ['comment.held'], enabled: false }));
    expect(kept).toMatchObject({ created: false, webhook: { url: 'https://hooks.example.org/b', format: 'slack', events: ['comment.held'], enabled: false, secretSalt: first.webhook.secretSalt } });
    const rotated = await sut(testDb.db, change({ newSalt: 'fresh', rotateSecret: true }));
    expect(rotated).toMatchObject({ created: false, webhook: { secretSalt: 'fresh' } });
    expect(await findSiteWebhook(testDb.db, 'blog')).toEqual(rotated.webhook);
  });

  it('refuses an event the table does not know', async () => {
    await expect(sut(testDb.db, change({ siteId: 'shop', events: ['comment.deleted'] }))).rejects.toThrow(/check constraint/);
  });

  it('deletes a webhook, saying whether there was one', async () => {
    await sut(testDb.db, change({ siteId: 'shop' }));
    expect(await deleteSiteWebhook(testDb.db, 'shop')).toBe(true);
    expect(await deleteSiteWebhook(testDb.db, 'shop')).toBe(false);
    expect(await findSiteWebhook(testDb.db, 'shop')).toBeUndefined();
  });
});

describe('listWebhookSubscriptions', () => {
  it('lists the events of enabled webhooks only', async () => {
    await sut(testDb.db, change({ siteId: 'blog', events: ['comment.held', 'comment.rejected'], enabled: true }));
    await sut(testDb.db, change({ siteId: 'quiet', enabled: false }));
    expect(await listWebhookSubscriptions(testDb.db, ['blog', 'quiet', 'shop', 'blog'])).toEqual(new Map([['blog', ['comment.held', 'comment.rejected']]]));
    expect(await listWebhookSubscriptions(testDb.db, [])).toEqual(new Map());
    expect([...(await listWebhookSubscriptions(testDb.db)).keys()]).toEqual(['blog']);
  });
});

describe('the delivery log', () => {
  const attempt = (n: number) => ({ siteId: 'logged', eventId: randomUUID(), eventType: 'comment.held' as const, commentId: null, attempt: n, statusCode: 500, error: 'HTTP 500', durationMs: 3 });

  it('lists attempts newest first, a page at a time', async () => {
    for (let n = 1; n <= 3; n++) await recordWebhookDelivery(testDb.db, attempt(n));
    const first = await listWebhookDeliveries(testDb.db, { siteId: 'logged', limit: 2 });
    expect(first.deliveries.map((d) => d.attempt)).toEqual([3, 2]);
    expect(first.deliveries[0]).toMatchObject({ eventType: 'comment.held', statusCode: 500, error: 'HTTP 500', durationMs: 3, at: expect.any(String) });
    const second = await listWebhookDeliveries(testDb.db, { siteId: 'logged', limit: 2, before: first.next! });
    expect(second).toMatchObject({ deliveries: [{ attempt: 1 }], next: null });
  });

  it(`keeps ${DELIVERY_LOG_ROWS_PER_SITE} rows per site and 30 days`, async () => {
    await sql`insert into webhook_deliveries (site_id, event_id, event_type, attempt, duration_ms, delivered_at) values ('logged', gen_random_uuid(), 'comment.held', 9, 1, now() - interval '31 days')`.execute(testDb.db);
    await sql`insert into webhook_deliveries (site_id, event_id, event_type, attempt, duration_ms, delivered_at)
      select 'logged', gen_random_uuid(), 'comment.held', 1, 1, now() - interval '1 day' from generate_series(1, ${DELIVERY_LOG_ROWS_PER_SITE + 20})`.execute(testDb.db);
    await recordWebhookDelivery(testDb.db, attempt(7));
    const { rows } = await sql<{ count: string; oldest: Date }>`select count(*) as count, min(delivered_at) as oldest from webhook_deliveries where site_id = 'logged'`.execute(testDb.db);
    expect(Number(rows[0]!.count)).toBe(DELIVERY_LOG_ROWS_PER_SITE);
    expect(rows[0]!.oldest.getTime()).toBeGreaterThan(Date.now() - 30 * 86_400_000);
    expect((await listWebhookDeliveries(testDb.db, { siteId: 'logged', limit: 1 })).deliveries[0]!.attempt).toBe(7);

    // A quiet site: its one row from 31 days ago goes when the next is logged.
    await sql`insert into webhook_deliveries (site_id, event_id, event_type, attempt, duration_ms, delivered_at) values ('quiet', gen_random_uuid(), 'comment.held', 9, 1, now() - interval '31 days')`.execute(testDb.db);
    await recordWebhookDelivery(testDb.db, { ...attempt(1), siteId: 'quiet' });
    expect((await listWebhookDeliveries(testDb.db, { siteId: 'quiet', limit: 10 })).deliveries.map((d) => d.attempt)).toEqual([1]);
  });
});

describe('findWebhookComment', () => {
  it('tells ids, text, name, scores and reason codes, and nothing of the email or IP', async () => {
    const comment = acceptedComment({ siteId: 'blog', name: 'Ann', body: 'Buy now', emailHash: 'e'.repeat(64), ipHash: 'f'.repeat(64) });
    await recordDecision(testDb.db, comment, scoreResult('hold', { spam: 0.6, reasons: [{ code: 'links', message: '2 links', matches: ['http'] }] }));
    const found = await findWebhookComment(testDb.db, comment.id);
    expect(found).toEqual({
      id: comment.id,
      articleId: 'post-1',
      parentId: null,
      authorName: 'Ann',
      body: 'Buy now',
      language: 'en',
      createdAt: comment.acceptedAt,
      scores: { spam: 0.6, toxicity: expect.any(Number) },
      reasons: ['links'],
    });
    expect(JSON.stringify(found)).not.toMatch(/e{64}|f{64}|v1\.a\.b\.c/);
    expect(await findWebhookComment(testDb.db, randomUUID())).toBeUndefined();
  });
});
