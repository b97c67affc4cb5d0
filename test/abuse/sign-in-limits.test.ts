import { Redis } from 'ioredis';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenStaff, STAFF_PASSWORD } from '../support/staff';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';

// The sign-in limits on the real API and Redis. Behind one trusted proxy, so
// each test can speak from several client addresses.
const STAFF_EMAIL = 'signin.limits.q3@staff.example';
let testDb: TestDatabase;
let api: ApiUnderTest;
let redis: Redis;
let prefix: string;
let nextAddress = 0;

/** A sign-in from a client address of its own (or the one given), through the proxy. */
const signIn = (body: unknown, address = `203.0.113.${++nextAddress}`) =>
  postJson(`${api.sut.url}/api/v1/auth/login`, body, { 'x-forwarded-for': address });
const limiterKeys = () => redis.keys(`${prefix}:rl:login*`);

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenStaff(testDb.db, STAFF_EMAIL, 'admin');
  prefix = uniqueQueuePrefix();
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix }, { MODERATO_TRUST_PROXY: '1' });
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await api.sut.close();
  redis.disconnect();
  await testDb.close();
});
afterEach(async () => {
  const keys = await limiterKeys();
  if (keys.length > 0) await redis.del(...keys);
});

it.each([
  ['a 60 KB email', { email: `${'a'.repeat(60_000)}@x.example`, password: 'whatever-it-is' }, 'email'],
  ['an email that is not one', { email: 'not an email', password: 'whatever-it-is' }, 'email'],
  ['a 2,000-character password', { email: STAFF_EMAIL, password: 'p'.repeat(2_000) }, 'password'],
  ['no password', { email: STAFF_EMAIL }, 'password'],
])('refuses %s with 400 before writing any limiter key', async (_what, body, field) => {
  const answer = await signIn(body);
  expect(answer.status).toBe(400);
  expect(answer.json.error.field).toBe(field);
  expect(await limiterKeys()).toEqual([]);
});

it('limits failed sign-ins per account across addresses, and keeps emails and addresses out of key names', async () => {
  for (let i = 0; i < 10; i++) expect((await signIn({ email: STAFF_EMAIL, password: `wrong guess ${i}` })).status).toBe(401);
  // Even the right password, from yet another address, waits out the window.
  const limited = await signIn({ email: STAFF_EMAIL.toUpperCase(), password: STAFF_PASSWORD });
  expect(limited.status).toBe(429);
  expect(limited.json.error.code).toBe('rate_limited');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

  const keys = (await limiterKeys()).join('\n');
  expect(keys).not.toContain('signin.limits');
  expect(keys).not.toContain('staff.example');
  expect(keys).not.toContain('203.0.113');
  for (const key of keys.split('\n')) expect(key.length).toBeLessThan(prefix.length + 80);
}, 60_000);

it('limits sign-ins per client address across accounts', async () => {
  for (let i = 0; i < 20; i++) expect((await signIn({ email: `nobody${i}@staff.example`, password: 'a guess' }, '198.51.100.7')).status).toBe(401);
  expect((await signIn({ email: 'nobody-else@staff.example', password: 'a guess' }, '198.51.100.7')).status).toBe(429);
  // Another address is not held back, and neither is the account.
  expect((await signIn({ email: STAFF_EMAIL, password: STAFF_PASSWORD }, '198.51.100.8')).status).toBe(200);
}, 60_000);

it('answers a flood of sign-ins beyond the password-check slots with 503 and Retry-After, not a growing queue', async () => {
  const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => signIn({ email: `flood${i}@staff.example`, password: 'a guess' })));
  const statuses = answers.map((a) => a.status);
  // Two checks run and eight wait (each takes most of a second); the rest are turned away.
  expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
  expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(3);
  const busy = answers.find((a) => a.status === 503)!;
  expect(busy.json.error.code).toBe('sign_in_busy');
  expect(busy.headers.get('retry-after')).toBe('5');
}, 60_000);
