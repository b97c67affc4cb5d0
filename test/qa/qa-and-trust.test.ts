import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { eventually } from '../support/eventually';
import { givenSite } from '../support/fixtures';
import { bearer, givenStaff } from '../support/staff';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { startWorkerUnderTest } from '../support/worker-under-test';
import type { RunningWorker } from '../../apps/worker/src/worker';

// QA samples and trusted commenters through the real intake, worker and
// staff API, on the real Postgres and Redis.
let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: { sut: RunningWorker };
let moderator: Record<string, string>;

// Loose bands on the QA site: the test is about what happens to approvals, so nearly every comment should be one.
const LOOSE = { approveBelow: 0.9, rejectAbove: 0.95 };
// On the trust sites every comment lands in the spam hold band (any score ≥ 0), so only trust can pass it.
const HOLD_EVERYTHING = { approveBelow: 0, rejectAbove: 0.99 };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'qa-half', { qaSampleRate: 0.5, spam: LOOSE, toxicity: LOOSE });
  await givenSite(testDb.db, 'trusting', { spam: HOLD_EVERYTHING, holdWords: ['refund'], qaSampleRate: 0 });
  await givenSite(testDb.db, 'untrusting', { spam: HOLD_EVERYTHING, trustAfterApproved: 0, qaSampleRate: 0 });
  moderator = bearer((await givenStaff(testDb.db, 'qa.moderator@example.org', 'moderator', ['qa-half', 'trusting', 'untrusting'])).token);
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env);
  worker = await startWorkerUnderTest(env);
});
afterAll(async () => {
  await worker.sut.close();
  await api.sut.close();
  await testDb.close();
});

const TOPICS = ['the bike lanes', 'the library hours', 'the new bridge', 'school lunches', 'the harbour', 'bus timetables', 'the park', 'recycling'];

async function post(siteId: string, articleId: string, email: string, body: string): Promise<string> {
  const response = await postJson(`${api.sut.url}/api/v1/sites/${siteId}/articles/${articleId}/comments`, { name: 'Reader', email, body });
  expect(response.status).toBe(202);
  return response.json.id as string;
}
const get = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${api.sut.url}${path}`, { headers })).json() as Promise<any>;

async function decided(id: string): Promise<{ status: string; reasons: Array<{ code: string; message: string }> }> {
  return eventually(() => testDb.db.selectFrom('comments').select(['status', 'reasons']).where('id', '=', id).executeTakeFirst(), 10_000, `a decision for ${id}`);
}

/** Every page of a paginated list, following `next`. */
async function allPages<T>(first: string, pick: (page: any) => T[], headers: Record<string, string> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = first.includes('?') ? '&' : '?';
    const page = await get(cursor ? `${first}${separator}cursor=${encodeURIComponent(cursor)}` : first, headers);
    items.push(...pick(page));
    cursor = page.next;
  } while (cursor);
  return items;
}

it('with qaSampleRate 0.5 puts about half of the auto-approved comments on the QA list, all still in the public thread', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    ids.push(await post('qa-half', `article-${i % 4}`, `reader${i}@example.org`, `Comment ${i}: a thoughtful note about ${TOPICS[i % TOPICS.length]}, thanks for writing this up.`));
  }
  const statuses = await Promise.all(ids.map(async (id) => [id, (await decided(id)).status] as const));
  const approved = new Set(statuses.filter(([, status]) => status === 'approved').map(([id]) => id));
  expect(approved.size).toBeGreaterThanOrEqual(190);

  const sampled = await allPages<string>('/api/v1/sites/qa-half/qa?status=all&limit=50', (page) => page.samples.map((s: { commentId: string }) => s.commentId), moderator);
  const n = approved.size;
  // Binomial(n, 0.5): 4.5 standard deviations either side; a correct sampler fails this about once in 150,000 runs.
  const slack = 4.5 * Math.sqrt(n * 0.25);
  expect(sampled.length).toBeGreaterThanOrEqual(n / 2 - slack);
  expect(sampled.length).toBeLessThanOrEqual(n / 2 + slack);
  expect(sampled.every((id) => approved.has(id))).toBe(true);

  const published = new Set<string>();
  for (let article = 0; article < 4; article += 1) {
    const thread = await allPages<string>(`/api/v1/sites/qa-half/articles/article-${article}/comments?limit=30`, (page) => page.comments.map((c: { id: string }) => c.id));
    thread.forEach((id) => published.add(id));
  }
  expect(sampled.filter((id) => !published.has(id))).toEqual([]);
  expect(published.size).toBe(approved.size);

  const qa = await get('/api/v1/sites/qa-half/qa?limit=1', moderator);
  expect(qa.sampleRate).toBe(0.5);
  expect(qa.estimate.overall).toMatchObject({ sampled: sampled.length, reviewed: 0, bad: 0, share: null });
  console.log(`QA sampling at 0.5: ${sampled.length} of ${n} auto-approved comments sampled (${((100 * sampled.length) / n).toFixed(1)} %)`);
});

describe('trusted commenters', () => {
  const bodies = [
    'I walked past the new bridge this morning and it looks great.',
    'The library should open earlier on Saturdays, in my view.',
    'Good summary of the council meeting, thank you.',
    'Does anyone know when the bus timetable changes take effect?',
    'The harbour festival was lovely this year.',
    'I would like to ask about a refund for the festival tickets.',
  ];

  /** Three comments held by the band, then approved by a moderator: the author's record. */
  async function givenApprovedRecord(siteId: string, email: string): Promise<void> {
    for (const body of bodies.slice(0, 3)) {
      const id = await post(siteId, 'record', email, body);
      expect((await decided(id)).status).toBe('held');
      const response = await postJson(`${api.sut.url}/api/v1/comments/${id}/moderation`, { action: 'approve', expectedStatus: 'held' }, moderator);
      expect(response.status).toBe(200);
    }
  }

  it('passes the hold band for an author with trustAfterApproved approved comments and none rejected, saying so', async () => {
    expect(DEFAULT_SITE_SETTINGS.trustAfterApproved).toBe(3);
    await givenApprovedRecord('trusting', 'regular@example.org');
    const id = await post('trusting', 'next', 'regular@example.org', bodies[3]!);
    const decision = await decided(id);
    expect(decision.status).toBe('approved');
    expect(decision.reasons).toContainEqual(expect.objectContaining({ code: 'trusted-commenter', message: 'trusted commenter: 3 approved, none rejected; the hold band does not apply' }));
    expect(decision.reasons).toContainEqual(expect.objectContaining({ code: 'threshold' }));
  });

  it("still holds a trusted author's comment with a hold word", async () => {
    await givenApprovedRecord('trusting', 'worded@example.org');
    const decision = await decided(await post('trusting', 'next', 'worded@example.org', bodies[5]!));
    expect(decision.status).toBe('held');
    expect(decision.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['hold-word', 'trusted-commenter']));
  });

  it('does not trust an author with a rejected comment, however many were approved', async () => {
    await givenApprovedRecord('trusting', 'mixed@example.org');
    const rejected = await post('trusting', 'record', 'mixed@example.org', bodies[4]!);
    await decided(rejected);
    expect((await postJson(`${api.sut.url}/api/v1/comments/${rejected}/moderation`, { action: 'spam' }, moderator)).status).toBe(200);
    const decision = await decided(await post('trusting', 'next', 'mixed@example.org', bodies[3]!));
    expect(decision.status).toBe('held');
    expect(decision.reasons.map((r) => r.code)).not.toContain('trusted-commenter');
  });

  it('trusts nobody on a site that set trustAfterApproved to 0', async () => {
    await givenApprovedRecord('untrusting', 'regular@example.org');
    const decision = await decided(await post('untrusting', 'next', 'regular@example.org', bodies[3]!));
    expect(decision.status).toBe('held');
  });
});
