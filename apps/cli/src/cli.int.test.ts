import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { ABUSIVE_COMMENT, CLEAN_COMMENT, SPAM_COMMENT, TEST_SECRET } from '../../../test/support/fixtures';
import { runCli } from '../../../test/support/processes';

let testDb: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  testDb = await createTestDatabase();
  env = { DATABASE_URL: testDb.url, MODERATO_SECRET: TEST_SECRET, NODE_ENV: 'test' };
});
afterAll(() => testDb.close());

describe('moderato migrate', () => {
  it('reports an up-to-date database', async () => {
    const result = await runCli(['migrate'], env);
    expect(result).toMatchObject({ code: 0, stdout: 'database is up to date\n' });
  });
});

describe('moderato site create', () => {
  it('creates a site and prints it', async () => {
    const result = await runCli(['site', 'create', '--id', 'news', '--name', 'The News', '--origin', 'https://news.example.org/', '--origin', 'http://localhost:8080', '--premoderate'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 'news',
      settings: { premoderate: true, allowedOrigins: ['https://news.example.org', 'http://localhost:8080'] },
    });
  });

  it('refuses a taken id', async () => {
    await runCli(['site', 'create', '--id', 'taken', '--name', 'A', '--origin', 'https://a.example'], env);
    const again = await runCli(['site', 'create', '--id', 'taken', '--name', 'B', '--origin', 'https://b.example'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('site taken already exists');
  });

  it.each([
    [['--name', 'A', '--origin', 'https://a.example'], '--id'],
    [['--id', 'x', '--origin', 'https://a.example'], '--name'],
    [['--id', 'x', '--name', 'A'], '--origin'],
    [['--id', 'x', '--name', 'A', '--origin', 'ftp://a.example'], 'not an http(s) URL'],
    [['--id', 'bad id!', '--name', 'A', '--origin', 'https://a.example'], '--id'],
    [['--id', 'x', '--name', 'A', '--origin', 'https://a.example', '--bogus'], 'bogus'],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const result = await runCli(['site', 'create', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('moderato score', () => {
  const noServices = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' };

  it('scores JSON lines in order without Redis or Postgres', async () => {
    const input = [
      { id: 'a', body: CLEAN_COMMENT },
      { id: 'b', body: SPAM_COMMENT, name: 'Deals', email: 'x@example.org', articleId: 'p1' },
      { id: 3, body: ABUSIVE_COMMENT },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const result = await runCli(['score'], noServices, input);

    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 3]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['decision', 'id', 'language', 'reasons', 'spam', 'toxicity']);
      expect(line.language).toBe('en');
      expect(line.spam).toBeGreaterThanOrEqual(0);
      expect(line.toxicity).toBeLessThanOrEqual(1);
    }
    expect(lines[0].decision).toBe('approve');
    expect(['hold', 'reject']).toContain(lines[1].decision);
    expect(['hold', 'reject']).toContain(lines[2].decision);
  });

  it('answers a bad line with an error line in its place and exit code 1', async () => {
    const result = await runCli(['score'], noServices, `{"id":1,"body":"fine"}\nnot json\n{"id":2}\n{"id":3,"body":"ok"}\n`);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(result.code).toBe(1);
    expect(lines.map((l) => [l.id, 'error' in l])).toEqual([[1, false], [null, true], [2, true], [3, false]]);
  });

  it("applies a site's settings with --site", async () => {
    await runCli(['site', 'create', '--id', 'held-all', '--name', 'Held', '--origin', 'https://h.example', '--premoderate'], env);
    const result = await runCli(['score', '--site', 'held-all'], env, JSON.stringify({ id: 1, body: CLEAN_COMMENT, email: 'a@b.co' }));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 1, decision: 'hold' });
  });

  it('handles 10,000 lines from a file well under a minute', async () => {
    const bodies = [CLEAN_COMMENT, SPAM_COMMENT, ABUSIVE_COMMENT, `${CLEAN_COMMENT} ${'More thoughts on the subject. '.repeat(10)}`];
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'moderato-score-')), 'comments.jsonl');
    writeFileSync(file, Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ id: i, body: `${bodies[i % 4]} #${i}` })).join('\n'));

    const startedAt = Date.now();
    const result = await runCli(['score', '--input', file], noServices);
    const elapsedMs = Date.now() - startedAt;

    expect(result.code).toBe(0);
    const ids = result.stdout.trim().split('\n').map((line) => JSON.parse(line).id);
    expect(ids).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(elapsedMs).toBeLessThan(30_000);
  }, 60_000);
});
