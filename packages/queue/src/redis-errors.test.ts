import { Redis, ReplyError } from 'ioredis';
import { isRedisUnavailable } from './redis-errors';

describe('isRedisUnavailable', () => {
  it('says yes to a command refused while the producer has no connection', async () => {
    // Nothing listens on port 1; with no offline queue ioredis refuses at once.
    const sut = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    sut.on('error', () => undefined);
    const refused = await sut.get('k').catch((error: unknown) => error);
    sut.disconnect();
    expect(isRedisUnavailable(refused)).toBe(true);
  });

  it.each([
    new Error('Connection is closed.'),
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }),
    new ReplyError('LOADING Redis is loading the dataset in memory'),
    new ReplyError("OOM command not allowed when used memory > 'maxmemory'."),
  ])('says yes to %s', (error) => expect(isRedisUnavailable(error)).toBe(true));

  it.each([
    new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'),
    new ReplyError('ERR unknown command'),
    new Error('a message that merely mentions Connection is closed.'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
    undefined,
  ])('says no to %s', (error) => expect(isRedisUnavailable(error)).toBe(false));
});
