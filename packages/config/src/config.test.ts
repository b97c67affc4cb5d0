import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    expect(loadConfig({})).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/moderato',
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'moderato',
      trustProxy: false,
      apiProcesses: 1,
    });
  });

  it('takes a count of API processes, or one per core for auto', () => {
    expect(loadConfig({ MODERATO_API_PROCESSES: '3' }).apiProcesses).toBe(3);
    expect(loadConfig({ MODERATO_API_PROCESSES: 'auto' }).apiProcesses).toBe(availableParallelism());
    expect(() => loadConfig({ MODERATO_API_PROCESSES: 'many' })).toThrow(/MODERATO_API_PROCESSES: a whole number from 1 to 256, or auto/);
    expect(() => loadConfig({ MODERATO_API_PROCESSES: '0' })).toThrow(/MODERATO_API_PROCESSES/);
  });

  it('sets Postgres statement timeouts: a few seconds for the API, longer for the worker, 0 for none', () => {
    expect(loadConfig({}).statementTimeoutMs).toEqual({ api: 5_000, worker: 30_000 });
    expect(loadConfig({ MODERATO_STATEMENT_TIMEOUT_MS: '0', MODERATO_WORKER_STATEMENT_TIMEOUT_MS: '60000' }).statementTimeoutMs).toEqual({ api: 0, worker: 60_000 });
    expect(() => loadConfig({ MODERATO_STATEMENT_TIMEOUT_MS: '5s' })).toThrow(/MODERATO_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ MODERATO_WORKER_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/MODERATO_WORKER_STATEMENT_TIMEOUT_MS/);
  });

  it('requires a secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MODERATO_SECRET: required/);
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => loadConfig({ MODERATO_SECRET: 'short' })).toThrow(/at least 32 characters \(got 5\)/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'eighty', REDIS_URL: 'not a url' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });
});
