import { randomUUID } from 'node:crypto';
import { recordDecisions } from '@moderato/db';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { acceptedComment, scoreResult } from '../../../../test/support/comment-factory';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

let testDb: TestDatabase;
let api: ApiUnderTest;
const staff: Record<string, { token: string }> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog', { qaSampleRate: 0.1 });
  await givenSite(testDb.db, 'other');
  staff.admin = await givenStaff(testDb.db, 'admin@example.org', 'admin');
  staff.owner = await givenStaff(testDb.db, 'owner@example.org', 'owner', ['blog']);
  staff.moderator = await givenStaff(testDb.db, 'mod@example.org', 'moderator', ['blog']);
  staff.stranger = await givenStaff(testDb.db, 'stranger@example.org', 'moderator', ['other']);
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${api.sut.url}${path}`, { headers });
  return { status: response.status, json: (await response.json()) as any };
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => postJson(`${api.sut.url}${path}`, body, headers);
const asModerator = () => bearer(staff.moderator!.token);

/** An auto-approved comment the worker drew for QA (or not). */
async function sampled(siteId = 'blog', { qaSample = true, articleId = 'post-1' } = {}): Promise<string> {
  const comment = acceptedComment({ siteId, articleId, body: `Sampled comment ${randomUUID()}` });
  await recordDecisions(testDb.db, [{ comment, score: scoreResult('approve', { spam: 0.12, toxicity: 0.03 }), qaSample }]);
  return comment.id;
}
const threadIds = async (articleId: string) => (await get(`/api/v1/sites/blog/articles/${articleId}/comments?limit=100`)).json.comments.map((c: { id: string }) => c.id);

describe('GET /api/v1/sites/:siteId/qa', () => {
  it('lists pending samples with the comment and scores, the weekly estimate and the sample rate, never the email', async () => {
    const id = await sampled();
    const { status, json } = await get('/api/v1/sites/blog/qa', asModerator());
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(['estimate', 'next', 'sampleRate', 'samples']);
    expect(json.sampleRate).toBe(0.1);
    const listed = json.samples.find((s: { commentId: string }) => s.commentId === id);
    expect(listed).toEqual({
      commentId: id,
      articleId: 'post-1',
      parentId: null,
      authorName: 'Ann',
      body: expect.stringMatching(/^Sampled comment /),
      status: 'approved',
      spamScore: expect.closeTo(0.12, 5),
      toxicityScore: expect.closeTo(0.03, 5),
      decidedAt: expect.any(String),
      sampledAt: expect.any(String),
      verdict: null,
      reviewedBy: null,
      reviewedAt: null,
    });
    expect(json.estimate.weeks).toHaveLength(12);
    expect(json.estimate.weeks[11]).toEqual({ week: expect.stringMatching(/^\d{4}-W\d\d$/), start: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), sampled: expect.any(Number), reviewed: 0, bad: 0, share: null, low: null, high: null });
    expect(JSON.stringify(json)).not.toMatch(/email|v1\.a\.b\.c|aaaaaaaa/);
  });

  it('filters by status, pages with a cursor and sizes the estimate window', async () => {
    const ids = [await sampled(), await sampled(), await sampled()];
    await post(`/api/v1/sites/blog/qa/${ids[0]}`, { verdict: 'ok' }, asModerator());
    const pending = await get('/api/v1/sites/blog/qa?status=pending&limit=200', asModerator());
    expect(pending.json.samples.map((s: { commentId: string }) => s.commentId)).not.toContain(ids[0]);
    const reviewed = await get('/api/v1/sites/blog/qa?status=reviewed', asModerator());
    expect(reviewed.json.samples.map((s: { commentId: string }) => s.commentId)).toContain(ids[0]);
    const first = await get('/api/v1/sites/blog/qa?status=all&limit=2&weeks=1', asModerator());
    expect(first.json.samples.map((s: { commentId: string }) => s.commentId)).toEqual([ids[2], ids[1]]);
    expect(first.json.estimate.weeks).toHaveLength(1);
    const second = await get(`/api/v1/sites/blog/qa?status=all&limit=2&cursor=${first.json.next}`, asModerator());
    expect(second.json.samples[0].commentId).toBe(ids[0]);
  });

  it('answers 401 without credentials, 403 for another site, 404 for an unknown site, 400 naming a bad query field', async () => {
    expect((await get('/api/v1/sites/blog/qa')).status).toBe(401);
    expect((await get('/api/v1/sites/blog/qa', bearer(staff.stranger!.token))).status).toBe(403);
    expect((await get('/api/v1/sites/nope/qa', bearer(staff.admin!.token))).status).toBe(404);
    for (const [query, field] of [['status=held', 'status'], ['limit=0', 'limit'], ['limit=x', 'limit'], ['weeks=105', 'weeks'], ['cursor=bogus', 'cursor']]) {
      const bad = await get(`/api/v1/sites/blog/qa?${query}`, bearer(staff.admin!.token));
      expect({ query, status: bad.status, field: bad.json.error.field }).toEqual({ query, status: 400, field });
    }
  });
});

describe('POST /api/v1/sites/:siteId/qa/:commentId', () => {
  it('ok: records the verdict and the comment stays in the public thread', async () => {
    const id = await sampled('blog', { articleId: 'qa-ok' });
    const response = await post(`/api/v1/sites/blog/qa/${id}`, { verdict: 'ok' }, asModerator());
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ commentId: id, verdict: 'ok', status: 'approved', reviewedBy: 'mod@example.org', reviewedAt: expect.any(String) });
    expect(await threadIds('qa-ok')).toEqual([id]);
  });

  it.each(['spam', 'toxic'])('%s: unpublishes the comment, and the estimate counts it bad', async (verdict) => {
    const id = await sampled('blog', { articleId: `qa-${verdict}` });
    const before = (await get('/api/v1/sites/blog/qa?weeks=1', asModerator())).json.estimate.overall;
    const response = await post(`/api/v1/sites/blog/qa/${id}`, { verdict }, bearer(staff.owner!.token));
    expect(response.json).toMatchObject({ commentId: id, verdict, status: 'rejected', reviewedBy: 'owner@example.org' });
    expect(await threadIds(`qa-${verdict}`)).toEqual([]);
    const after = (await get('/api/v1/sites/blog/qa?weeks=1', asModerator())).json.estimate.overall;
    expect(after).toMatchObject({ reviewed: before.reviewed + 1, bad: before.bad + 1 });
    expect(after.low).toBeLessThanOrEqual(after.share);
    expect(after.high).toBeGreaterThanOrEqual(after.share);
  });

  it('takes a repeated verdict as once, and answers a different one with 409 naming the verdict', async () => {
    const id = await sampled();
    expect((await post(`/api/v1/sites/blog/qa/${id}`, { verdict: 'spam' }, asModerator())).status).toBe(200);
    expect((await post(`/api/v1/sites/blog/qa/${id}`, { verdict: 'spam' }, asModerator())).status).toBe(200);
    const changed = await post(`/api/v1/sites/blog/qa/${id}`, { verdict: 'ok' }, asModerator());
    expect(changed.status).toBe(409);
    expect(changed.json.error).toMatchObject({ code: 'already_reviewed', field: 'verdict' });
  });

  it('answers 409 when the comment was moderated since it was sampled', async () => {
    const id = await sampled();
    await post(`/api/v1/comments/${id}/moderation`, { action: 'reject' }, asModerator());
    const response = await post(`/api/v1/sites/blog/qa/${id}`, { verdict: 'ok' }, asModerator());
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('status_changed');
  });

  it('answers 400 naming the field for a wrong body', async () => {
    const id = await sampled();
    for (const [body, field] of [[{ verdict: 'bad' }, 'verdict'], [{}, 'verdict'], [{ verdict: 'ok', note: 'x' }, 'note']] as const) {
      const response = await post(`/api/v1/sites/blog/qa/${id}`, body, asModerator());
      expect({ body, status: response.status, field: response.json.error.field }).toEqual({ body, status: 400, field });
    }
  });

  it('answers 404 for an unknown comment, a comment that is no sample, or a sample of another site', async () => {
    const notSampled = await sampled('blog', { qaSample: false });
    const otherSites = await sampled('other');
    for (const id of ['not-a-uuid', randomUUID(), notSampled, otherSites]) {
      const response = await post(`/api/v1/sites/blog/qa/${id}`, { verdict: 'ok' }, bearer(staff.admin!.token));
      expect({ id, status: response.status, code: response.json.error.code }).toEqual({ id, status: 404, code: 'not_found' });
    }
    expect((await post(`/api/v1/sites/other/qa/${otherSites}`, { verdict: 'ok' }, asModerator())).status).toBe(403);
  });
});
