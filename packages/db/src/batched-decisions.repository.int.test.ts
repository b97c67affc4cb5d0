import { randomUUID } from 'node:crypto';
import type { AcceptedComment } from '@moderato/core';
import { bodyFingerprint } from '@moderato/core';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { acceptedComment, scoreResult } from '../../../test/support/comment-factory';
import { findRecentBodies } from './author-activity.repository';
import { findAuthorContexts } from './author-context.repository';
import { findAuthorHistory, recordDecisions } from './comments.repository';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
});
afterAll(() => testDb.close());

const hash = (c: string) => c.repeat(64);
// Each body its own text, so each has its own fingerprint.
const accepted = (overrides: Partial<AcceptedComment> = {}) => acceptedComment({ body: `Nice post ${randomUUID()}`, ...overrides });
const scored = scoreResult;
const eventsOf = (ids: string[]) => testDb.db.selectFrom('comment_events').select('comment_id').where('comment_id', 'in', ids).execute();

describe('recordDecisions', () => {
  it('stores many comments and one audit row each in one call, and says which it wrote', async () => {
    const [first, second] = [accepted(), accepted({ emailHash: hash('b') })];
    await expect(recordDecisions(testDb.db, [{ comment: first!, score: scored('approve') }, { comment: second!, score: scored('reject') }])).resolves.toEqual([true, true]);
    const rows = await testDb.db.selectFrom('comments').select(['id', 'status']).where('id', 'in', [first!.id, second!.id]).orderBy('status').execute();
    expect(rows.map((r) => r.status)).toEqual(['approved', 'rejected']);
    expect(await eventsOf([first!.id, second!.id])).toHaveLength(2);
  });

  it('is idempotent: a comment already stored, or listed twice, is written once with one audit row', async () => {
    const old = accepted();
    await recordDecisions(testDb.db, [{ comment: old, score: scored('approve') }]);
    const fresh = accepted();
    const written = await recordDecisions(testDb.db, [
      { comment: old, score: scored('reject') },
      { comment: fresh, score: scored('hold') },
      { comment: fresh, score: scored('reject') },
    ]);
    expect(written).toEqual([false, true, false]);
    expect(await eventsOf([old.id])).toHaveLength(1);
    expect(await eventsOf([fresh.id])).toHaveLength(1);
    const status = await testDb.db.selectFrom('comments').select('status').where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(status.status).toBe('approved');
  });
});

describe('findAuthorContexts', () => {
  it('answers, in order, what findAuthorHistory and findRecentBodies answer one by one', async () => {
    const author = hash('c');
    const comments = [accepted({ emailHash: author }), accepted({ emailHash: author }), accepted({ emailHash: author, siteId: 'other' })];
    await recordDecisions(testDb.db, comments.map((comment, i) => ({ comment, score: scored(i === 0 ? 'approve' : 'reject', { fingerprint: bodyFingerprint(comment.body) }) })));
    const queries = [
      { siteId: 'blog', emailHash: author, excludeId: comments[0]!.id },
      { siteId: 'other', emailHash: author, excludeId: randomUUID() },
      { siteId: 'blog', emailHash: hash('d'), excludeId: randomUUID() },
    ];
    const contexts = await findAuthorContexts(testDb.db, queries);
    const oneByOne = await Promise.all(
      queries.map(async (q) => ({
        authorHistory: await findAuthorHistory(testDb.db, q.siteId, q.emailHash),
        recentBodies: [],
        recentFingerprints: (await findRecentBodies(testDb.db, q.siteId, q.emailHash, { excludeId: q.excludeId })).map(bodyFingerprint),
      })),
    );
    expect(contexts).toEqual(oneByOne);
    expect(contexts[0]).toEqual({ authorHistory: { approved: 1, rejected: 1 }, recentBodies: [], recentFingerprints: [bodyFingerprint(comments[1]!.body)] });
  });

  it('gives the text of comments stored before fingerprints existed', async () => {
    const author = hash('e');
    const [older, newer] = [accepted({ emailHash: author }), accepted({ emailHash: author })];
    await recordDecisions(testDb.db, [older!, newer!].map((comment) => ({ comment, score: scored('approve', { fingerprint: bodyFingerprint(comment.body) }) })));
    await testDb.db.updateTable('comments').set({ body_fingerprint: null }).where('id', '=', older!.id).execute();
    const [context] = await findAuthorContexts(testDb.db, [{ siteId: 'blog', emailHash: author, excludeId: randomUUID() }]);
    expect(context).toMatchObject({ recentBodies: [older!.body], recentFingerprints: [bodyFingerprint(newer!.body)] });
  });
});
