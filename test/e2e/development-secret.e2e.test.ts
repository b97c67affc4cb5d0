import { once } from 'node:events';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { runCli, serviceEnv, startService, type ServiceProcess } from '../support/processes';
import { eventually } from '../support/eventually';

// Without MODERATO_SECRET the install runs on a published secret: it must
// say so, and stay where only this machine can reach it.
let testDb: TestDatabase;
const started: ServiceProcess[] = [];

/** `npm start`'s environment with MODERATO_SECRET and HOST unset, as a first try would have it. */
async function envWithoutSecret(extra: NodeJS.ProcessEnv = {}) {
  const { env, baseUrl } = await serviceEnv(testDb.url, { NODE_ENV: 'development', MODERATO_SECRET: undefined, HOST: undefined, ...extra });
  return { env, baseUrl };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  for (const service of started) await service.stop();
  await testDb.close();
});

it('listens on loopback only and warns that the development secret is public', async () => {
  const { env, baseUrl } = await envWithoutSecret();
  const api = startService('api', env);
  started.push(api);
  await eventually(async () => ((await fetch(`${baseUrl}/healthz`).catch(() => undefined))?.ok ? true : undefined), 20_000, 'the API');
  expect(api.output()).toMatch(/MODERATO_SECRET is not set: the built-in development secret is public.*decrypt the stored emails.*Listening on loopback only/);
  expect(api.output()).toContain(`"url":"http://127.0.0.1:`);
});

it.each([['api'], ['worker']] as const)('the %s refuses HOST=0.0.0.0 without a secret, saying why', async (name) => {
  const { env } = await envWithoutSecret({ HOST: '0.0.0.0' });
  const service = startService(name, env);
  started.push(service);
  const [code] = (await once(service.child, 'exit')) as [number | null];
  expect(code).toBe(1);
  expect(service.output()).toMatch(/HOST: 0\.0\.0\.0 accepts connections from other machines, but MODERATO_SECRET is not set/);
  expect(service.output()).toContain('openssl rand -hex 32');
}, 20_000);

it('`moderato start` refuses HOST=0.0.0.0 without a secret before migrating or starting anything', async () => {
  const { env } = await envWithoutSecret({ HOST: '0.0.0.0' });
  const result = await runCli(['start'], env);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/HOST: 0\.0\.0\.0 accepts connections from other machines/);
  expect(result.stdout).not.toContain('Moderato is starting');
}, 20_000);
