import { sql } from 'kysely';
import type { ScoreResult } from '@moderato/core';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { acceptedComment, recordDecision, scoreResult } from '../../../test/support/comment-factory';
import { findAuthorHistory, findCommentStatus, listApprovedThread } from './comments.repository';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
});
afterAll(() => testDb.close());

const accepted = acceptedComment;
const scored = (decision: ScoreResult['decision'] = 'approve') => scoreResult(decision, { reasons: [{ code: 'links', message: '3 links' }] });

describe('recordDecision', () => {
  it('stores the comment, its scores and one audit row', async () => {
    const comment = accepted();
    await expect(recordDecision(testDb.db, comment, scored('hold'))).resolves.toBe(true);

    const row = await testDb.db.selectFrom('comments').selectAll().where('id', '=', comment.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'held', spam_score: 0.1, toxicity_score: 0.2, model_version: 'test-model' });
    expect(row.reasons).toEqual([{ code: 'links', message: '3 links' }]);
    const events = await testDb.db.selectFrom('comment_events').selectAll().where('comment_id', '=', comment.id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ from_status: 'pending', to_status: 'held', actor: 'system:scorer' });
  });

  it('is idempotent: the same comment recorded twice leaves one row and one audit row', async () => {
    const comment = accepted();
    await recordDecision(testDb.db, comment, scored('approve'));
    await expect(recordDecision(testDb.db, comment, scored('reject'))).resolves.toBe(false);

    expect(await findCommentStatus(testDb.db, comment.id)).toBe('approved');
    const { count } = await testDb.db
      .selectFrom('comment_events')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('comment_id', '=', comment.id)
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
  });

  it('refuses a comment for a site that does not exist', async () => {
    await expect(recordDecision(testDb.db, accepted({ siteId: 'gone' }), scored())).rejects.toThrow(/foreign key/);
  });
});

describe('the audit trail', () => {
  it('is append-only: the database refuses updates and deletes', async () => {
    const comment = accepted();
    await recordDecision(testDb.db, comment, scored());
    await expect(sql`update comment_events set actor = 'x' where comment_id = ${comment.id}`.execute(testDb.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from comment_events where comment_id = ${comment.id}`.execute(testDb.db)).rejects.toThrow(/append-only/);
  });
});

describe('listApprovedThread', () => {
  it('lists approved comments only, oldest first, page by page', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const approvedIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const comment = accepted({ articleId: 'thread', acceptedAt: new Date(start + i * 1000).toISOString() });
      await recordDecision(testDb.db, comment, scored(i === 2 ? 'reject' : 'approve'));
      if (i !== 2) approvedIds.push(comment.id);
    }

    const first = await listApprovedThread(testDb.db, { siteId: 'blog', articleId: 'thread', limit: 3 });
    expect(first.comments.map((c) => c.id)).toEqual(approvedIds.slice(0, 3));
    expect(first.next).toEqual(expect.any(String));
    const second = await listApprovedThread(testDb.db, { siteId: 'blog', articleId: 'thread', limit: 3, cursor: first.next! });
    expect(second.comments.map((c) => c.id)).toEqual(approvedIds.slice(3));
    expect(second.next).toBeNull();
    expect(Object.keys(first.comments[0]!).sort()).toEqual(['body', 'createdAt', 'id', 'name', 'parentId']);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(listApprovedThread(testDb.db, { siteId: 'blog', articleId: 'thread', limit: 3, cursor: 'bogus' })).rejects.toThrow(/cursor/);
  });
});

describe('findAuthorHistory', () => {
  it('counts earlier approved and rejected comments by email hash on the site', async () => {
    const emailHash = 'b'.repeat(64);
    await recordDecision(testDb.db, accepted({ emailHash }), scored('approve'));
    await recordDecision(testDb.db, accepted({ emailHash }), scored('approve'));
    await recordDecision(testDb.db, accepted({ emailHash }), scored('reject'));
    await recordDecision(testDb.db, accepted({ emailHash }), scored('hold'));
    expect(await findAuthorHistory(testDb.db, 'blog', emailHash)).toEqual({ approved: 2, rejected: 1 });
    expect(await findAuthorHistory(testDb.db, 'blog', 'c'.repeat(64))).toEqual({ approved: 0, rejected: 0 });
  });
});
