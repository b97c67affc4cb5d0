import { randomUUID } from 'node:crypto';
import { hashApiToken } from '@moderato/auth';
import { revokeApiToken } from '@moderato/db';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite, TEST_SECRET } from '../../../../test/support/fixtures';
import { createPersonalDataKeys } from '@moderato/core';
import { givenDecidedComment } from '../../../../test/support/comment-factory';
import { bearer, givenStaff, STAFF_PASSWORD } from '../../../../test/support/staff';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

let testDb: TestDatabase;
let api: ApiUnderTest;
const staff: Record<string, { token: string }> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
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
const held = () => givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' });

describe('GET /api/v1/sites/:siteId/review', () => {
  it('lists held comments with scores, reasons and author history, never the email', async () => {
    const comment = await held();
    const { status, json } = await get('/api/v1/sites/blog/review?status=held', bearer(staff.moderator!.token));
    expect(status).toBe(200);
    const listed = json.comments.find((c: { id: string }) => c.id === comment.id);
    expect(Object.keys(listed).sort()).toEqual(
      ['articleId', 'author', 'body', 'createdAt', 'decidedAt', 'id', 'language', 'name', 'parentId', 'reasons', 'spam', 'status', 'toxicity'].sort(),
    );
    expect(listed.language).toBe('en');
    expect(listed.author).toEqual({ approved: expect.any(Number), rejected: expect.any(Number) });
    const counts = await get('/api/v1/sites/blog/review/counts', bearer(staff.moderator!.token));
    expect(counts.json).toEqual({ held: expect.any(Number), approved: expect.any(Number), rejected: expect.any(Number), cap: 10_000 });
    expect(counts.json.held).toBeGreaterThan(0);
    expect((await get('/api/v1/sites/blog/review/counts', bearer(staff.stranger!.token))).status).toBe(403);
    expect(JSON.stringify(json)).not.toMatch(/email|v1\.a\.b\.c|eeeeeeee/);
  });

  it('answers 401 without credentials, 403 for another site, 404 for an unknown site, 400 for a bad status', async () => {
    expect((await get('/api/v1/sites/blog/review')).status).toBe(401);
    expect((await get('/api/v1/sites/blog/review', bearer(staff.stranger!.token))).status).toBe(403);
    expect((await get('/api/v1/sites/nope/review', bearer(staff.admin!.token))).status).toBe(404);
    const bad = await get('/api/v1/sites/blog/review?status=pending', bearer(staff.admin!.token));
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('status');
  });

  it('answers 401 for a malformed, unknown or revoked token', async () => {
    const { token } = await givenStaff(testDb.db, `revoked-${randomUUID()}@example.org`, 'admin');
    expect((await get('/api/v1/sites/blog/review', bearer(token))).status).toBe(200);
    await revokeApiToken(testDb.db, { tokenHash: hashApiToken(token) });
    for (const headers of [bearer(token), bearer('mod_unknown-token-unknown-token-unknown'), { authorization: 'Basic abc' }]) {
      expect((await get('/api/v1/sites/blog/review', headers)).status).toBe(401);
    }
  });
});

describe('POST /api/v1/comments/:id/moderation', () => {
  it('approves, and the comment joins the public thread', async () => {
    const comment = await held();
    const response = await post(`/api/v1/comments/${comment.id}/moderation`, { action: 'approve', expectedStatus: 'held' }, bearer(staff.moderator!.token));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: comment.id, status: 'approved' });
    const thread = await get('/api/v1/sites/blog/articles/post-1/comments?limit=100');
    expect(thread.json.comments.map((c: { id: string }) => c.id)).toContain(comment.id);
  });

  it('answers 409 to the moderator who acted on a stale status', async () => {
    const comment = await held();
    await post(`/api/v1/comments/${comment.id}/moderation`, { action: 'reject', expectedStatus: 'held' }, bearer(staff.owner!.token));
    const late = await post(`/api/v1/comments/${comment.id}/moderation`, { action: 'approve', expectedStatus: 'held' }, bearer(staff.moderator!.token));
    expect(late.status).toBe(409);
    expect(late.json.error.message).toContain('rejected');
  });

  it.each([
    ['an unknown action', { action: 'delete' }, 'moderator', 400],
    ['a missing action', {}, 'moderator', 400],
    ['a bad expectedStatus', { action: 'approve', expectedStatus: 'pending' }, 'moderator', 400],
    ['no credentials', { action: 'approve' }, undefined, 401],
    ['a moderator of another site (as if it did not exist)', { action: 'approve' }, 'stranger', 404],
  ])('refuses %s and changes nothing', async (_what, body, who, status) => {
    const comment = await held();
    const response = await post(`/api/v1/comments/${comment.id}/moderation`, body, who ? bearer(staff[who]!.token) : {});
    expect(response.status).toBe(status);
    expect((await get(`/api/v1/comments/${comment.id}`)).json.status).toBe('held');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of [randomUUID(), 'nope']) {
      expect((await post(`/api/v1/comments/${id}/moderation`, { action: 'approve' }, bearer(staff.admin!.token))).status).toBe(404);
    }
  });
});

describe('POST /api/v1/comments/moderation (bulk)', () => {
  it('moderates many comments in one transaction', async () => {
    const comments = await Promise.all([held(), held(), held()]);
    const response = await post('/api/v1/comments/moderation', { ids: comments.map((c) => c.id), action: 'spam', expectedStatus: 'held' }, bearer(staff.moderator!.token));
    expect(response.status).toBe(200);
    expect(response.json.comments).toHaveLength(3);
    expect(response.json.comments.every((c: { status: string }) => c.status === 'rejected')).toBe(true);
  });

  it('refuses more than 500 ids, bad ids, and a mix with another site, changing nothing', async () => {
    const mine = await held();
    const theirs = await givenDecidedComment(testDb.db, { siteId: 'other', decision: 'hold' });
    const tooMany = await post('/api/v1/comments/moderation', { ids: Array.from({ length: 501 }, () => randomUUID()), action: 'approve' }, bearer(staff.admin!.token));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.field).toBe('ids');
    const badId = await post('/api/v1/comments/moderation', { ids: [mine.id, 'x'], action: 'approve' }, bearer(staff.admin!.token));
    expect(badId.json.error.field).toBe('ids.1');
    const mixed = await post('/api/v1/comments/moderation', { ids: [mine.id, theirs.id], action: 'approve' }, bearer(staff.moderator!.token));
    expect(mixed.status).toBe(404);
    expect(mixed.json.error.message).not.toContain('other');
    expect((await get(`/api/v1/comments/${mine.id}`)).json.status).toBe('held');
  });
});

describe('history and email reveal', () => {
  it('shows every step, with who and why', async () => {
    const comment = await held();
    await post(`/api/v1/comments/${comment.id}/moderation`, { action: 'reject', reason: 'insults' }, bearer(staff.moderator!.token));
    const { status, json } = await get(`/api/v1/comments/${comment.id}/history`, bearer(staff.moderator!.token));
    expect(status).toBe(200);
    expect(json.events.map((e: { action: string }) => e.action)).toEqual(['intake', 'decide', 'reject']);
    expect(json.events[2]).toMatchObject({ actor: 'mod@example.org', from: 'held', to: 'rejected', reason: 'insults' });
    expect((await get(`/api/v1/comments/${comment.id}/history`, bearer(staff.stranger!.token))).status).toBe(404);
  });

  it('lets only an admin reveal the email, and audits it', async () => {
    const emailEncrypted = createPersonalDataKeys(TEST_SECRET).encryptEmail('Commenter@Example.org');
    const comment = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold', emailEncrypted });
    expect((await post(`/api/v1/comments/${comment.id}/reveal-email`, {}, bearer(staff.owner!.token))).status).toBe(403);
    const revealed = await post(`/api/v1/comments/${comment.id}/reveal-email`, {}, bearer(staff.admin!.token));
    expect(revealed.status).toBe(200);
    expect(revealed.json).toEqual({ id: comment.id, email: 'commenter@example.org' });
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    const { json } = await get(`/api/v1/comments/${comment.id}/history`, bearer(staff.admin!.token));
    expect(json.events.at(-1)).toMatchObject({ action: 'reveal-email', actor: 'admin@example.org' });
  });
});

describe('dashboard sessions', () => {
  async function signIn(email: string, password = STAFF_PASSWORD) {
    const response = await post('/api/v1/auth/login', { email, password });
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    return { ...response, cookie };
  }

  it('signs in with a password, then needs the CSRF token for every change', async () => {
    const session = await signIn('mod@example.org');
    expect(session.status).toBe(200);
    expect(session.cookie).toMatch(/^moderato\.sid=/);
    expect(session.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(session.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect(session.json.user).toMatchObject({ email: 'mod@example.org', role: 'moderator', siteIds: ['blog'] });

    const comment = await held();
    const withoutCsrf = await post(`/api/v1/comments/${comment.id}/moderation`, { action: 'approve' }, { cookie: session.cookie });
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.json.error.code).toBe('csrf_token_invalid');
    const withCsrf = await post(`/api/v1/comments/${comment.id}/moderation`, { action: 'approve' }, { cookie: session.cookie, 'x-csrf-token': session.json.csrfToken });
    expect(withCsrf.status).toBe(200);

    expect((await get('/api/v1/auth/session', { cookie: session.cookie })).json.user.email).toBe('mod@example.org');
    await post('/api/v1/auth/logout', {}, { cookie: session.cookie, 'x-csrf-token': session.json.csrfToken });
    expect((await get('/api/v1/sites', { cookie: session.cookie })).status).toBe(401);
  });

  it('refuses a wrong password or unknown email alike', async () => {
    const wrong = await signIn('mod@example.org', 'not the password');
    const unknown = await signIn('nobody@example.org');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual(unknown.json);
  });

  it('limits sign-in attempts with 429 and Retry-After', async () => {
    const email = `guess-${randomUUID()}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signIn(email, 'guess')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await signIn(email, 'guess');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);
});
