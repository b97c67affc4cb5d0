import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hashApiToken } from '@moderato/auth';
import { recordDecisions, recordWebhookDelivery, revokeApiToken, saveSiteWebhook } from '@moderato/db';
import { createScoreCommentQueue, enqueueScoreComment, PAYLOAD_VERSION, type ScoreCommentQueue } from '@moderato/queue';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { acceptedComment, givenDecidedComment, scoreResult } from '../support/comment-factory';
import { givenDeadLetter } from '../support/dead-letter';
import { givenSite } from '../support/fixtures';
import { givenSiteModel } from '../support/site-models';
import { bearer, givenStaff, STAFF_PASSWORD } from '../support/staff';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';

// Every staff route × every way of not being allowed → the right 4xx, and
// the database unchanged afterwards.
let testDb: TestDatabase;
let api: ApiUnderTest;
let commentId: string;
/** An auto-approved comment on the QA list of blog. */
let qaCommentId: string;
let redis: Redis;
let queue: ScoreCommentQueue;
let waitingJobId: string;
let deadLetterId: string;
/** A comment on the site the wrongSite staff member works on. */
let theirCommentId: string;
const headers: Record<string, Record<string, string>> = {};

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: () => string;
  body?: unknown;
  /** Status for a staff member of another site (404 where the path names a comment: its existence is not told); undefined where a route is not site-scoped. */
  wrongSite?: number;
  /** Who holds the right site but the wrong role, and what they get. */
  wrongRole?: { as: 'moderator' | 'owner'; status: number };
}

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/v1/sites/blog/review' , wrongSite: 403 },
  { method: 'GET', path: () => '/api/v1/sites/blog/review/counts', wrongSite: 403 },
  { method: 'POST', path: () => '/api/v1/comments/moderation', body: () => ({ ids: [commentId], action: 'approve' }), wrongSite: 404 },
  { method: 'POST', path: () => `/api/v1/comments/${commentId}/moderation`, body: { action: 'approve' }, wrongSite: 404 },
  { method: 'GET', path: () => `/api/v1/comments/${commentId}/history`, wrongSite: 404 },
  { method: 'GET', path: () => `/api/v1/comments/${commentId}/author-comments`, wrongSite: 404 },
  { method: 'GET', path: () => '/api/v1/sites/blog/review?q=body&article=post-1&language=en&reason=spam-model', wrongSite: 403 },
  { method: 'POST', path: () => `/api/v1/comments/${commentId}/reveal-email`, body: {}, wrongSite: 404, wrongRole: { as: 'owner', status: 403 } },
  { method: 'GET', path: () => '/api/v1/sites/blog/settings', wrongSite: 403 },
  { method: 'PUT', path: () => '/api/v1/sites/blog/settings', body: { premoderate: true }, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'POST', path: () => '/api/v1/sites/blog/settings/preview', body: { premoderate: true }, wrongSite: 403 },
  { method: 'GET', path: () => '/api/v1/sites/blog/settings/versions', wrongSite: 403 },
  { method: 'PUT', path: () => '/api/v1/sites/blog/articles/a-1/settings', body: { closed: true }, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'GET', path: () => '/api/v1/sites/blog/models', wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'GET', path: () => '/api/v1/sites/blog/models/1/comparison', wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'POST', path: () => '/api/v1/sites/blog/models/train', body: {}, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'POST', path: () => '/api/v1/sites/blog/models/1/promote', body: {}, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'POST', path: () => '/api/v1/sites/blog/models/1/shadow', body: {}, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'POST', path: () => '/api/v1/sites/blog/models/rollback', body: {}, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  // QA is for everyone working on the site, moderators included: no wrong role.
  { method: 'GET', path: () => '/api/v1/sites/blog/qa', wrongSite: 403 },
  { method: 'POST', path: () => `/api/v1/sites/blog/qa/${qaCommentId}`, body: { verdict: 'spam' }, wrongSite: 403 },
  // The overview is for everyone working on the site, moderators included: no wrong role.
  { method: 'GET', path: () => '/api/v1/sites/blog/overview?days=7', wrongSite: 403 },
  // The webhook sends the site's comments elsewhere: owners and admins only, as models.
  { method: 'GET', path: () => '/api/v1/sites/blog/webhook', wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'PUT', path: () => '/api/v1/sites/blog/webhook', body: { url: 'https://93.184.216.34/hook' }, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'DELETE', path: () => '/api/v1/sites/blog/webhook', wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'POST', path: () => '/api/v1/sites/blog/webhook/test', body: {}, wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'GET', path: () => '/api/v1/sites/blog/webhook/deliveries', wrongSite: 403, wrongRole: { as: 'moderator', status: 403 } },
  { method: 'GET', path: () => '/api/v1/admin/dead-letters', wrongRole: { as: 'owner', status: 403 } },
  { method: 'POST', path: () => '/api/v1/admin/dead-letters/00000000-0000-4000-8000-000000000000/retry', body: {}, wrongRole: { as: 'owner', status: 403 } },
  { method: 'POST', path: () => '/api/v1/admin/dead-letters/00000000-0000-4000-8000-000000000000/discard', body: {}, wrongRole: { as: 'owner', status: 403 } },
  { method: 'POST', path: () => '/api/v1/auth/logout', body: {} },
  // Each user's own: no site, no role.
  { method: 'GET', path: () => '/api/v1/me/preferences' },
  { method: 'PUT', path: () => '/api/v1/me/preferences', body: { language: 'ru' } },
];

// Every write the queue board offers: an admin gets none of them (it is read-only;
// dead letters are handled through the audited API above), whichever way signed in.
const BOARD = '/admin/queues/api/queues';
const BOARD_WRITES: Route[] = [
  { method: 'PUT', path: () => `${BOARD}/score-comment/empty` },
  { method: 'PUT', path: () => `${BOARD}/score-comment/obliterate`, body: {} },
  { method: 'PUT', path: () => `${BOARD}/score-comment/clean/failed` },
  { method: 'PUT', path: () => `${BOARD}/score-comment/retry/failed` },
  { method: 'PUT', path: () => `${BOARD}/score-comment/pause` },
  { method: 'PUT', path: () => `${BOARD}/pause` },
  { method: 'POST', path: () => `${BOARD}/score-comment/add`, body: { name: 'score', data: {} } },
  { method: 'PUT', path: () => `${BOARD}/score-comment/${deadLetterId}/clean` },
  { method: 'PUT', path: () => `${BOARD}/score-comment/${deadLetterId}/retry` },
  { method: 'PATCH', path: () => `${BOARD}/score-comment/${waitingJobId}/update-data`, body: { data: { v: 1, comment: { body: 'edited' } } } },
];

const TABLES = [
  'sites',
  'comments',
  'comment_events',
  'moderation_labels',
  'site_settings_versions',
  'article_settings',
  'privacy_events',
  'queue_events',
  'erased_authors',
  'user_sites',
  'users',
  'site_models',
  'site_model_events',
  'shadow_decisions',
  'qa_samples',
  'site_webhooks',
  'webhook_deliveries',
];

/** What a board write could change: every job's state and data, and whether the queue is paused. */
async function queueFingerprint(): Promise<string> {
  const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed']);
  const states = await Promise.all(jobs.map(async (job) => [job.id, await job.getState(), JSON.stringify(job.data)]));
  return JSON.stringify({ paused: await queue.isPaused(), jobs: states.sort() });
}

/** One fingerprint of every table a refused request could have touched. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const prints: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ print: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as print from ${sql.table(table)} t`.execute(testDb.db);
    prints[table] = rows[0]!.print;
  }
  return prints;
}

async function send(route: Route, extra: Record<string, string>): Promise<number> {
  const body = typeof route.body === 'function' ? (route.body as () => unknown)() : route.body;
  const response = await fetch(`${api.sut.url}${route.path()}`, {
    method: route.method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...extra },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
  commentId = (await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' })).id;
  await givenSiteModel(testDb.db, 'blog', 1);
  // A webhook and a logged delivery, so a refused DELETE or PUT would show as a change.
  await saveSiteWebhook(testDb.db, { siteId: 'blog', url: 'https://93.184.216.34/hook', format: 'json', events: ['comment.held'], enabled: true, newSalt: 'salt', rotateSecret: false, actor: 'setup' });
  await recordWebhookDelivery(testDb.db, { siteId: 'blog', eventId: randomUUID(), eventType: 'comment.held', commentId: null, attempt: 1, statusCode: 200, error: null, durationMs: 5 });
  theirCommentId = (await givenDecidedComment(testDb.db, { siteId: 'other', decision: 'hold' })).id;
  const qaComment = acceptedComment({ siteId: 'blog' });
  await recordDecisions(testDb.db, [{ comment: qaComment, score: scoreResult('approve'), qaSample: true }]);
  qaCommentId = qaComment.id;
  headers.moderator = bearer((await givenStaff(testDb.db, 'mod@matrix.example', 'moderator', ['blog'])).token);
  headers.owner = bearer((await givenStaff(testDb.db, 'owner@matrix.example', 'owner', ['blog'])).token);
  headers.wrongSite = bearer((await givenStaff(testDb.db, 'other@matrix.example', 'owner', ['other'])).token);
  const revoked = await givenStaff(testDb.db, 'revoked@matrix.example', 'admin');
  await revokeApiToken(testDb.db, { tokenHash: hashApiToken(revoked.token) });
  headers.revoked = bearer(revoked.token);
  const expired = await givenStaff(testDb.db, 'expired@matrix.example', 'admin');
  await sql`update api_tokens set expires_at = now() - interval '1 second' where user_id = ${expired.user.id}`.execute(testDb.db);
  headers.expired = bearer(expired.token);
  headers.adminToken = bearer((await givenStaff(testDb.db, 'admin@matrix.example', 'admin')).token);
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  redis = new Redis(env.redisUrl);
  queue = createScoreCommentQueue({ connection: redis, prefix: env.queuePrefix });
  // No worker runs: one dead letter and one comment waiting to be scored, the only copy of it.
  deadLetterId = await givenDeadLetter(queue, redis, env.queuePrefix, { v: PAYLOAD_VERSION, comment: acceptedComment({ siteId: 'blog' }) });
  const waiting = acceptedComment({ siteId: 'blog' });
  await enqueueScoreComment(queue, waiting);
  waitingJobId = waiting.id;
  api = await startApiUnderTest(env);
  // Sessions live in Redis, and the API does not wait for its connection at start.
  await eventually(async () => ((await fetch(`${api.sut.url}/readyz`)).status === 200 ? true : undefined), 10_000, 'the API to be ready');
  // An admin's session cookie, but requests without its CSRF token.
  const login = await postJson(`${api.sut.url}/api/v1/auth/login`, { email: 'admin@matrix.example', password: STAFF_PASSWORD });
  expect({ status: login.status, body: login.text }).toMatchObject({ status: 200 });
  headers.sessionNoCsrf = { cookie: login.headers.get('set-cookie')!.split(';')[0]! };
  headers.sessionWithCsrf = { ...headers.sessionNoCsrf, 'x-csrf-token': login.json.csrfToken };
});
afterAll(async () => {
  await api.sut.close();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

const cases = ROUTES.flatMap((route) => {
  const name = `${route.method} ${route.path.toString().replace(/^.*?[`'](.*)[`'].*$/s, '$1')}`;
  const rows: [string, string, number][] = [
    [name, 'none', 401],
    [name, 'revoked', 401],
    [name, 'expired', 401],
  ];
  if (route.wrongSite) rows.push([name, 'wrongSite', route.wrongSite]);
  if (route.wrongRole) rows.push([name, route.wrongRole.as, route.wrongRole.status]);
  if (route.method !== 'GET') rows.push([name, 'sessionNoCsrf', 403]);
  return rows.map(([n, who, status]) => ({ n, who, status, route }));
});

it.each(cases)('$n as $who → $status, nothing changed', async ({ who, status, route }) => {
  const before = await databaseFingerprint();
  expect(await send(route, who === 'none' ? {} : headers[who]!)).toBe(status);
  expect(await databaseFingerprint()).toEqual(before);
});

const boardCases = BOARD_WRITES.flatMap((route) => {
  const name = `${route.method} ${route.path.toString().replace(/^.*?[`'](.*)[`'].*$/s, '$1').replace('${BOARD}', BOARD)}`;
  const rows: [string, string, number][] = [
    [name, 'none', 401],
    [name, 'revoked', 401],
    [name, 'expired', 401],
    [name, 'owner', 403],
    [name, 'moderator', 403],
    [name, 'adminToken', 405],
    [name, 'sessionNoCsrf', 405],
    [name, 'sessionWithCsrf', 405],
  ];
  return rows.map(([n, who, status]) => ({ n, who, status, route }));
});

it.each(boardCases)('queue board $n as $who → $status, queue and database unchanged', async ({ who, status, route }) => {
  const before = { database: await databaseFingerprint(), queue: await queueFingerprint() };
  expect(await send(route, who === 'none' ? {} : headers[who]!)).toBe(status);
  expect({ database: await databaseFingerprint(), queue: await queueFingerprint() }).toEqual(before);
});

it('lets an admin read the queue board, by token or session', async () => {
  for (const who of ['adminToken', 'sessionNoCsrf']) {
    const response = await fetch(`${api.sut.url}${BOARD}?activeQueue=score-comment&status=failed&page=1`, { headers: headers[who] });
    expect({ who, status: response.status }).toEqual({ who, status: 200 });
    const body = (await response.json()) as { queues: Array<{ name: string; readOnlyMode: boolean; jobs: Array<{ id: string }> }> };
    expect(body.queues[0]).toMatchObject({ name: 'score-comment', readOnlyMode: true, jobs: [expect.objectContaining({ id: deadLetterId })] });
  }
});

it("answers a bulk action that includes another site's comment exactly as one with a made-up id, naming no site", async () => {
  const before = await databaseFingerprint();
  const madeUp = randomUUID();
  const bulk = (ids: string[]) => postJson(`${api.sut.url}/api/v1/comments/moderation`, { ids, action: 'approve' }, headers.wrongSite);
  const withAnotherSites = await bulk([theirCommentId, commentId]);
  const withMadeUp = await bulk([theirCommentId, madeUp]);
  expect(withAnotherSites.status).toBe(404);
  expect(withAnotherSites.json).toEqual(JSON.parse(withMadeUp.text.replaceAll(madeUp, commentId)));
  expect(withAnotherSites.text).not.toMatch(/blog/);
  expect(await databaseFingerprint()).toEqual(before);
});
