import { sql } from 'kysely';
import { importedCommentId, type ImportVerdict } from '@moderato/core';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { acceptedComment } from '../../../test/support/comment-factory';
import { recordImportedComments, type ImportWrite } from './import.repository';
import { moderateComments } from './moderation.repository';
import { eraseCommentsByEmailHash } from './privacy.repository';
import { purgeExpired } from './retention.repository';
import { listTrainingLabels } from './site-model-training.repository';
import { listRecentForPreview } from './preview.repository';

let testDb: TestDatabase;
const ACTOR = 'cli:test';
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
});
afterAll(() => testDb.close());

/** A comment imported from WordPress, written `daysAgo` days ago. */
function imported(sourceId: string, verdict: ImportVerdict, { daysAgo = 1000, emailHash = 'e'.repeat(64) } = {}): ImportWrite {
  const comment = acceptedComment({ id: importedCommentId('blog', 'wordpress', sourceId), emailHash, acceptedAt: new Date(Date.now() - daysAgo * DAY).toISOString() });
  return { imported: { comment, source: 'wordpress', sourceId, verdict } };
}

/** How many comments, audit rows and labels these source comments have. */
async function listMatching(db: TestDatabase['db'], sourceIds: string[]) {
  const ids = sourceIds.map((id) => importedCommentId('blog', 'wordpress', id));
  const count = async (table: 'comments' | 'comment_events' | 'moderation_labels', column: 'id' | 'comment_id') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where(column, 'in', ids).executeTakeFirstOrThrow()).n);
  return { comments: await count('comments', 'id'), events: await count('comment_events', 'comment_id'), labels: await count('moderation_labels', 'comment_id') };
}

const statusOf = async (sourceId: string) =>
  (await testDb.db.selectFrom('comments').select('status').where('id', '=', importedCommentId('blog', 'wordpress', sourceId)).executeTakeFirst())?.status;

it('stores each comment once, whether listed twice in one batch or imported again later', async () => {
  const batch = [imported('1', 'approved'), imported('2', 'pending'), imported('1', 'approved')];
  expect(await recordImportedComments(testDb.db, batch, ACTOR)).toEqual(['imported', 'imported', 'already-imported']);
  expect(await recordImportedComments(testDb.db, [imported('2', 'pending'), imported('3', 'spam')], ACTOR)).toEqual(['already-imported', 'imported']);
  expect(await listMatching(testDb.db, ['1', '2', '3'])).toEqual({ comments: 3, events: 3, labels: 2 });
});

it('refuses a comment whose author was erased after writing it, and never imports it later either', async () => {
  const emailHash = 'd'.repeat(64);
  await eraseCommentsByEmailHash(testDb.db, { emailHash, mode: 'delete', actor: ACTOR });
  expect(await recordImportedComments(testDb.db, [imported('10', 'approved', { emailHash }), imported('11', 'approved')], ACTOR)).toEqual(['erased-author', 'imported']);
  expect(await statusOf('10')).toBeUndefined();
  expect(await recordImportedComments(testDb.db, [imported('10', 'approved', { emailHash })], ACTOR)).toEqual(['already-imported']);
});

it('feeds site training with the imported verdicts, until a moderator decides otherwise', async () => {
  await recordImportedComments(testDb.db, [imported('20', 'spam'), imported('21', 'trash')], ACTOR);
  const id = importedCommentId('blog', 'wordpress', '20');
  const labels = await listTrainingLabels(testDb.db, 'blog', new Date());
  expect(labels.find((l) => l.id === id)).toMatchObject({ spam: true, toxic: null });

  await moderateComments(testDb.db, { ids: [id], action: 'approve', reason: null, actor: '00000000-0000-4000-8000-000000000001', mayModerate: () => true });
  const label = await testDb.db.selectFrom('moderation_labels').select(['spam', 'toxic', 'source', 'labelled_by']).where('comment_id', '=', id).executeTakeFirstOrThrow();
  expect(label).toEqual({ spam: false, toxic: false, source: 'moderator', labelled_by: '00000000-0000-4000-8000-000000000001' });
});

it('keeps old imported held and rejected comments for the retention period counted from the import', async () => {
  await recordImportedComments(testDb.db, [imported('30', 'pending', { daysAgo: 400 }), imported('31', 'spam', { daysAgo: 400 }), imported('32', 'approved', { daysAgo: 400 })], ACTOR);
  const cutoff = (days: number) => new Date(Date.now() - days * DAY);

  await purgeExpired(testDb.db, cutoff(90));
  expect([await statusOf('30'), await statusOf('31'), await statusOf('32')]).toEqual(['held', 'rejected', 'approved']);

  // 91 days after the import, as the hourly run would see it.
  await sql`update comment_imports set imported_at = imported_at - interval '91 days' where source_id in ('30', '31', '32')`.execute(testDb.db);
  await purgeExpired(testDb.db, cutoff(90));
  expect([await statusOf('30'), await statusOf('31'), await statusOf('32')]).toEqual([undefined, undefined, 'approved']);
});

it('leaves comments imported without scores out of settings previews', async () => {
  await recordImportedComments(testDb.db, [imported('40', 'approved', { daysAgo: 0 })], ACTOR);
  const preview = await listRecentForPreview(testDb.db, 'blog', 100, { withBodies: false });
  expect(preview.map((c) => c.id)).not.toContain(importedCommentId('blog', 'wordpress', '40'));
});
