import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { givenDecidedComment } from '../../../test/support/comment-factory';
import { listCommentHistory, revealSealedEmail } from './comment-history.repository';
import { CommentsNotFoundError, moderateComments, StaleStatusError } from './moderation.repository';
import { countByStatus, listReviewQueue } from './review.repository';
import { createUser } from './users.repository';

let testDb: TestDatabase;
let moderatorId: string;
const anySite = () => true;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
  moderatorId = (await createUser(testDb.db, { email: 'Mod@Example.org', passwordHash: 'x', role: 'moderator', siteIds: ['blog'] })).id;
});
afterAll(() => testDb.close());

const labelOf = (id: string) => testDb.db.selectFrom('moderation_labels').selectAll().where('comment_id', '=', id).executeTakeFirst();

describe('moderateComments', () => {
  it('changes the status, writes an audit row and a training label', async () => {
    const comment = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' });
    const result = await moderateComments(testDb.db, { ids: [comment.id], action: 'spam', reason: 'link farm', expectedStatus: 'held', actor: moderatorId, mayModerate: anySite });

    expect(result).toEqual([{ id: comment.id, siteId: 'blog', status: 'rejected', previousStatus: 'held' }]);
    expect(await labelOf(comment.id)).toMatchObject({ spam: true, toxic: null, labelled_by: moderatorId });
    const history = await listCommentHistory(testDb.db, comment.id);
    expect(history.map((e) => [e.action, e.from, e.to])).toEqual([
      ['intake', null, 'pending'],
      ['decide', 'pending', 'held'],
      ['spam', 'held', 'rejected'],
    ]);
    expect(history[2]).toMatchObject({ actor: 'mod@example.org', reason: 'link farm' });
  });

  it('lets a later decision replace the label', async () => {
    const comment = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' });
    await moderateComments(testDb.db, { ids: [comment.id], action: 'reject', reason: null, actor: moderatorId, mayModerate: anySite });
    await moderateComments(testDb.db, { ids: [comment.id], action: 'approve', reason: 'restored', actor: moderatorId, mayModerate: anySite });
    expect(await labelOf(comment.id)).toMatchObject({ spam: false, toxic: false });
  });

  it('of two moderators acting on what they saw, lets one win and tells the other', async () => {
    const comment = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' });
    const attempts = await Promise.allSettled([
      moderateComments(testDb.db, { ids: [comment.id], action: 'approve', reason: null, expectedStatus: 'held', actor: moderatorId, mayModerate: anySite }),
      moderateComments(testDb.db, { ids: [comment.id], action: 'reject', reason: null, expectedStatus: 'held', actor: moderatorId, mayModerate: anySite }),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const loser = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(StaleStatusError);
  });

  it('changes nothing when one id of a bulk request is stale, unknown or of a forbidden site', async () => {
    const held = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' });
    const approved = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'approve' });
    const elsewhere = await givenDecidedComment(testDb.db, { siteId: 'other', decision: 'hold' });
    const base = { action: 'reject' as const, reason: null, actor: moderatorId };

    await expect(moderateComments(testDb.db, { ...base, ids: [held.id, approved.id], expectedStatus: 'held', mayModerate: anySite })).rejects.toBeInstanceOf(StaleStatusError);
    await expect(moderateComments(testDb.db, { ...base, ids: [held.id, randomUUID()], mayModerate: anySite })).rejects.toBeInstanceOf(CommentsNotFoundError);
    // Another site's comment is reported as not found, like an unknown id.
    await expect(moderateComments(testDb.db, { ...base, ids: [held.id, elsewhere.id], mayModerate: (s) => s === 'blog' })).rejects.toMatchObject({
      name: 'CommentsNotFoundError',
      ids: [elsewhere.id],
    });

    const statuses = await testDb.db.selectFrom('comments').select(['id', 'status']).where('id', 'in', [held.id, approved.id, elsewhere.id]).execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [held.id]: 'held', [approved.id]: 'approved', [elsewhere.id]: 'held' });
  });

  it('moderates 500 comments in one go', async () => {
    const comments = await Promise.all(Array.from({ length: 500 }, () => givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold', articleId: 'bulk' })));
    const result = await moderateComments(testDb.db, { ids: comments.map((c) => c.id), action: 'approve', reason: null, expectedStatus: 'held', actor: moderatorId, mayModerate: anySite });
    expect(result).toHaveLength(500);
  });
});

describe('listReviewQueue', () => {
  it('lists likely-bad first, then oldest first on request, page by page, with author history', async () => {
    await givenSite(testDb.db, 'queue');
    const t0 = Date.parse('2026-02-01T00:00:00Z');
    const emailHash = 'f'.repeat(64);
    await givenDecidedComment(testDb.db, { siteId: 'queue', decision: 'approve', spam: 0.01, emailHash, acceptedAt: new Date(t0 - 10_000) });
    const scores = [0.4, 0.9, 0.6, 0.9, 0.5];
    const held = [];
    for (const [i, spam] of scores.entries()) {
      held.push(await givenDecidedComment(testDb.db, { siteId: 'queue', decision: 'hold', spam, emailHash, acceptedAt: new Date(t0 + i * 1000) }));
    }

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listReviewQueue(testDb.db, { siteId: 'queue', status: 'held', order: 'likely-bad', cursor, limit: 2 });
      pages.push(page.comments.map((c) => c.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    const tiedIds = [held[1]!.id, held[3]!.id].sort();
    expect(pages.flat()).toEqual([...tiedIds, held[2]!.id, held[4]!.id, held[0]!.id]);

    const oldest = await listReviewQueue(testDb.db, { siteId: 'queue', status: 'held', order: 'oldest', limit: 10 });
    expect(oldest.comments.map((c) => c.id)).toEqual(held.map((c) => c.id));
    expect(oldest.comments[0]).toMatchObject({ author: { approved: 1, rejected: 0 }, spam: 0.4, status: 'held', articleId: 'post-1' });
    expect(oldest.comments[0]).not.toHaveProperty('email');
    expect(await countByStatus(testDb.db, 'queue')).toEqual({ held: 5, approved: 1, rejected: 0 });
  });
});

describe('revealSealedEmail', () => {
  it('returns the sealed email and audits the reveal', async () => {
    const comment = await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' });
    expect(await revealSealedEmail(testDb.db, comment.id, moderatorId)).toBe('v1.a.b.c');
    const history = await listCommentHistory(testDb.db, comment.id);
    expect(history.at(-1)).toMatchObject({ action: 'reveal-email', from: 'held', to: 'held', actor: 'mod@example.org' });
  });
});
