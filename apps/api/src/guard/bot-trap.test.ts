import { createFormTokens } from './form-token';
import { createBotTrap, type TrapReason } from './bot-trap';

const SECRET = 'a-test-secret-that-is-long-enough-1234';
const tokens = createFormTokens(SECRET);
const NOW = 1_800_000_000_000;

describe('form tokens', () => {
  it('verifies its own token and reports its age', () => {
    const token = tokens.issue('blog', 'post-1', NOW);
    expect(tokens.verify(token, 'blog', 'post-1', NOW + 2_500)).toEqual({ kind: 'valid', ageMs: 2_500 });
  });

  it('refuses a token for another article, site or secret, or altered', () => {
    const token = tokens.issue('blog', 'post-1', NOW);
    expect(tokens.verify(token, 'blog', 'post-2', NOW).kind).toBe('invalid');
    expect(tokens.verify(token, 'other', 'post-1', NOW).kind).toBe('invalid');
    expect(createFormTokens(`${SECRET}-other`).verify(token, 'blog', 'post-1', NOW).kind).toBe('invalid');
    const [issuedAt, nonce, signature] = token.split('.');
    const older = `${(NOW - 60_000).toString(36)}.${nonce}.${signature}`;
    expect(tokens.verify(older, 'blog', 'post-1', NOW).kind).toBe('invalid');
    expect(tokens.verify(`${issuedAt}.${nonce}`, 'blog', 'post-1', NOW).kind).toBe('invalid');
    expect(tokens.verify('garbage', 'blog', 'post-1', NOW).kind).toBe('invalid');
    // 32 characters, 64 bytes: refused like any forgery, not thrown.
    expect(tokens.verify(`${issuedAt}.${nonce}.${'é'.repeat(32)}`, 'blog', 'post-1', NOW).kind).toBe('invalid');
  });

  it('calls a day-old token stale: no evidence either way', () => {
    const token = tokens.issue('blog', 'post-1', NOW);
    expect(tokens.verify(token, 'blog', 'post-1', NOW + 25 * 3600_000).kind).toBe('stale');
  });
});

describe('bot trap', () => {
  const counted: TrapReason[] = [];
  const trap = createBotTrap({ tokens, count: async (_site, reason) => void counted.push(reason) });
  const check = (evidence: { formToken?: string; website?: string }, at = NOW + 5_000) => trap.check('blog', 'post-1', evidence, at);

  it('lets a post without token or honeypot through, to be scored as usual', async () => {
    expect(await check({})).toBeUndefined();
    expect(await check({ website: '  ' })).toBeUndefined();
  });

  it('lets a form filled in over 2 s through', async () => {
    expect(await check({ formToken: tokens.issue('blog', 'post-1', NOW), website: '' }, NOW + 2_000)).toBeUndefined();
  });

  it('traps a filled honeypot, a submit under 2 s and a forged token, and counts each', async () => {
    counted.length = 0;
    expect(await check({ website: 'http://spam.example' })).toBe('honeypot');
    expect(await check({ formToken: tokens.issue('blog', 'post-1', NOW) }, NOW + 1_999)).toBe('too-fast');
    expect(await check({ formToken: tokens.issue('blog', 'post-9', NOW) })).toBe('bad-token');
    expect(counted).toEqual(['honeypot', 'too-fast', 'bad-token']);
  });
});
