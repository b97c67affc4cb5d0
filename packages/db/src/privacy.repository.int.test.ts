import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { eventually } from '../../../test/support/eventually';
import { givenSite } from '../../../test/support/fixtures';
import { acceptedComment, recordDecision, scoreResult } from '../../../test/support/comment-factory';
import { recordDecisions } from './comments.repository';
import { eraseCommentsByEmailHash, ERASED_TEXT } from './privacy.repository';

// What the worker may still write after an erasure: a comment accepted before
// it (a job that was running) is refused; one sent afterwards is stored.
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
});
afterAll(() => testDb.close());

const erase = (emailHash: string) => eraseCommentsByEmailHash(testDb.db, { emailHash, mode: 'placeholder', actor: 'test' });
const stored = (id: string) => testDb.db.selectFrom('comments').select(['author_name', 'body']).where('id', '=', id).executeTakeFirst();
const lockWaits = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(testDb.db)).rows[0]!.n;
const auditRows = (id: string) => testDb.db.selectFrom('comment_events').select('action').where('comment_id', '=', id).execute();

it('refuses to store a comment accepted before its author was erased, and stores one accepted after', async () => {
  const emailHash = '1'.repeat(64);
  const inFlight = acceptedComment({ emailHash, acceptedAt: new Date(Date.now() - 60_000).toISOString() });
  const other = acceptedComment({ emailHash: '2'.repeat(64), acceptedAt: inFlight.acceptedAt });
  await erase(emailHash);

  expect(await recordDecisions(testDb.db, [{ comment: inFlight, score: scoreResult('approve') }, { comment: other, score: scoreResult('approve') }])).toEqual([false, true]);
  expect(await stored(inFlight.id)).toBeUndefined();
  expect(await auditRows(inFlight.id)).toEqual([]);
  expect(await stored(other.id)).toBeDefined();

  const later = acceptedComment({ emailHash, acceptedAt: new Date(Date.now() + 1_000).toISOString() });
  expect(await recordDecision(testDb.db, later, scoreResult('approve'))).toBe(true);
});

it('waits for a worker’s insert still in its transaction, then erases that comment too', async () => {
  const emailHash = '3'.repeat(64);
  const comment = acceptedComment({ emailHash, body: 'written while the erasure runs' });
  let commit!: () => void;
  const held = new Promise<void>((resolve) => (commit = resolve));
  let inserted!: () => void;
  const insertDone = new Promise<void>((resolve) => (inserted = resolve));
  const worker = testDb.db.transaction().execute(async (trx) => {
    await recordDecisions(trx, [{ comment, score: scoreResult('approve') }]);
    inserted();
    await held;
  });
  await insertDone;

  let erasedIds: string[] | undefined;
  const erasure = erase(emailHash).then((ids) => (erasedIds = ids));
  // Proof that it waits: its session is blocked on a lock the worker's transaction holds.
  await eventually(async () => ((await lockWaits()) > 0 ? true : undefined), 5_000, 'the erasure to wait on a lock');
  expect(erasedIds).toBeUndefined();
  commit();
  await Promise.all([worker, erasure]);

  expect(erasedIds).toEqual([comment.id]);
  expect(await stored(comment.id)).toEqual({ author_name: ERASED_TEXT, body: ERASED_TEXT });
});

describe('what an erasure leaves of the scoring records', () => {
  async function givenScoredComment(emailHash: string): Promise<string> {
    const comment = acceptedComment({ emailHash, body: 'buy cheap watches' });
    await recordDecisions(testDb.db, [{ comment, score: scoreResult('approve'), qaSample: true }]);
    await testDb.db
      .insertInto('shadow_decisions')
      .values({ comment_id: comment.id, site_id: 'blog', model_version: 1, decision: 'hold', spam_score: 0.5, toxicity_score: 0, reasons: JSON.stringify([{ code: 'spam-model', message: 'spam model: "cheap"', matches: ['cheap'] }]) })
      .execute();
    return comment.id;
  }
  const shadowRows = (id: string) => testDb.db.selectFrom('shadow_decisions').select('comment_id').where('comment_id', '=', id).execute();
  const qaRows = (id: string) => testDb.db.selectFrom('qa_samples').select('comment_id').where('comment_id', '=', id).execute();

  it('deletes the shadow decisions of a comment kept as a placeholder, and keeps its QA sample', async () => {
    const id = await givenScoredComment('5'.repeat(64));
    expect(await shadowRows(id)).toHaveLength(1);
    await erase('5'.repeat(64));
    expect(await shadowRows(id)).toEqual([]);
    expect(await qaRows(id)).toHaveLength(1);
  });

  it('deletes both with a comment erased outright', async () => {
    const id = await givenScoredComment('6'.repeat(64));
    await eraseCommentsByEmailHash(testDb.db, { emailHash: '6'.repeat(64), mode: 'delete', actor: 'test' });
    expect(await shadowRows(id)).toEqual([]);
    expect(await qaRows(id)).toEqual([]);
  });
});
