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
    });
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
