import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { CLEAN_COMMENT, givenSite } from '../../../../test/support/fixtures';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { givenDecidedComment } from '../../../../test/support/comment-factory';
import { requestJson, postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { eventually } from '../../../../test/support/eventually';
import { startWorkerUnderTest } from '../../../../test/support/worker-under-test';
import type { RunningWorker } from '../../../worker/src/worker';

let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: { sut: RunningWorker };
const staff: Record<string, { token: string }> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
  staff.admin = await givenStaff(testDb.db, 'admin@example.org', 'admin');
  staff.owner = await givenStaff(testDb.db, 'owner@example.org', 'owner', ['blog']);
  staff.moderator = await givenStaff(testDb.db, 'mod@example.org', 'moderator', ['blog']);
  staff.otherOwner = await givenStaff(testDb.db, 'other@example.org', 'owner', ['other']);
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env);
  worker = await startWorkerUnderTest(env);
});
afterAll(async () => {
  await worker.sut.close();
  await api.sut.close();
  await testDb.close();
});

// Status and body only: some tests compare the whole answer.
const call = async (method: string, path: string, who: string | undefined, body?: unknown) => {
  const { status, json } = await requestJson(method, `${api.sut.url}${path}`, body, who ? bearer(staff[who]!.token) : {});
  return { status, json };
};

describe('GET/PUT /api/v1/sites/:siteId/settings', () => {
  it('lets anyone on the site read the settings and their version', async () => {
    const { status, json } = await call('GET', '/api/v1/sites/blog/settings', 'moderator');
    expect(status).toBe(200);
    expect(json.version).toBe(1);
    expect(json.settings.spam).toEqual({ approveBelow: 0.3, rejectAbove: 0.95 });
  });

  it('saves a partial change as a new version, with who and when', async () => {
    const saved = await call('PUT', '/api/v1/sites/blog/settings', 'owner', { spam: { approveBelow: 0.25 }, maxLinks: 4 });
    expect(saved.status).toBe(200);
    expect(saved.json.version).toBe(2);
    expect(saved.json.settings.spam).toEqual({ approveBelow: 0.25, rejectAbove: 0.95 });
    const versions = await call('GET', '/api/v1/sites/blog/settings/versions', 'moderator');
    expect(versions.json.versions[0]).toMatchObject({ version: 2, changedBy: 'owner@example.org', settings: { maxLinks: 4 } });
    expect(versions.json.versions[1]).toMatchObject({ version: 1, changedBy: null });
  });

  it.each([
    ['a threshold above 1', { spam: { rejectAbove: 1.5 } }, 'spam.rejectAbove'],
    ['a negative threshold', { toxicity: { approveBelow: -0.1 } }, 'toxicity.approveBelow'],
    ['approveBelow over rejectAbove', { spam: { approveBelow: 0.9, rejectAbove: 0.5 } }, 'spam.approveBelow'],
    ['an unknown key', { colour: 'red' }, 'colour'],
    ['an unknown band key', { spam: { maybe: 0.5 } }, 'spam.maybe'],
    ['a wrong type', { premoderate: 'yes' }, 'premoderate'],
    ['a javascript: origin', { allowedOrigins: ['https://ok.example', 'javascript:alert(1)'] }, 'allowedOrigins.1'],
    ['a file: origin', { allowedOrigins: ['file:///etc/passwd'] }, 'allowedOrigins.0'],
    ['a data: origin', { allowedOrigins: ['data:text/html,hi'] }, 'allowedOrigins.0'],
    ['a word list over 5,000 words', { holdWords: Array.from({ length: 5_001 }, (_, i) => `word${i}`) }, 'holdWords'],
  ])('refuses %s with 400 naming the field, saving nothing', async (_what, body, field) => {
    const before = (await call('GET', '/api/v1/sites/blog/settings', 'owner')).json.version;
    const refused = await call('PUT', '/api/v1/sites/blog/settings', 'owner', body);
    expect(refused.status).toBe(400);
    expect(refused.json.error.field).toBe(field);
    expect((await call('GET', '/api/v1/sites/blog/settings', 'owner')).json.version).toBe(before);
  });

  it('refuses a moderator (403), another site (403), no credentials (401)', async () => {
    expect((await call('PUT', '/api/v1/sites/blog/settings', 'moderator', { maxLinks: 9 })).status).toBe(403);
    expect((await call('PUT', '/api/v1/sites/blog/settings', 'otherOwner', { maxLinks: 9 })).status).toBe(403);
    expect((await call('GET', '/api/v1/sites/blog/settings', 'otherOwner')).status).toBe(403);
    expect((await call('PUT', '/api/v1/sites/blog/settings', undefined, { maxLinks: 9 })).status).toBe(401);
    expect((await call('GET', '/api/v1/sites/nope/settings', 'admin')).status).toBe(404);
  });

  it('is used by the worker within 5 seconds, and the decision names the version', async () => {
    const saved = await call('PUT', '/api/v1/sites/blog/settings', 'admin', { spam: { approveBelow: 0.001, rejectAbove: 0.002 }, toxicity: { approveBelow: 0.001, rejectAbove: 0.002 } });
    const savedAt = Date.now();
    let decided: { status: string; settings_version: number | null } | undefined;
    while (!decided || decided.status !== 'rejected') {
      expect(Date.now() - savedAt).toBeLessThan(5_000);
      const { json } = await postJson(`${api.sut.url}/api/v1/sites/blog/articles/a/comments`, { name: 'Ann', email: 'ann@example.org', body: `${CLEAN_COMMENT} ${Date.now()}` });
      decided = await eventually(() => testDb.db.selectFrom('comments').select(['status', 'settings_version']).where('id', '=', json.id).executeTakeFirst());
    }
    expect(decided.settings_version).toBe(saved.json.version);
  });
});

describe('POST /api/v1/sites/:siteId/settings/preview', () => {
  beforeAll(async () => {
    await givenSite(testDb.db, 'tuning');
    staff.tuner = await givenStaff(testDb.db, 'tuner@example.org', 'owner', ['tuning']);
    const scores = [0.02, 0.1, 0.35, 0.5, 0.8, 0.97];
    for (const [i, spam] of scores.entries()) {
      const decision = spam >= 0.95 ? 'reject' : spam >= 0.3 ? 'hold' : 'approve';
      const body = i === 0 ? 'Visit http://a.example http://b.example http://c.example now' : `Comment number ${i}`;
      await givenDecidedComment(testDb.db, { siteId: 'tuning', decision, spam, body, acceptedAt: new Date(Date.now() - (10 - i) * 1000) });
    }
  });

  it('shows what near-zero reject thresholds would do, and saves nothing', async () => {
    const preview = await call('POST', '/api/v1/sites/tuning/settings/preview', 'tuner', { spam: { approveBelow: 0.01, rejectAbove: 0.05 } });
    expect(preview.status).toBe(200);
    expect(preview.json.total).toBe(6);
    // A threshold-only change re-uses the rule hits recorded with each decision (these rows recorded none).
    expect(preview.json.current).toEqual({ approve: 2, hold: 3, reject: 1 });
    expect(preview.json.proposed).toEqual({ approve: 0, hold: 1, reject: 5 });
    expect(preview.json.changed).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'hold', to: 'reject' })]));
    expect(preview.json.changedKinds).toEqual([
      { from: 'hold', to: 'reject', count: 3 },
      { from: 'approve', to: 'reject', count: 1 },
      { from: 'approve', to: 'hold', count: 1 },
    ]);
    // Each listed change carries what a moderator reads: name, article, the start of the text, the scores and why it flips.
    expect(preview.json.changed.find((c: { spam: number }) => c.spam === 0.5)).toEqual({
      id: expect.any(String),
      from: 'hold',
      to: 'reject',
      spam: 0.5,
      toxicity: 0.05,
      reasons: ['spam 0.50 ≥ new reject threshold 0.05 (was 0.95)'],
      comment: { name: 'Ann', articleId: 'post-1', excerpt: 'Comment number 3', truncated: false },
    });
    expect(preview.json.histograms.spam).toHaveLength(20);
    expect((await call('GET', '/api/v1/sites/tuning/settings', 'tuner')).json.version).toBe(1);
  });

  it('cuts a long text in the list, and tells that it did', async () => {
    await givenSite(testDb.db, 'long-texts');
    const { id } = await givenDecidedComment(testDb.db, { siteId: 'long-texts', decision: 'hold', spam: 0.6, body: `${'Long words here. '.repeat(40)}END` });
    const preview = await call('POST', '/api/v1/sites/long-texts/settings/preview', 'admin', { spam: { rejectAbove: 0.55 } });
    const long = preview.json.changed.find((c: { id: string }) => c.id === id);
    expect(long.comment.excerpt).toHaveLength(280);
    expect(long.comment.truncated).toBe(true);
  });

  it('re-runs rules on the stored text when a rule setting changes', async () => {
    const preview = await call('POST', '/api/v1/sites/tuning/settings/preview', 'tuner', { maxLinks: 5, holdWords: ['number'] });
    expect(preview.status).toBe(200);
    // The three-link comment is no longer held for links; "number" now holds the rest.
    expect(preview.json.current.hold).toBe(4);
    expect(preview.json.proposed).toEqual({ approve: 1, hold: 4, reject: 1 });
  });

  it('applies "hold new commenters" from the history recorded with each decision', async () => {
    const preview = await call('POST', '/api/v1/sites/tuning/settings/preview', 'tuner', { newCommenterHold: 1 });
    // The factory's comments recorded no history (older rows): the rule is left out, nothing changes.
    expect(preview.json.changedTotal).toBe(0);
    await testDb.db.updateTable('comments').set({ author_approved_before: 0 } as never).where('site_id', '=', 'tuning').execute();
    const withHistory = await call('POST', '/api/v1/sites/tuning/settings/preview', 'tuner', { newCommenterHold: 1 });
    expect(withHistory.json.proposed).toEqual({ approve: 0, hold: 5, reject: 1 });
  });

  it('refuses invalid candidates and limits with 400', async () => {
    expect((await call('POST', '/api/v1/sites/tuning/settings/preview', 'tuner', { spam: { rejectAbove: 2 } })).json.error.field).toBe('spam.rejectAbove');
    // At most 10,000 comments and the saved settings' list sizes: a preview is bounded work.
    expect((await call('POST', '/api/v1/sites/tuning/settings/preview?limit=10001', 'tuner', {})).json.error).toMatchObject({ field: 'limit', message: 'limit must be 1 to 10000' });
    const longList = await call('POST', '/api/v1/sites/tuning/settings/preview', 'tuner', { holdWords: Array.from({ length: 5_001 }, (_, i) => `w${i}`) });
    expect(longList).toMatchObject({ status: 400, json: { error: { field: 'holdWords' } } });
    expect((await call('POST', '/api/v1/sites/tuning/settings/preview', 'otherOwner', {})).status).toBe(403);
  });
});

describe('PUT /api/v1/sites/:siteId/articles/:articleId/settings', () => {
  it('closes an article: new comments are refused with 403', async () => {
    const closed = await call('PUT', '/api/v1/sites/blog/articles/old-news/settings', 'owner', { closed: true });
    expect(closed).toEqual({ status: 200, json: { articleId: 'old-news', closed: true, premoderate: false } });
    const post = () => postJson(`${api.sut.url}/api/v1/sites/blog/articles/old-news/comments`, { name: 'Ann', email: 'a@b.co', body: 'Hello' });
    const refused = await eventually(async () => ((await post()).status === 403 ? (await post()).json : undefined), 5_000);
    expect(refused.error.code).toBe('article_closed');
    expect((await postJson(`${api.sut.url}/api/v1/sites/blog/articles/fresh-news/comments`, { name: 'Ann', email: 'a@b.co', body: 'Hello' })).status).toBe(202);
  });

  it('premoderates an article: its comments are held', async () => {
    await call('PUT', '/api/v1/sites/blog/settings', 'admin', { spam: { approveBelow: 0.3, rejectAbove: 0.95 }, toxicity: { approveBelow: 0.3, rejectAbove: 0.95 } });
    await call('PUT', '/api/v1/sites/blog/articles/touchy/settings', 'owner', { premoderate: true });
    // The worker picks settings up at its next reload (every 2 s): post until a comment is held.
    const decided = async () => {
      const { json } = await postJson(`${api.sut.url}/api/v1/sites/blog/articles/touchy/comments`, { name: 'Ann', email: 'a@b.co', body: CLEAN_COMMENT });
      return eventually(() => testDb.db.selectFrom('comments').select('status').where('id', '=', json.id).executeTakeFirst());
    };
    const held = await eventually(async () => ((await decided()).status === 'held' ? 'held' : undefined), 10_000, 'a held comment');
    expect(held).toBe('held');
  });

  it('refuses a moderator and an empty or unknown change', async () => {
    expect((await call('PUT', '/api/v1/sites/blog/articles/x/settings', 'moderator', { closed: true })).status).toBe(403);
    expect((await call('PUT', '/api/v1/sites/blog/articles/x/settings', 'owner', {})).status).toBe(400);
    expect((await call('PUT', '/api/v1/sites/blog/articles/x/settings', 'owner', { open: true })).json.error.field).toBe('open');
  });
});
