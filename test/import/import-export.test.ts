import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createPersonalDataKeys, importedCommentId } from '@moderato/core';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenSite, TEST_SECRET } from '../support/fixtures';
import { execFileAsync, ROOT, runCli } from '../support/processes';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';

// The acceptance of `moderato import` and `moderato export`, as an operator
// runs them: the CLI as a process on the hand-written fixtures, the public
// thread through the real API, and the database as pg_dump sees it.
const FIXTURES = path.join(ROOT, 'test/fixtures/import');
const WORDPRESS = path.join(FIXTURES, 'wordpress.xml');
const DISQUS = path.join(FIXTURES, 'disqus.xml');
const FIXTURE_EMAILS = [...new Set([WORDPRESS, DISQUS].flatMap((file) => readFileSync(file, 'utf8').match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []))];
const keys = createPersonalDataKeys(TEST_SECRET);

let testDb: TestDatabase;
let env: NodeJS.ProcessEnv;
let api: ApiUnderTest;
const outputs: string[] = [];

async function moderato(...args: string[]) {
  const result = await runCli(args, env);
  outputs.push(result.stdout, result.stderr);
  return result;
}

async function importFile(...args: string[]) {
  const result = await moderato('import', ...args);
  expect(result.stderr).toBe('');
  return { code: result.code, summary: JSON.parse(result.stdout) };
}

async function thread(siteId: string, articleId: string): Promise<Array<{ id: string; parentId: string | null; name: string; body: string; createdAt: string }>> {
  const response = await fetch(`${api.sut.url}/api/v1/sites/${siteId}/articles/${encodeURIComponent(articleId)}/comments?limit=1000`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { comments: [] }).comments;
}

/** Everything an import may write, in a stable order: to tell that a second run changed nothing. */
async function snapshot(siteId: string) {
  const { db } = testDb;
  return {
    comments: await db.selectFrom('comments').selectAll().where('site_id', '=', siteId).orderBy('id').execute(),
    events: await db.selectFrom('comment_events').selectAll().where('site_id', '=', siteId).orderBy('id').execute(),
    labels: await db.selectFrom('moderation_labels').selectAll().where('site_id', '=', siteId).orderBy('comment_id').execute(),
    imports: await db.selectFrom('comment_imports').selectAll().where('site_id', '=', siteId).orderBy('source_id').execute(),
  };
}

const wpId = (site: string, sourceId: string) => importedCommentId(site, 'wordpress', sourceId);

beforeAll(async () => {
  testDb = await createTestDatabase();
  env = { DATABASE_URL: testDb.url, MODERATO_SECRET: TEST_SECRET, NODE_ENV: 'test', REDIS_URL: testRedisUrl(), MODERATO_QUEUE_PREFIX: uniqueQueuePrefix() };
  for (const site of ['wp', 'dq', 'roundtrip', 'erasure']) await givenSite(testDb.db, site);
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});

afterAll(async () => {
  await api?.sut.close();
  await testDb.close();
});

describe('moderato import --format wordpress', () => {
  it('imports every comment it can read, with its verdict, and lists the broken ones by line', async () => {
    const { code, summary } = await importFile('--site', 'wp', '--format', 'wordpress', '--file', WORDPRESS);
    expect(code).toBe(1);
    expect(summary).toMatchObject({
      imported: 10,
      skipped: 1,
      byStatus: { approved: 7, held: 1, rejected: 2 },
      articles: 2,
      errorCount: 3,
      byVerdict: { approved: 7, pending: 1, spam: 1, trash: 1, deleted: 0 },
      skippedBy: { alreadyImported: 0, erasedAuthor: 0, notAComment: 1 },
      undated: 1,
      dryRun: false,
    });
    expect(summary.errors).toEqual([
      { line: 134, entry: 'comment 9', error: 'cannot read the date (expected YYYY-MM-DD HH:MM:SS or ISO 8601)' },
      { line: 144, entry: 'comment 10', error: 'malformed XML (Invalid character in entity name)' },
      { line: 153, entry: 'comment (no id)', error: 'the comment has no id' },
    ]);

    const status = async (sourceId: string) => (await testDb.db.selectFrom('comments').select(['status', 'body']).where('id', '=', wpId('wp', sourceId)).executeTakeFirstOrThrow());
    expect(await status('4')).toMatchObject({ status: 'held' });
    expect(await status('5')).toMatchObject({ status: 'rejected', body: 'BUY CHEAP PILLS NOW click here (http://pills.example.biz/buy) free money casino bonus' });
    expect(await status('6')).toMatchObject({ status: 'rejected' });
    expect(await status('1')).toMatchObject({ body: 'Great post, thanks & welcome!\n\nSee the guide (https://docs.example.org/guide).' });
  });

  it('leaves the planner statistics of the comments fresh, so the worker does not scan the site for each author', async () => {
    const { rows } = await sql<{ analyzed: boolean }>`select last_analyze is not null as analyzed from pg_stat_user_tables where relname = 'comments'`.execute(testDb.db);
    expect(rows[0]?.analyzed).toBe(true);
  });

  it('turns each verdict into a training label with source import, and audits each comment', async () => {
    const labels = await testDb.db.selectFrom('moderation_labels').select(['comment_id', 'spam', 'toxic', 'source', 'labelled_at']).where('site_id', '=', 'wp').execute();
    const labelOf = (sourceId: string) => labels.find((l) => l.comment_id === wpId('wp', sourceId));
    expect(labels).toHaveLength(9);
    expect(labels.every((l) => l.source === 'import')).toBe(true);
    expect(labelOf('1')).toMatchObject({ spam: false, toxic: false, labelled_at: new Date('2019-05-02T09:00:00Z') });
    expect(labelOf('5')).toMatchObject({ spam: true, toxic: null });
    expect(labelOf('6')).toMatchObject({ spam: null, toxic: true });
    expect(labelOf('4')).toBeUndefined();

    const events = await testDb.db.selectFrom('comment_events').select(['action', 'actor', 'from_status', 'to_status', 'details']).where('comment_id', '=', wpId('wp', '5')).execute();
    expect(events).toEqual([{ action: 'import', actor: expect.stringMatching(/^cli:/), from_status: 'pending', to_status: 'rejected', details: { source: 'wordpress', sourceId: '5', verdict: 'spam' } }]);
  });

  it('shows exactly the approved comments on the public thread, threaded, under the article ids of the post URLs', async () => {
    const hello = await thread('wp', '/2019/05/hello-world/');
    expect(hello.map((c) => c.name)).toEqual(['Dan Undated', 'Ann Reader', 'Bob & Co', 'Ann Reader', 'Hal After']);
    expect(hello.map((c) => c.id)).toEqual(['7', '1', '2', '3', '11'].map((id) => wpId('wp', id)));
    expect(hello.map((c) => c.parentId)).toEqual([null, null, wpId('wp', '1'), wpId('wp', '2'), null]);
    expect(hello[0]!.createdAt).toBe('2019-05-01T08:00:00.000Z');
    expect(hello[2]!.body).toBe('First line of my reply.\nSecond line, same paragraph.\n\nA new paragraph, with a < sign and 3 > 2.');

    const plain = await thread('wp', '/?p=123');
    expect(plain.map((c) => [c.name, c.parentId])).toEqual([
      ['Anonymous', null],
      ['Ivy Early', wpId('wp', '20')],
    ]);
    expect(await thread('wp', '/about/')).toEqual([]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot('wp');
    const { code, summary } = await importFile('--site', 'wp', '--format', 'wordpress', '--file', WORDPRESS);
    expect(code).toBe(1);
    expect(summary).toMatchObject({ imported: 0, skipped: 11, articles: 0, skippedBy: { alreadyImported: 10, erasedAuthor: 0, notAComment: 1 }, errorCount: 3 });
    expect(await snapshot('wp')).toEqual(before);
  });

  it('says in a dry run what it would do, and writes nothing', async () => {
    const before = await snapshot('roundtrip');
    const { summary } = await importFile('--site', 'roundtrip', '--format', 'wordpress', '--file', WORDPRESS, '--dry-run');
    expect(summary).toMatchObject({ imported: 10, dryRun: true, byStatus: { approved: 7, held: 1, rejected: 2 } });
    expect(await snapshot('roundtrip')).toEqual(before);
    const again = await importFile('--site', 'wp', '--format', 'wordpress', '--file', WORDPRESS, '--dry-run');
    expect(again.summary).toMatchObject({ imported: 0, skippedBy: { alreadyImported: 10 } });
  });
});

describe('moderato import --format disqus', () => {
  it('refuses, post by post, an empty thread identifier when the ids are to come from it', async () => {
    const { summary } = await importFile('--site', 'dq', '--format', 'disqus', '--file', DISQUS, '--article-from', 'id', '--dry-run');
    expect(summary).toMatchObject({ imported: 7, errorCount: 4 });
    expect(summary.errors.filter((e: { error: string }) => e.error.includes('empty <id>')).map((e: { entry: string }) => e.entry)).toEqual(['post 5010', 'post 5011']);
  });

  it('imports threads, replies to replies, spam and deleted posts, and scores them when asked', async () => {
    const { code, summary } = await importFile('--site', 'dq', '--format', 'disqus', '--file', DISQUS, '--score');
    expect(code).toBe(1);
    expect(summary).toMatchObject({
      imported: 9,
      byStatus: { approved: 7, held: 0, rejected: 2 },
      byVerdict: { approved: 7, spam: 1, deleted: 1 },
      articles: 2,
      undated: 1,
      errors: [
        { line: 126, entry: 'post 5007', error: 'its thread 999 is not in the file before it' },
        { line: 139, entry: 'post (no id)', error: 'the comment has no id' },
      ],
    });
    const { score } = summary;
    expect(score).toMatchObject({ scored: 9, modelVersion: expect.any(String) });
    const approved = score.byVerdict.approved;
    expect(approved.approve + approved.hold + approved.reject).toBe(7);
    expect(score.approvedWouldHold).toBe(approved.hold);
    expect(score.spamWouldApprove).toBe(score.byVerdict.spam.approve);
    // The scores are stored for the review queue; the status stays the verdict.
    const spam = await testDb.db.selectFrom('comments').select(['status', 'spam_score', 'model_version', 'language']).where('id', '=', importedCommentId('dq', 'disqus', '5004')).executeTakeFirstOrThrow();
    expect(spam).toMatchObject({ status: 'rejected', model_version: score.modelVersion, language: 'en' });
    expect(spam.spam_score).toBeGreaterThan(0);

    const hello = await thread('dq', '/2019/05/hello-world/');
    expect(hello.map((c) => c.name)).toEqual(['Dan Undated', 'Ann Reader', 'Bob Writer', 'Ann Reader', 'Hal After']);
    const id = (dsq: string) => importedCommentId('dq', 'disqus', dsq);
    expect(hello.map((c) => c.parentId)).toEqual([null, null, id('5001'), id('5002'), null]);
    expect(hello[2]!.body).toBe('First line\nsecond line\n\nNew paragraph.');
    expect((await thread('dq', '/?p=123')).map((c) => c.body)).toEqual(["A guest's comment.\nOn two lines, without HTML.", 'Replying to the guest.']);
  });
});

describe('personal data of imported comments', () => {
  it('holds no imported email or IP in clear in the database, nor in anything the CLI printed', async () => {
    const { stdout: dump } = await execFileAsync('pg_dump', ['--data-only', '--no-owner', testDb.url], { maxBuffer: 64 * 1024 * 1024 });
    const everything = `${dump}\n${outputs.join('\n')}`.toLowerCase();
    expect(FIXTURE_EMAILS.length).toBeGreaterThan(10);
    for (const email of FIXTURE_EMAILS) expect(everything).not.toContain(email.toLowerCase());
    for (const ip of ['203.0.113.7', '198.51.100.23', '192.0.2.99', '2001:db8::1']) expect(dump).not.toContain(ip);

    const ann = await testDb.db.selectFrom('comments').select(['email_encrypted', 'email_hash', 'ip_hash']).where('id', '=', wpId('wp', '1')).executeTakeFirstOrThrow();
    expect(keys.decryptEmail(ann.email_encrypted)).toBe('ann.reader@example.net');
    expect(ann).toMatchObject({ email_hash: keys.hashEmail('ann.reader@example.net'), ip_hash: keys.hashIp('203.0.113.7') });
  });
});

describe('moderato export', () => {
  const lines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line));

  it('writes every comment of the site as JSON lines, without emails', async () => {
    const result = await moderato('export', '--site', 'wp');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('exported 10 comment(s) of wp');
    const exported = lines(result.stdout);
    expect(exported).toHaveLength(10);
    expect(exported.map((c) => c.status).sort()).toEqual([...Array(7).fill('approved'), 'held', 'rejected', 'rejected']);
    expect(exported.find((c) => c.id === wpId('wp', '5'))).toMatchObject({ status: 'rejected', spam: true, importedFrom: { source: 'wordpress', id: '5' } });
    expect(exported.every((c) => !('email' in c))).toBe(true);
    expect(result.stdout).not.toMatch(/@example\./);
  });

  it('adds the emails only when asked, and records that export', async () => {
    const eventsBefore = await testDb.db.selectFrom('privacy_events').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const result = await moderato('export', '--site', 'wp', '--with-emails');
    const exported = lines(result.stdout);
    expect(exported.find((c) => c.id === wpId('wp', '1')).email).toBe('ann.reader@example.net');
    expect(exported.find((c) => c.id === wpId('wp', '20')).email).toBeNull();
    const latest = await testDb.db.selectFrom('privacy_events').select(['action', 'mode', 'details', 'comment_ids']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(latest).toMatchObject({ action: 'export', mode: 'site', details: { siteId: 'wp', withEmails: true } });
    const eventsAfter = await testDb.db.selectFrom('privacy_events').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(eventsAfter.n).toBe(eventsBefore.n + 1);
  });

  it('writes a WordPress export that imports back as the same threads', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'moderato-export-')), 'wp.xml');
    const exported = await moderato('export', '--site', 'wp', '--format', 'wordpress', '--output', file, '--with-emails');
    expect(exported.code).toBe(0);
    const { code, summary } = await importFile('--site', 'roundtrip', '--format', 'wordpress', '--file', file);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ imported: 10, byStatus: { approved: 7, held: 1, rejected: 2 }, byVerdict: { spam: 1, trash: 1, pending: 1 }, errorCount: 0 });

    for (const article of ['/2019/05/hello-world/', '/?p=123']) {
      const [original, copy] = [await thread('wp', article), await thread('roundtrip', article)];
      const shape = (comments: typeof original) => comments.map((c) => ({ name: c.name, body: c.body, createdAt: c.createdAt, parent: comments.findIndex((p) => p.id === c.parentId) }));
      expect(shape(copy)).toEqual(shape(original));
    }
    const ann = await testDb.db.selectFrom('comments').select('email_hash').where('site_id', '=', 'roundtrip').where('author_name', '=', 'Ann Reader').execute();
    expect(ann.map((r) => r.email_hash)).toEqual([keys.hashEmail('ann.reader@example.net'), keys.hashEmail('ann.reader@example.net')]);
  });
});

describe('wrong words', () => {
  it.each([
    ['no --site', ['--format', 'wordpress', '--file', WORDPRESS], '--site'],
    ['an unknown --format', ['--site', 'wp', '--format', 'blogger', '--file', WORDPRESS], '--format must be wordpress or disqus'],
    ['no --file', ['--site', 'wp', '--format', 'wordpress'], '--file'],
    ['an unknown --article-from', ['--site', 'wp', '--format', 'wordpress', '--file', WORDPRESS, '--article-from', 'title'], '--article-from must be path, slug or id'],
    ['an unknown site', ['--site', 'nowhere', '--format', 'wordpress', '--file', WORDPRESS], '--site nowhere: no such site'],
  ])('import with %s is a usage error (exit 2)', async (_, args, message) => {
    const result = await moderato('import', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('says which file it cannot read', async () => {
    const result = await moderato('import', '--site', 'wp', '--format', 'wordpress', '--file', '/nonexistent/export.xml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot read /nonexistent/export.xml: ENOENT');
  });

  it.each([
    ['no --site', ['--format', 'jsonl'], '--site'],
    ['an unknown --format', ['--site', 'wp', '--format', 'csv'], '--format must be jsonl or wordpress'],
  ])('export with %s is a usage error (exit 2)', async (_, args, message) => {
    const result = await moderato('export', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

// Last: erasure by email reaches the author's comments on every site of the run.
describe('erasure of imported comments', () => {
  it('erases an imported author like any other, and a later import does not bring the comments back', async () => {
    await importFile('--site', 'erasure', '--format', 'wordpress', '--file', WORDPRESS);
    const erased = await moderato('privacy', 'erase', '--email', 'Ann.Reader@example.net', '--mode', 'delete');
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout).ids).toEqual(expect.arrayContaining([wpId('erasure', '1'), wpId('erasure', '3')]));
    const { summary } = await importFile('--site', 'erasure', '--format', 'wordpress', '--file', WORDPRESS);
    expect(summary).toMatchObject({ imported: 0, skippedBy: { alreadyImported: 10 } });
    expect(await testDb.db.selectFrom('comments').select('id').where('id', 'in', [wpId('erasure', '1'), wpId('erasure', '3')]).execute()).toEqual([]);
  });
});
