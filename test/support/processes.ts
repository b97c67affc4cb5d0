import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEST_SECRET } from './fixtures';
import { freePort } from './redis-server';
import { testRedisUrl, uniqueQueuePrefix } from './test-database';
import { eventually } from './eventually';

export const ROOT = path.join(__dirname, '..', '..');
const MODERATO_BIN = path.join(ROOT, 'apps/cli/bin/moderato.js');

/** Runs `moderato ...` as a user would, and returns what it printed. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MODERATO_BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(input ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code: code ?? -1, stdout, stderr };
}

export const execFileAsync = promisify(execFile);

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `apps/<name>/src/main.ts` the way `npm run start:<name>` does, capturing its output. */
export function startService(name: 'api' | 'worker', env: NodeJS.ProcessEnv): ServiceProcess {
  return startProcess(process.execPath, ['--import', 'tsx', path.join(ROOT, `apps/${name}/src/main.ts`)], { cwd: ROOT, env });
}

/** Starts a long-running command, capturing its output. */
export function startProcess(command: string, args: string[], { cwd, env }: { cwd: string; env: NodeJS.ProcessEnv }): ServiceProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** The environment `npm start` would give the API and worker, on a free loopback port. */
export async function serviceEnv(databaseUrl: string, extra: NodeJS.ProcessEnv = {}): Promise<{ env: NodeJS.ProcessEnv; baseUrl: string }> {
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    MODERATO_QUEUE_PREFIX: uniqueQueuePrefix(),
    MODERATO_SECRET: TEST_SECRET,
    ...extra,
  };
  return { env, baseUrl: `http://127.0.0.1:${port}` };
}

/** Starts the API and one worker as processes and waits until both are ready. */
export async function startApiAndWorker(env: NodeJS.ProcessEnv, baseUrl: string): Promise<{ api: ServiceProcess; worker: ServiceProcess }> {
  const api = startService('api', env);
  const worker = startService('worker', env);
  await eventually(async () => ((await fetch(`${baseUrl}/readyz`).catch(() => undefined))?.status === 200 ? true : undefined), 20_000, 'the API');
  await eventually(async () => (worker.output().includes('worker ready') ? true : undefined), 20_000, 'the worker');
  return { api, worker };
}

/** An HTTP client that keeps every answer's body and headers, for privacy sweeps. */
export function recordingClient(baseUrl: () => string) {
  const responses: string[] = [];
  async function call(path: string, init: RequestInit = {}, record = true): Promise<{ status: number; json: any }> {
    const response = await fetch(`${baseUrl()}${path}`, init);
    const text = await response.text();
    if (record) responses.push(text, JSON.stringify([...response.headers]));
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }
  return { call, responses };
}
