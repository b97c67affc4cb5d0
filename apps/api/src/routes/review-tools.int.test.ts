import type { Reason } from '@moderato/core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { acceptedComment, recordDecision, scoreResult } from '../../../../test/support/comment-factory';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

// The review queue's filters and search, and the author view, over HTTP on a real database.
let testDb: TestDatabase;
let api: ApiUnderTest;
let asModerator: Record<string, string>;
let asStranger: Record<string, string>;
const ids: Record<string, string> = {};

const LINKS: Reason = { code: 'links', message: '3 links (more than 2)' };
const SPAM_MODEL: Reason = { code: 'spam-model', message: 'spam model 0.62' };
const AUTHOR = 'a'.repeat(64);
const SOMEONE_ELSE = 'b'.repeat(64);

/** A decided comment with everything the filters look at. */
async function given(key: string, options: { site?: string; article?: string; body: string; language?: string | null; reasons?: Reason[]; status?: 'hold' | 'approve' | 'reject'; spam?: number; emailHash?: string; minutesAgo?: number }) {
  const comment = acceptedComment({
    siteId: options.site ?? 'blog',
    articleId: options.article ?? 'launch',
    body: options.body,
    name: `Reader ${key}`,
    emailHash: options.emailHash ?? SOMEONE_ELSE,
    acceptedAt: new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000).toISOString(),
  });
  await recordDecision(testDb.db, comment, scoreResult(options.status ?? 'hold', { spam: options.spam ?? 0.5, reasons: options.reasons ?? [], ...('language' in options ? { language: options.language as string } : {}) }));
  ids[key] = comment.id;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
  asModerator = bearer((await givenStaff(testDb.db, 'mod@example.org', 'moderator', ['blog'])).token);
  asStranger = bearer((await givenStaff(testDb.db, 'stranger@example.org', 'moderator', ['other'])).token);
  await given('casino', { body: 'Win big at the CASINO tonight, bonus codes inside', reasons: [LINKS, SPAM_MODEL], spam: 0.9, emailHash: AUTHOR, minutesAgo: 5 });
  await given('review', { body: 'A careful review of the moderation tools.', article: 'tools', reasons: [SPAM_MODEL], spam: 0.4, minutesAgo: 4 });
  await given('russian', { body: 'Отличная статья про модерацию, спасибо!', language: 'ru', article: 'tools', spam: 0.35, minutesAgo: 3 });
  await given('german', { body: 'Ein sehr guter Artikel über Moderation.', language: 'de', spam: 0.3, minutesAgo: 2 });
  await given('unknown', { body: 'zxqv wprt 12345', language: 'und', spam: 0.2, minutesAgo: 1 });
  await given('undetected', { body: 'Decided before languages were detected', language: null, spam: 0.25, minutesAgo: 1 });
  // The same author's other comments on blog, in other statuses, and on another site.
  await given('authorApproved', { body: 'An earlier, kind comment', status: 'approve', spam: 0.05, emailHash: AUTHOR, minutesAgo: 60 });
  await given('authorRejected', { body: 'casino casino casino', status: 'reject', spam: 0.99, emailHash: AUTHOR, minutesAgo: 30 });
  await given('authorLater', { body: 'Still about the casino', emailHash: AUTHOR, spam: 0.7, minutesAgo: 0 });
  await given('elsewhere', { site: 'other', body: 'Casino bonus on another site', emailHash: AUTHOR, spam: 0.9 });
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const get = async (path: string, headers = asModerator) => {
  const response = await fetch(`${api.sut.url}${path}`, { headers });
  return { status: response.status, json: (await response.json()) as any };
};
const queue = async (query: Record<string, string>) => {
  const { status, json } = await get(`/api/v1/sites/blog/review?${new URLSearchParams(query)}`);
  expect(status).toBe(200);
  return json.comments.map((c: { id: string }) => Object.keys(ids).find((key) => ids[key] === c.id));
};

describe('GET /api/v1/sites/:siteId/review with a search', () => {
  it('finds a comment by a word of its body, whatever its case, and by the start of a word', async () => {
    expect(await queue({ q: 'casino' })).toEqual(['casino', 'authorLater']);
    expect(await queue({ q: 'Moderation' })).toEqual(['review', 'german']);
    expect(await queue({ q: 'moder' })).toEqual(['review', 'german']);
    expect(await queue({ q: 'модер' })).toEqual(['russian']);
  });

  it('finds Russian words, and requires every word searched for', async () => {
    expect(await queue({ q: 'СТАТЬЯ' })).toEqual(['russian']);
    expect(await queue({ q: 'casino bonus' })).toEqual(['casino']);
    expect(await queue({ q: 'casino nowhere' })).toEqual([]);
  });

  it("never finds another site's comments, and finds nothing for punctuation alone", async () => {
    expect(await queue({ q: 'bonus' })).toEqual(['casino']);
    expect(await queue({ q: "'!&|" })).toEqual([]);
    // A cleared search box is no filter.
    expect((await queue({ q: '' })).length).toBe(7);
  });
});

describe('GET /api/v1/sites/:siteId/review with filters', () => {
  it('filters by article, language and reason', async () => {
    expect(await queue({ article: 'tools' })).toEqual(['review', 'russian']);
    expect(await queue({ language: 'ru' })).toEqual(['russian']);
    expect(await queue({ language: 'other' })).toEqual(['german']);
    expect(await queue({ language: 'und' })).toEqual(['unknown']);
    expect((await queue({ language: 'en' })).sort()).toEqual(['authorLater', 'casino', 'review'].sort());
    expect(await queue({ reason: 'links' })).toEqual(['casino']);
    expect(await queue({ reason: 'spam-model' })).toEqual(['casino', 'review']);
  });

  it('combines filters, in either order, page by page', async () => {
    expect(await queue({ article: 'tools', q: 'moderation', reason: 'spam-model' })).toEqual(['review']);
    for (const order of ['oldest', 'likely-bad']) {
      const pages: string[] = [];
      let cursor = '';
      do {
        const { json } = await get(`/api/v1/sites/blog/review?${new URLSearchParams({ order, reason: 'spam-model', limit: '1', ...(cursor ? { cursor } : {}) })}`);
        pages.push(...json.comments.map((c: { id: string }) => c.id));
        cursor = json.next ?? '';
      } while (cursor);
      expect(pages).toEqual([ids.casino, ids.review]);
    }
  });

  it.each([
    ['language', 'fr', /language must be one of en, ru, other, und/],
    ['reason', 'Links!', /reason must be a reason code/],
    ['q', 'x'.repeat(201), /q must be at most 200 characters/],
    ['article', 'a\u0001b', /article must be printable/],
  ])('refuses a bad %s with 400 naming it', async (field, value, message) => {
    const { status, json } = await get(`/api/v1/sites/blog/review?${new URLSearchParams({ [field]: value })}`);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ field, message: expect.stringMatching(message) });
  });

  it('refuses a repeated parameter with 400', async () => {
    const { status, json } = await get('/api/v1/sites/blog/review?q=a&q=b');
    expect(status).toBe(400);
    expect(json.error.field).toBe('q');
  });
});

describe('GET /api/v1/comments/:id/author-comments', () => {
  it("lists every comment of the author on the comment's site, every status, newest first, with counts", async () => {
    const { status, json } = await get(`/api/v1/comments/${ids.casino}/author-comments`);
    expect(status).toBe(200);
    expect(json.comments.map((c: { id: string }) => c.id)).toEqual([ids.authorLater, ids.casino, ids.authorRejected, ids.authorApproved]);
    expect(json.comments.map((c: { status: string }) => c.status)).toEqual(['held', 'held', 'rejected', 'approved']);
    expect(json.counts).toEqual({ held: 2, approved: 1, rejected: 1 });
    expect(json.next).toBeNull();
    // Each with the author's history before it, as the queue shows it.
    expect(json.comments.map((c: { author: unknown }) => c.author)).toEqual([
      { approved: 1, rejected: 1 },
      { approved: 1, rejected: 1 },
      { approved: 1, rejected: 0 },
      { approved: 0, rejected: 0 },
    ]);
    const inQueue = (await get('/api/v1/sites/blog/review?q=bonus')).json.comments[0];
    expect(inQueue).toEqual(json.comments[1]);
    // Neither the email nor its hash reaches the browser.
    expect(JSON.stringify(json)).not.toMatch(/email|aaaaaaaa|v1\.a\.b\.c/i);
  });

  it('pages newest first with a cursor', async () => {
    const first = await get(`/api/v1/comments/${ids.authorApproved}/author-comments?limit=3`);
    expect(first.json.comments).toHaveLength(3);
    const second = await get(`/api/v1/comments/${ids.authorApproved}/author-comments?limit=3&cursor=${first.json.next}`);
    expect(second.json.comments.map((c: { id: string }) => c.id)).toEqual([ids.authorApproved]);
    expect(second.json.next).toBeNull();
  });

  it("never shows the author's comments on another site", async () => {
    const { json } = await get(`/api/v1/comments/${ids.elsewhere}/author-comments`, asStranger);
    expect(json.comments.map((c: { id: string }) => c.id)).toEqual([ids.elsewhere]);
    expect(json.counts).toEqual({ held: 1, approved: 0, rejected: 0 });
  });

  it("answers 404 for another site's comment, an unknown id or a malformed one; 400 for a bad limit; 401 signed out", async () => {
    expect((await get(`/api/v1/comments/${ids.casino}/author-comments`, asStranger)).status).toBe(404);
    expect((await get('/api/v1/comments/00000000-0000-4000-8000-000000000000/author-comments')).status).toBe(404);
    expect((await get('/api/v1/comments/not-a-uuid/author-comments')).status).toBe(404);
    const bad = await get(`/api/v1/comments/${ids.casino}/author-comments?limit=501`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('limit');
    expect((await get(`/api/v1/comments/${ids.casino}/author-comments`, {})).status).toBe(401);
  });
});
