import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { acceptedComment, scoreResult } from '../../../test/support/comment-factory';
import type { Decision } from '@moderato/core';
import { listCommentHistory } from './comment-history.repository';
import { recordDecisions } from './comments.repository';
import { moderateComments, StaleStatusError } from './moderation.repository';
import { countQaWeeks, listQaSamples, QaAlreadyReviewedError, QaSampleNotFoundError, recordQaVerdict as sut } from './qa-samples.repository';
import { createUser } from './users.repository';

let testDb: TestDatabase;
let moderatorId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
  moderatorId = (await createUser(testDb.db, { email: 'qa.mod@example.org', passwordHash: 'x', role: 'moderator', siteIds: ['blog'] })).id;
});
afterAll(() => testDb.close());

/** A comment decided by the worker's batch write, drawn for QA or not. */
async function decided(decision: Decision, { qaSample = true, siteId = 'blog', body = 'A fine comment' } = {}): Promise<string> {
  const comment = acceptedComment({ siteId, body });
  await recordDecisions(testDb.db, [{ comment, score: scoreResult(decision), qaSample }]);
  return comment.id;
}
const sampleIds = async (siteId = 'blog') => (await testDb.db.selectFrom('qa_samples').select('comment_id').where('site_id', '=', siteId).execute()).map((r) => r.comment_id);
const labelOf = (id: string) => testDb.db.selectFrom('moderation_labels').select(['spam', 'toxic', 'labelled_by']).where('comment_id', '=', id).executeTakeFirst();
const statusOf = async (id: string) => (await testDb.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('recordDecisions with QA samples', () => {
  it('samples only the approved comments drawn, in the same write', async () => {
    const drawn = await decided('approve');
    const notDrawn = await decided('approve', { qaSample: false });
    const held = await decided('hold');
    const ids = await sampleIds();
    expect(ids).toContain(drawn);
    expect(ids).not.toContain(notDrawn);
    expect(ids).not.toContain(held);
    const row = await testDb.db.selectFrom('qa_samples as s').innerJoin('comments as c', 'c.id', 's.comment_id').select(['s.sampled_at', 'c.decided_at', 's.verdict']).where('s.comment_id', '=', drawn).executeTakeFirstOrThrow();
    expect(row).toEqual({ sampled_at: row.decided_at, decided_at: expect.any(Date), verdict: null });
  });

  it('adds no sample when a retried job finds its comment already written', async () => {
    const comment = acceptedComment();
    expect(await recordDecisions(testDb.db, [{ comment, score: scoreResult('approve'), qaSample: false }])).toEqual([true]);
    expect(await recordDecisions(testDb.db, [{ comment, score: scoreResult('approve'), qaSample: true }])).toEqual([false]);
    expect(await sampleIds()).not.toContain(comment.id);
  });
});

describe('listQaSamples', () => {
  it('lists a site’s samples newest first with the comment, by status, a page at a time', async () => {
    await givenSite(testDb.db, 'listed');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await decided('approve', { siteId: 'listed', body: `comment ${i}` }));
    await decided('approve', { siteId: 'other' });
    await sut(testDb.db, { siteId: 'listed', commentId: ids[1]!, verdict: 'ok', actor: moderatorId });

    const first = await listQaSamples(testDb.db, { siteId: 'listed', status: 'all', limit: 3 });
    const second = await listQaSamples(testDb.db, { siteId: 'listed', status: 'all', limit: 3, cursor: first.next! });
    expect([...first.samples, ...second.samples].map((s) => s.commentId)).toEqual([...ids].reverse());
    expect(second.next).toBeNull();
    expect(first.samples[0]).toEqual({
      commentId: ids[4],
      articleId: 'post-1',
      parentId: null,
      authorName: 'Ann',
      body: 'comment 4',
      status: 'approved',
      spamScore: expect.closeTo(0.1, 5),
      toxicityScore: expect.closeTo(0.2, 5),
      decidedAt: expect.any(String),
      sampledAt: expect.any(String),
      verdict: null,
      reviewedBy: null,
      reviewedAt: null,
    });
    const reviewed = await listQaSamples(testDb.db, { siteId: 'listed', status: 'reviewed', limit: 10 });
    expect(reviewed.samples).toEqual([expect.objectContaining({ commentId: ids[1], verdict: 'ok', reviewedBy: 'qa.mod@example.org' })]);
    expect((await listQaSamples(testDb.db, { siteId: 'listed', status: 'pending', limit: 10 })).samples).toHaveLength(4);
  });

  it('pages through samples of the same microsecond without skipping one', async () => {
    await givenSite(testDb.db, 'same-time');
    const ids = [await decided('approve', { siteId: 'same-time' }), await decided('approve', { siteId: 'same-time' }), await decided('approve', { siteId: 'same-time' })];
    // Microseconds apart within one millisecond, as rows sampled by Postgres's own now() can be.
    await sql`update qa_samples set sampled_at = '2026-11-30T12:00:00.123Z'::timestamptz + (random() * 900)::int * interval '1 microsecond' where site_id = 'same-time'`.execute(testDb.db);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listQaSamples(testDb.db, { siteId: 'same-time', status: 'all', limit: 1, cursor });
      seen.push(...page.samples.map((s) => s.commentId));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
  });
});

describe('recordQaVerdict', () => {
  it('ok: records the verdict, a clean label and a qa audit row, and leaves the comment published', async () => {
    const id = await decided('approve');
    const { sample, moderated } = await sut(testDb.db, { siteId: 'blog', commentId: id, verdict: 'ok', actor: moderatorId });
    expect(moderated).toEqual([]);
    expect(sample).toMatchObject({ commentId: id, verdict: 'ok', status: 'approved', reviewedBy: 'qa.mod@example.org', reviewedAt: expect.any(String) });
    expect(await labelOf(id)).toEqual({ spam: false, toxic: false, labelled_by: moderatorId });
    const history = await listCommentHistory(testDb.db, id);
    expect(history.map((e) => [e.action, e.from, e.to])).toEqual([
      ['intake', null, 'pending'],
      ['decide', 'pending', 'approved'],
      ['qa', 'approved', 'approved'],
    ]);
    expect(history[2]!.details).toEqual({ verdict: 'ok' });
  });

  it.each([
    ['spam', 'spam', { spam: true, toxic: null }],
    ['toxic', 'reject', { spam: null, toxic: true }],
  ] as const)('%s: unpublishes the comment through the moderators’ action (%s), labelled and audited', async (verdict, action, label) => {
    const id = await decided('approve');
    const { sample, moderated } = await sut(testDb.db, { siteId: 'blog', commentId: id, verdict, actor: moderatorId });
    expect(sample).toMatchObject({ verdict, status: 'rejected' });
    expect(moderated).toEqual([{ id, siteId: 'blog', status: 'rejected', previousStatus: 'approved' }]);
    expect(await labelOf(id)).toMatchObject(label);
    const history = await listCommentHistory(testDb.db, id);
    expect(history.slice(2).map((e) => [e.action, e.from, e.to, e.reason])).toEqual([
      ['qa', 'approved', 'approved', null],
      [action, 'approved', 'rejected', `QA check: ${verdict}`],
    ]);
  });

  it('takes the same verdict twice as once, and refuses a different one', async () => {
    const id = await decided('approve');
    await sut(testDb.db, { siteId: 'blog', commentId: id, verdict: 'spam', actor: moderatorId });
    const again = await sut(testDb.db, { siteId: 'blog', commentId: id, verdict: 'spam', actor: moderatorId });
    expect(again.sample).toMatchObject({ verdict: 'spam', status: 'rejected' });
    expect(again.moderated).toEqual([]);
    expect((await listCommentHistory(testDb.db, id)).map((e) => e.action)).toEqual(['intake', 'decide', 'qa', 'spam']);
    await expect(sut(testDb.db, { siteId: 'blog', commentId: id, verdict: 'ok', actor: moderatorId })).rejects.toEqual(new QaAlreadyReviewedError(id, 'spam'));
  });

  it('refuses a comment that is not a sample of the site, or not approved any more, changing nothing', async () => {
    const notSampled = await decided('approve', { qaSample: false });
    const otherSite = await decided('approve', { siteId: 'other' });
    for (const commentId of [notSampled, otherSite, randomUUID()]) {
      await expect(sut(testDb.db, { siteId: 'blog', commentId, verdict: 'ok', actor: moderatorId })).rejects.toBeInstanceOf(QaSampleNotFoundError);
    }
    const rejectedSince = await decided('approve');
    await moderateComments(testDb.db, { ids: [rejectedSince], action: 'reject', reason: null, actor: moderatorId, mayModerate: () => true });
    await expect(sut(testDb.db, { siteId: 'blog', commentId: rejectedSince, verdict: 'ok', actor: moderatorId })).rejects.toBeInstanceOf(StaleStatusError);
    const row = await testDb.db.selectFrom('qa_samples').select('verdict').where('comment_id', '=', rejectedSince).executeTakeFirstOrThrow();
    expect(row.verdict).toBeNull();
    expect(await labelOf(rejectedSince)).toMatchObject({ toxic: true });
    expect(await statusOf(rejectedSince)).toBe('rejected');
  });
});

describe('countQaWeeks', () => {
  it('counts sampled, checked and bad samples per ISO week (UTC), every week listed', async () => {
    await givenSite(testDb.db, 'weekly');
    const at = async (iso: string, verdict: 'ok' | 'spam' | 'toxic' | null) => {
      const id = await decided('approve', { siteId: 'weekly' });
      if (verdict) await sut(testDb.db, { siteId: 'weekly', commentId: id, verdict, actor: moderatorId });
      await sql`update qa_samples set sampled_at = ${new Date(iso)} where comment_id = ${id}`.execute(testDb.db);
    };
    // Monday 23 Nov 2026 starts ISO week 48; Sunday 22 Nov 23:59 UTC is still week 47.
    await at('2026-11-22T23:59:59Z', 'ok');
    await at('2026-11-23T00:00:00Z', 'ok');
    await at('2026-11-25T10:00:00Z', 'spam');
    await at('2026-11-29T23:59:59Z', null);
    await at('2026-11-30T08:00:00Z', 'toxic');
    const weeks = await countQaWeeks(testDb.db, { siteId: 'weekly', weeks: 4, now: new Date('2026-12-01T12:00:00Z') });
    expect(weeks).toEqual([
      { week: '2026-W46', start: '2026-11-09', sampled: 0, reviewed: 0, bad: 0 },
      { week: '2026-W47', start: '2026-11-16', sampled: 1, reviewed: 1, bad: 0 },
      { week: '2026-W48', start: '2026-11-23', sampled: 3, reviewed: 2, bad: 1 },
      { week: '2026-W49', start: '2026-11-30', sampled: 1, reviewed: 1, bad: 1 },
    ]);
  });

  it('labels the weeks around a new year as ISO does', async () => {
    const weeks = await countQaWeeks(testDb.db, { siteId: 'weekly', weeks: 2, now: new Date('2027-01-03T12:00:00Z') });
    expect(weeks.map((w) => [w.week, w.start])).toEqual([
      ['2026-W52', '2026-12-21'],
      ['2026-W53', '2026-12-28'],
    ]);
  });
});
