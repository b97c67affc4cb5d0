import { Redis } from 'ioredis';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../support/test-database';
import { ABUSIVE_COMMENT, CLEAN_COMMENT, SPAM_COMMENT } from '../support/fixtures';
import { execFileAsync, recordingClient, runCli, serviceEnv, startApiAndWorker, type ServiceProcess } from '../support/processes';
import { dumpRedisValues } from '../support/redis-dump';
import { eventually } from '../support/eventually';

// End to end: the CLI, the API and a worker as separate processes, as
// `npm start` runs them, on the real Postgres and Redis.
const EMAILS = ['Reader.One.x91@Example.org', 'spam.sender.q7@example.net', 'abuser.k2@example.com', 'reply.author.z5@example.org'];

let testDb: TestDatabase;
let env: NodeJS.ProcessEnv;
let api: ServiceProcess;
let worker: ServiceProcess;
let baseUrl: string;
const { call, responses } = recordingClient(() => baseUrl);

const post = (articleId: string, body: unknown) =>
  call(`/api/v1/sites/e2e-blog/articles/${articleId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ env, baseUrl } = await serviceEnv(testDb.url));
  const created = await runCli(['site', 'create', '--id', 'e2e-blog', '--name', 'E2E Blog', '--origin', 'https://blog.example.org'], env);
  expect(created).toMatchObject({ code: 0 });
  ({ api, worker } = await startApiAndWorker(env, baseUrl));
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await testDb.close();
});

async function decisionOf(id: string): Promise<{ status: string; ms: number }> {
  const startedAt = Date.now();
  const status = await eventually(async () => {
    const { json } = await call(`/api/v1/comments/${id}`);
    return json.status === 'pending' ? undefined : (json.status as string);
  }, 5_000, `a decision for ${id}`);
  return { status, ms: Date.now() - startedAt };
}

it('accepts, decides, stores and publishes comments, and keeps the email private throughout', async () => {
  const clean = await post('hello-world', { name: 'Reader One', email: EMAILS[0], body: CLEAN_COMMENT });
  const spam = await post('hello-world', { name: 'Cheap Deals', email: EMAILS[1], body: SPAM_COMMENT });
  const abuse = await post('hello-world', { name: 'Troll', email: EMAILS[2], body: ABUSIVE_COMMENT });
  for (const answer of [clean, spam, abuse]) expect(answer).toEqual({ status: 202, json: { id: expect.any(String), status: 'pending' } });

  const cleanDecision = await decisionOf(clean.json.id);
  expect(cleanDecision.status).toBe('approved');
  expect(['held', 'rejected']).toContain((await decisionOf(spam.json.id)).status);
  expect(['held', 'rejected']).toContain((await decisionOf(abuse.json.id)).status);

  const reply = await post('hello-world', {
    name: 'Replier',
    email: EMAILS[3],
    body: 'I agree, the second section on caching was especially useful.',
    parentId: clean.json.id,
  });
  expect((await decisionOf(reply.json.id)).status).toBe('approved');

  // Decisions land within a second of intake.
  const rows = await testDb.db.selectFrom('comments').select(['id', 'status', 'created_at', 'decided_at', 'email_hash']).execute();
  expect(rows).toHaveLength(4);
  for (const row of rows) expect(row.decided_at.getTime() - row.created_at.getTime()).toBeLessThan(1_000);
  const events = await testDb.db.selectFrom('comment_events').selectAll().execute();
  expect(events).toHaveLength(4);

  // The public thread: approved only, oldest first, replies pointing at their parent.
  const thread = await call('/api/v1/sites/e2e-blog/articles/hello-world/comments');
  expect(thread.status).toBe(200);
  expect(thread.json).toEqual({
    comments: [
      { id: clean.json.id, parentId: null, name: 'Reader One', body: CLEAN_COMMENT, createdAt: expect.any(String) },
      { id: reply.json.id, parentId: clean.json.id, name: 'Replier', body: expect.stringContaining('caching'), createdAt: expect.any(String) },
    ],
    next: null,
  });

  // The email is nowhere in clear: responses, logs, Redis, a dump of the database.
  const redis = new Redis(testRedisUrl());
  const redisText = await dumpRedisValues(redis, env.MODERATO_QUEUE_PREFIX!);
  redis.disconnect();
  expect(redisText).toContain('score-comment');
  const { stdout: databaseDump } = await execFileAsync('pg_dump', ['--data-only', '--no-owner', testDb.url], { maxBuffer: 64 * 1024 * 1024 });
  expect(databaseDump).toContain(CLEAN_COMMENT);
  const logs = api.output() + worker.output();
  expect(logs).toContain('comment decided');
  const everything = [responses.join('\n'), logs, redisText, databaseDump].join('\n').toLowerCase();
  for (const email of EMAILS) {
    expect(everything).not.toContain(email.toLowerCase());
    expect(everything).not.toContain(email.split('@')[0]!.toLowerCase());
  }
});

it('stops both processes cleanly on SIGTERM', async () => {
  expect(await api.stop()).toBe(0);
  expect(await worker.stop()).toBe(0);
});
