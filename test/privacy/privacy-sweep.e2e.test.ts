import { Redis } from 'ioredis';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../support/test-database';
import { CLEAN_COMMENT } from '../support/fixtures';
import { execFileAsync, recordingClient, runCli, serviceEnv, startApiAndWorker, type ServiceProcess } from '../support/processes';
import { dumpRedisValues } from '../support/redis-dump';
import { bearer, givenStaff } from '../support/staff';
import { eventually } from '../support/eventually';

// The whole flow as separate processes (post, decide, moderate, reveal), then
// a search of everything an attacker or a curious operator could read for the
// emails and client addresses used. The one response left out on purpose is
// the admin's explicit reveal: showing the email is what it is for.
const AUTHORS = [
  { email: 'Privacy.Alice.p4@Example.org', ip: '203.0.113.77' },
  { email: 'bob.q8.private@example.net', ip: '2001:db8:4242::17' },
  { email: 'carol.z3@example.com', ip: '198.51.100.203' },
];

let testDb: TestDatabase;
let env: NodeJS.ProcessEnv;
let api: ServiceProcess;
let worker: ServiceProcess;
let baseUrl: string;
const { call, responses } = recordingClient(() => baseUrl);

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ env, baseUrl } = await serviceEnv(testDb.url, { MODERATO_TRUST_PROXY: '1', MODERATO_RATE_LIMIT: 'off' }));
  const created = await runCli(['site', 'create', '--id', 'sweep', '--name', 'Sweep', '--origin', 'https://blog.example.org', '--premoderate'], env);
  expect(created.code).toBe(0);
  ({ api, worker } = await startApiAndWorker(env, baseUrl));
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await testDb.close();
});

it('keeps emails and client addresses out of responses, logs, Redis and the database', async () => {
  const moderator = await givenStaff(testDb.db, 'mod.sweep@staff.example', 'moderator', ['sweep']);
  const admin = await givenStaff(testDb.db, 'admin.sweep@staff.example', 'admin');
  const ids: string[] = [];
  for (const [i, author] of AUTHORS.entries()) {
    const posted = await call('/api/v1/sites/sweep/articles/a-1/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': author.ip },
      body: JSON.stringify({ name: `Author ${i}`, email: author.email, body: `${CLEAN_COMMENT} (${i})` }),
    });
    expect(posted.status).toBe(202);
    ids.push(posted.json.id);
  }
  for (const id of ids) await eventually(async () => ((await call(`/api/v1/comments/${id}`)).json.status === 'held' ? true : undefined), 10_000, `${id} held`);
  const rows = await testDb.db.selectFrom('comments').select(['id', 'ip_hash']).execute();
  expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.ip_hash ?? ''))).toBe(true);

  const queue = await call('/api/v1/sites/sweep/review?status=held', { headers: bearer(moderator.token) });
  expect(queue.status).toBe(200);
  const moderated = await call(`/api/v1/comments/${ids[0]}/moderation`, {
    method: 'POST',
    headers: { ...bearer(moderator.token), 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', expectedStatus: 'held' }),
  });
  expect(moderated.json).toEqual({ id: ids[0], status: 'approved' });
  expect((await call(`/api/v1/comments/${ids[0]}/history`, { headers: bearer(moderator.token) })).status).toBe(200);
  expect((await call('/api/v1/sites/sweep/articles/a-1/comments')).json.comments).toHaveLength(1);

  // The excluded response: an admin asking, on purpose, for one address.
  const revealed = await call(`/api/v1/comments/${ids[1]}/reveal-email`, { method: 'POST', headers: bearer(admin.token) }, false);
  expect(revealed.json.email).toBe(AUTHORS[1]!.email);

  const redis = new Redis(testRedisUrl());
  const redisText = await dumpRedisValues(redis, env.MODERATO_QUEUE_PREFIX!);
  redis.disconnect();
  expect(redisText).toContain('score-comment');
  const { stdout: databaseDump } = await execFileAsync('pg_dump', ['--no-owner', testDb.url], { maxBuffer: 64 * 1024 * 1024 });
  expect(databaseDump).toContain(CLEAN_COMMENT);
  const logs = api.output() + worker.output();
  expect(logs).toContain('comment decided');

  const places = { responses: responses.join('\n'), logs, redis: redisText, database: databaseDump };
  for (const [place, text] of Object.entries(places)) {
    const lower = text.toLowerCase();
    for (const { email, ip } of AUTHORS) {
      expect({ place, found: lower.includes(email.toLowerCase()) || lower.includes(email.split('@')[0]!.toLowerCase()) }).toEqual({ place, found: false });
      expect({ place, found: lower.includes(ip) }).toEqual({ place, found: false });
    }
  }
});
