import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import { execFileAsync, ROOT, serviceEnv, startProcess, type ServiceProcess } from '../support/processes';
import { createEmptyDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';

// The image's install, without a Docker engine: the files the Dockerfile
// copies, `npm ci --omit=dev` on them (offline from the npm cache that the
// checkout's own install filled), then `moderato migrate` and the API's CMD
// from the result. A workspace missing from the image fails here, not in
// production.

/** The Dockerfile's steps up to the image's CMD, exactly as this test reproduces them below. */
const REPRODUCED_STEPS = [
  'FROM node:20-bookworm-slim AS install-files',
  'WORKDIR /checkout',
  'COPY . .',
  'RUN node scripts/docker/collect-install-files.mjs /checkout /install-files',
  'FROM node:20-bookworm-slim',
  'ENV NODE_ENV=production',
  'WORKDIR /app',
  'COPY --from=install-files /install-files/ ./',
  'RUN npm ci --omit=dev && npm cache clean --force',
  'COPY . .',
  'USER node',
  'EXPOSE 3000',
];

/** The Dockerfile's instructions, one a line, without comments and continuations. */
function dockerfileInstructions(): string[] {
  return readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line && !line.startsWith('#'));
}

/** Copies the checkout as `docker build` sends it: without what .dockerignore names. */
function copyBuildContext(destination: string): void {
  const ignored = dockerignore().add(readFileSync(path.join(ROOT, '.dockerignore'), 'utf8'));
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (ignored.ignores(child)) continue;
      if (entry.isDirectory()) walk(child);
      else cpSync(path.join(ROOT, child), path.join(destination, child));
    }
  };
  walk('');
}

const withoutNpmVariables = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));

let work: string;
let api: ServiceProcess | undefined;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'moderato-image-'));
});
afterAll(async () => {
  await api?.stop();
  rmSync(work, { recursive: true, force: true });
});

it('follows the steps this test reproduces', () => {
  const instructions = dockerfileInstructions();
  expect(instructions.slice(0, -1)).toEqual(REPRODUCED_STEPS);
  expect(instructions.at(-1)).toMatch(/^CMD \[/);
});

it('installs from the copied files alone, migrates a new database, and serves /healthz', async () => {
  const context = path.join(work, 'context');
  const app = path.join(work, 'app');
  copyBuildContext(context);
  mkdirSync(app);
  await execFileAsync(process.execPath, ['scripts/docker/collect-install-files.mjs', context, app], { cwd: context });
  await execFileAsync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: app,
    env: { ...withoutNpmVariables(process.env), NODE_ENV: 'production' },
  });
  cpSync(context, app, { recursive: true });

  const { env, baseUrl } = await serviceEnv(await createEmptyDatabase());
  const migrated = await execFileAsync(process.execPath, ['apps/cli/bin/moderato.js', 'migrate'], { cwd: app, env: { ...process.env, ...env } });
  expect(migrated.stdout + migrated.stderr).not.toMatch(/Cannot find module/);

  const [command, ...args] = JSON.parse(dockerfileInstructions().at(-1)!.slice('CMD '.length)) as string[];
  api = startProcess(command === 'node' ? process.execPath : command!, args, { cwd: app, env });
  const healthy = await eventually(async () => ((await fetch(`${baseUrl}/healthz`).catch(() => undefined))?.status === 200 ? true : undefined), 20_000, 'the API').catch(
    (error: Error) => new Error(`${error.message}\n${api!.output()}`),
  );
  expect(healthy).toBe(true);
}, 120_000);
