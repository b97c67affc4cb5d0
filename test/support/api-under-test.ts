import { loadConfig, createLogger, type Logger } from '@moderato/config';
import { startApiServer, type ApiServer, type ApiServerHooks } from '../../apps/api/src/server';
import { TEST_SECRET } from './fixtures';
import { Writable } from 'node:stream';

/** Captures log lines so tests can search them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.lines.join('');
  }
}

export interface ApiUnderTest {
  sut: ApiServer;
  logs: LogCapture;
  logger: Logger;
}

/** The real API, in-process, on an ephemeral port, with its logs captured. */
export async function startApiUnderTest(
  env: { databaseUrl: string; redisUrl: string; queuePrefix: string },
  // Rate limits and the duplicate check are off unless a test turns them on:
  // most tests post many (often identical) comments from one address.
  extraEnv: Record<string, string> = { MODERATO_RATE_LIMIT: 'off', MODERATO_DUPLICATE_WINDOW_SECONDS: '0' },
  hooks: ApiServerHooks = {},
): Promise<ApiUnderTest> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    MODERATO_QUEUE_PREFIX: env.queuePrefix,
    MODERATO_SECRET: TEST_SECRET,
    LOG_LEVEL: 'info',
    ...extraEnv,
  });
  const logs = new LogCapture();
  const logger = createLogger({ level: config.logLevel, service: 'api', destination: logs });
  return { sut: await startApiServer(config, logger, hooks), logs, logger };
}

/** One request with a JSON body (a string goes as it is, undefined as none) and its answer, parsed when there is one. */
export async function requestJson(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as any) : undefined, headers: response.headers };
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) => requestJson('POST', url, body, headers);
