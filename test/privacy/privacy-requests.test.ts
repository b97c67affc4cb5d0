import { sql } from 'kysely';
import { createPersonalDataKeys } from '@moderato/core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenDecidedComment } from '../support/comment-factory';
import { givenSite, TEST_SECRET } from '../support/fixtures';
import { runCli } from '../support/processes';

// Data-subject requests through the CLI, as an operator would run them, on real Postgres.
const keys = createPersonalDataKeys(TEST_SECRET);
let testDb: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  testDb = await createTestDatabase();
  env = { DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl(), MODERATO_QUEUE_PREFIX: uniqueQueuePrefix(), MODERATO_SECRET: TEST_SECRET, NODE_ENV: 'test' };
  await givenSite(testDb.db, 'privacy-blog');
});
afterAll(() => testDb.close());

async function givenCommentsBy(email: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const decision = i % 2 === 0 ? 'approve' : 'hold';
    const comment = await givenDecidedComment(testDb.db, { siteId: 'privacy-blog', decision, emailHash: keys.hashEmail(email), emailEncrypted: keys.encryptEmail(email), body: `${email} wrote ${i}` });
    await sql`update comments set ip_hash = ${keys.hashIp('198.51.100.7')} where id = ${comment.id}`.execute(testDb.db);
    ids.push(comment.id);
  }
  return ids;
}

const privacyEvents = () => sql<{ action: string; mode: string | null; comment_ids: string[]; actor: string }>`select action, mode, comment_ids, actor from privacy_events order by id`.execute(testDb.db).then((r) => r.rows);

it('exports every comment stored under an email, case-insensitively, and audits the export', async () => {
  const ids = await givenCommentsBy('Export.Me@example.org', 2);
  await givenCommentsBy('someone.else@example.org', 1);
  const result = await runCli(['privacy', 'export', '--email', 'export.me@EXAMPLE.org'], env);
  expect(result.code).toBe(0);
  const exported = JSON.parse(result.stdout);
  expect(exported.comments.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
  expect(exported.comments[0]).toEqual(expect.objectContaining({ siteId: 'privacy-blog', name: 'Ann', body: expect.stringContaining('wrote'), status: expect.any(String) }));
  expect((await privacyEvents()).at(-1)).toEqual({ action: 'export', mode: null, comment_ids: expect.arrayContaining(ids), actor: 'system:cli' });
});

it('erases as placeholders: rows stay, personal data and links are gone, each comment and the request audited', async () => {
  const ids = await givenCommentsBy('placeholder.me@example.org', 2);
  const result = await runCli(['privacy', 'erase', '--email', 'placeholder.me@example.org'], env);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ mode: 'placeholder', erased: 2 });

  const rows = await testDb.db.selectFrom('comments').selectAll().where('id', 'in', ids).execute();
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row).toMatchObject({ author_name: '[deleted]', body: '[deleted]', email_encrypted: 'erased', ip_hash: null, reasons: [] });
    expect(row.email_hash).toMatch(/^erased:[0-9a-f-]{36}$/);
  }
  expect(new Set(rows.map((r) => r.email_hash)).size).toBe(2);
  const erasures = await testDb.db.selectFrom('comment_events').select('comment_id').where('action', '=', 'erase').where('comment_id', 'in', ids).execute();
  expect(erasures).toHaveLength(2);
  expect((await privacyEvents()).at(-1)).toMatchObject({ action: 'erase', mode: 'placeholder', comment_ids: expect.arrayContaining(ids) });
  // Nothing is left to find under that email.
  expect(JSON.parse((await runCli(['privacy', 'export', '--email', 'placeholder.me@example.org'], env)).stdout).comments).toEqual([]);
});

it('erases by deleting the rows and their audit rows; the audit trail still refuses other deletes', async () => {
  const ids = await givenCommentsBy('delete.me@example.org', 3);
  const result = await runCli(['privacy', 'erase', '--email', 'delete.me@example.org', '--mode', 'delete'], env);
  expect(result.code).toBe(0);
  expect(await testDb.db.selectFrom('comments').select('id').where('id', 'in', ids).execute()).toEqual([]);
  expect(await testDb.db.selectFrom('comment_events').select('id').where('comment_id', 'in', ids).execute()).toEqual([]);
  expect((await privacyEvents()).at(-1)).toMatchObject({ action: 'erase', mode: 'delete', comment_ids: expect.arrayContaining(ids) });
  await expect(sql`delete from comment_events`.execute(testDb.db)).rejects.toThrow('comment_events is append-only');
});

it('refuses a bad mode or a missing email', async () => {
  expect((await runCli(['privacy', 'erase', '--email', 'x@example.org', '--mode', 'shred'], env)).code).toBe(2);
  expect((await runCli(['privacy', 'export'], env)).code).toBe(2);
});
