import { createHmac } from 'node:crypto';
import { signWebhook as sut, verifyWebhookSignature } from './signature';
import { createWebhookSecrets } from './signing-secret';

const SECRET = 'whsec_test';
const BODY = '{"id":"e1","type":"comment.held"}';
const NOW = 1_790_000_000_000;
const T = NOW / 1000;

describe('signWebhook', () => {
  it('signs "<t>.<body>" with HMAC-SHA-256, as t=...,v1=<hex>', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(sut(SECRET, BODY, T)).toBe(`t=${T},v1=${expected}`);
  });
});

describe('verifyWebhookSignature', () => {
  const header = sut(SECRET, BODY, T);

  it('accepts the signature of the exact body within five minutes', () => {
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: NOW })).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: NOW + 299_000 })).toBe(true);
  });

  it.each([
    ['another body', SECRET, `${BODY} `, NOW],
    ['another secret', 'whsec_other', BODY, NOW],
    ['too old (a replay)', SECRET, BODY, NOW + 301_000],
    ['from the future', SECRET, BODY, NOW - 301_000],
  ])('refuses %s', (_what, secret, body, now) => {
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(false);
  });

  it('refuses a header that is missing, malformed, or whose time was changed', () => {
    for (const bad of [undefined, null, '', 'v1=abc', `t=${T}`, `t=x,v1=${'0'.repeat(64)}`, header.replace(`t=${T}`, `t=${T + 1}`)]) {
      expect(verifyWebhookSignature(SECRET, bad, BODY, { now: NOW })).toBe(false);
    }
  });

  it('accepts any of several v1 signatures (a receiver between two secrets)', () => {
    const other = sut('whsec_old', BODY, T).split(',')[1];
    expect(verifyWebhookSignature(SECRET, `${header},${other}`, BODY, { now: NOW })).toBe(true);
  });
});

describe('createWebhookSecrets', () => {
  it('works the same secret out of the same salt, and another out of another salt or master secret', () => {
    const secrets = createWebhookSecrets('m'.repeat(32));
    const salt = secrets.newSalt();
    expect(secrets.secretFor(salt)).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(secrets.secretFor(salt)).toBe(createWebhookSecrets('m'.repeat(32)).secretFor(salt));
    expect(secrets.secretFor(secrets.newSalt())).not.toBe(secrets.secretFor(salt));
    expect(createWebhookSecrets('n'.repeat(32)).secretFor(salt)).not.toBe(secrets.secretFor(salt));
  });
});
