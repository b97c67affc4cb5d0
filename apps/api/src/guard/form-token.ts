import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveSecretKey } from '@moderato/core';

/** What a form token says about the post that carries it. */
export type FormTokenVerdict =
  | { kind: 'valid'; ageMs: number }
  /** Signed by us but too old to say anything: treated like no token. */
  | { kind: 'stale' }
  /** Forged, altered, or issued for another site or article. */
  | { kind: 'invalid' };

export interface FormTokens {
  /** A token saying "the form for this article was rendered now". */
  issue(siteId: string, articleId: string, now?: number): string;
  verify(token: string, siteId: string, articleId: string, now?: number): FormTokenVerdict;
}

// A reader may leave a tab open for a day; past that the token proves nothing.
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
// Clocks of several API processes may differ a little.
const CLOCK_SKEW_MS = 5_000;
const SIGNATURE_LENGTH = 32;

/**
 * Signed "form rendered at" tokens: `<issuedAt base36>.<nonce>.<hmac>`. The
 * key is derived from the install secret (HKDF, its own label), so it is
 * independent of the email keys. `clock` is there for tests, which move it
 * forward instead of waiting out the minimum fill time.
 */
export function createFormTokens(secret: string, clock: () => number = Date.now): FormTokens {
  const key = deriveSecretKey(secret, 'form-token-v1');
  const sign = (siteId: string, articleId: string, issuedAt: string, nonce: string) =>
    createHmac('sha256', key).update(`${siteId}\0${articleId}\0${issuedAt}\0${nonce}`).digest('base64url').slice(0, SIGNATURE_LENGTH);

  return {
    issue(siteId, articleId, now = clock()) {
      const issuedAt = now.toString(36);
      const nonce = randomBytes(9).toString('base64url');
      return `${issuedAt}.${nonce}.${sign(siteId, articleId, issuedAt, nonce)}`;
    },
    verify(token, siteId, articleId, now = clock()) {
      const [issuedAt, nonce, signature] = token.split('.');
      if (!issuedAt || !nonce || !signature || signature.length !== SIGNATURE_LENGTH) return { kind: 'invalid' };
      // Compared as bytes: 32 characters may be more than 32 bytes, and
      // timingSafeEqual throws on buffers of different lengths.
      const given = Buffer.from(signature);
      const expected = Buffer.from(sign(siteId, articleId, issuedAt, nonce));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'invalid' };
      const ageMs = now - parseInt(issuedAt, 36);
      if (!Number.isFinite(ageMs) || ageMs < -CLOCK_SKEW_MS) return { kind: 'invalid' };
      if (ageMs > MAX_AGE_MS) return { kind: 'stale' };
      return { kind: 'valid', ageMs };
    },
  };
}
