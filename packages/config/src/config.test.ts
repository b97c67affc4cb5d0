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
      host: '127.0.0.1',
      developmentSecret: true,
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

  it('takes a hop count, names or addresses and CIDR ranges of trusted proxies', () => {
    expect(loadConfig({ MODERATO_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ MODERATO_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ MODERATO_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ MODERATO_TRUST_PROXY: '10.0.0.0/8, 172.16.0.0/12,::1' }).trustProxy).toEqual(['10.0.0.0/8', '172.16.0.0/12', '::1']);
  });

  it.each(['true', 'all', 'TRUE'])('refuses MODERATO_TRUST_PROXY=%s, saying why and what to give instead', (value) => {
    expect(() => loadConfig({ MODERATO_TRUST_PROXY: value })).toThrow(/MODERATO_TRUST_PROXY: .*would trust every hop.*e\.g\. 1\), loopback/);
  });

  it.each([['10.0.0.0/33', 'invalid range'], ['proxy.internal', 'invalid IP address'], ['99', 'at most 32']])('refuses MODERATO_TRUST_PROXY=%s', (value, message) => {
    expect(() => loadConfig({ MODERATO_TRUST_PROXY: value })).toThrow(new RegExp(`MODERATO_TRUST_PROXY: ${message}`));
  });

  it('sets Postgres statement timeouts: a few seconds for the API, longer for the worker, 0 for none', () => {
    expect(loadConfig({}).statementTimeoutMs).toEqual({ api: 5_000, worker: 30_000 });
    expect(loadConfig({ MODERATO_STATEMENT_TIMEOUT_MS: '0', MODERATO_WORKER_STATEMENT_TIMEOUT_MS: '60000' }).statementTimeoutMs).toEqual({ api: 0, worker: 60_000 });
    expect(() => loadConfig({ MODERATO_STATEMENT_TIMEOUT_MS: '5s' })).toThrow(/MODERATO_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ MODERATO_WORKER_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/MODERATO_WORKER_STATEMENT_TIMEOUT_MS/);
  });

  it('keeps webhooks to https and public addresses unless the operator opens them', () => {
    expect(loadConfig({})).toMatchObject({ publicUrl: null, webhooks: { allowHttp: false, allowPrivateNetworks: false, retryDelayMs: 30_000 } });
    expect(
      loadConfig({ MODERATO_WEBHOOK_ALLOW_HTTP: 'on', MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'on', MODERATO_WEBHOOK_RETRY_DELAY_MS: '500', MODERATO_PUBLIC_URL: 'https://comments.example.org/' }),
    ).toMatchObject({ publicUrl: 'https://comments.example.org', webhooks: { allowHttp: true, allowPrivateNetworks: true, retryDelayMs: 500 } });
    expect(() => loadConfig({ MODERATO_WEBHOOK_ALLOW_HTTP: 'yes' })).toThrow(/MODERATO_WEBHOOK_ALLOW_HTTP/);
    expect(() => loadConfig({ MODERATO_PUBLIC_URL: 'ftp://x.example' })).toThrow(/MODERATO_PUBLIC_URL: an http\(s\) URL/);
  });

  it('requires a secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MODERATO_SECRET: required/);
  });

  it('listens on every interface with a secret of its own', () => {
    expect(loadConfig({ MODERATO_SECRET: 'x'.repeat(32) })).toMatchObject({ host: '0.0.0.0', developmentSecret: false });
  });

  it('without MODERATO_SECRET listens on loopback only, and refuses any other HOST naming the risk', () => {
    expect(loadConfig({ HOST: '::1' })).toMatchObject({ host: '::1', developmentSecret: true });
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      expect(() => loadConfig({ HOST: host })).toThrow(new RegExp(`HOST: ${host} accepts connections from other machines, but MODERATO_SECRET is not set.*decrypt the stored emails.*forge form tokens`));
    }
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
