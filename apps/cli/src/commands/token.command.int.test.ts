import { sql } from 'kysely';
import { hashApiToken } from '@moderato/auth';
import { createUser, findUserByTokenHash } from '@moderato/db';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { TEST_SECRET } from '../../../../test/support/fixtures';
import { runCli } from '../../../../test/support/processes';

// Each test runs the real CLI several times, and each start compiles the
// TypeScript sources (4-7 s on a busy 2-core machine).
jest.setTimeout(120_000);

let testDb: TestDatabase;
let env: NodeJS.ProcessEnv;
const DAY_MS = 24 * 3600 * 1000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  env = { DATABASE_URL: testDb.url, MODERATO_SECRET: TEST_SECRET, NODE_ENV: 'test' };
  await createUser(testDb.db, { email: 'tokens.admin@staff.example', passwordHash: 'not-used-here', role: 'admin', siteIds: [] });
  await createUser(testDb.db, { email: 'tokens.other@staff.example', passwordHash: 'not-used-here', role: 'admin', siteIds: [] });
});
afterAll(() => testDb.close());

/** `moderato token create`, returning the id and token it printed. */
async function createToken(...extra: string[]): Promise<{ id: string; token: string; firstLine: string }> {
  const result = await runCli(['token', 'create', '--user', 'tokens.admin@staff.example', ...extra], env);
  expect(result).toMatchObject({ code: 0 });
  const lines = result.stdout.trim().split('\n');
  return { firstLine: lines[0]!, id: /^API token (\S+) for/.exec(lines[0]!)![1]!, token: lines.at(-1)! };
}

const expiryOf = async (id: string) =>
  (await testDb.db.selectFrom('api_tokens').select('expires_at').where('id', '=', id).executeTakeFirstOrThrow()).expires_at.getTime();

describe('moderato token create', () => {
  it('prints the token once, on the last line, valid for 90 days by default', async () => {
    const { id, token, firstLine } = await createToken();
    expect(token).toMatch(/^mod_[\w-]{43}$/);
    expect(firstLine).toMatch(/for tokens\.admin@staff\.example \(admin\), expires \d{4}-\d\d-\d\dT/);
    expect(await findUserByTokenHash(testDb.db, hashApiToken(token))).toMatchObject({ email: 'tokens.admin@staff.example' });
    expect(Math.abs((await expiryOf(id)) - (Date.now() + 90 * DAY_MS))).toBeLessThan(60_000);
  });

  it('takes --expires-in in days', async () => {
    const { id } = await createToken('--expires-in', '30d');
    expect(Math.abs((await expiryOf(id)) - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
  });

  it.each(['30', '366d', 'forever'])('refuses --expires-in %s with a usage error (exit 2)', async (value) => {
    const result = await runCli(['token', 'create', '--user', 'tokens.admin@staff.example', '--expires-in', value], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('from 1d to 365d');
  });
});

describe('moderato token list and revoke', () => {
  it('lists tokens by id with owner, status and expiry, never the token or its hash', async () => {
    const { id, token } = await createToken();
    const result = await runCli(['token', 'list', '--user', 'tokens.admin@staff.example'], env);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trim().split('\n');
    expect(header).toMatch(/^ID\s+USER\s+ROLE\s+STATUS\s+EXPIRES\s+LAST USED\s+CREATED$/);
    expect(rows.find((row) => row.startsWith(id))).toMatch(/tokens\.admin@staff\.example\s+admin\s+live\s+\d{4}-/);
    expect(result.stdout).not.toContain(token);
    expect(result.stdout).not.toContain(hashApiToken(token));
    expect(result.stdout).not.toContain('tokens.other@staff.example');
  });

  it('revokes by id: the token stops working, the list says revoked, a second revoke finds nothing', async () => {
    const { id, token } = await createToken();
    expect(await runCli(['token', 'revoke', '--id', id], env)).toMatchObject({ code: 0, stdout: 'revoked\n' });
    expect(await findUserByTokenHash(testDb.db, hashApiToken(token))).toBeUndefined();
    expect((await runCli(['token', 'list'], env)).stdout.split('\n').find((row) => row.startsWith(id))).toMatch(/\srevoked\s/);
    const again = await runCli(['token', 'revoke', '--id', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no live token matches');
  });

  it('still revokes by the token itself', async () => {
    const { token } = await createToken();
    expect(await runCli(['token', 'revoke', '--token', token], env)).toMatchObject({ code: 0, stdout: 'revoked\n' });
    expect(await findUserByTokenHash(testDb.db, hashApiToken(token))).toBeUndefined();
  });

  it('shows an expired token as expired, and it no longer works', async () => {
    const { id, token } = await createToken('--expires-in', '1d');
    await sql`update api_tokens set expires_at = now() - interval '1 minute' where id = ${id}`.execute(testDb.db);
    expect(await findUserByTokenHash(testDb.db, hashApiToken(token))).toBeUndefined();
    expect((await runCli(['token', 'list'], env)).stdout.split('\n').find((row) => row.startsWith(id))).toMatch(/\sexpired\s/);
  });

  it.each([[['--id', 'x', '--token', 'y']], [['--id', 'not-a-uuid']]])('refuses revoke %j with a usage error (exit 2)', async (args) => {
    const result = await runCli(['token', 'revoke', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--id|--token/);
  });
});
