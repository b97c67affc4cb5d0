import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'mod_';

/** How long a new API token lives unless told otherwise; the longest it may live. */
export const API_TOKEN_LIFETIME_DAYS = { default: 90, max: 365 } as const;

/** A new API token: shown once to its owner; only its hash is stored. */
export function generateApiToken(): { token: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token) };
}

/**
 * SHA-256, not a slow hash: tokens carry 256 random bits, so there is nothing
 * to brute-force, and every request must check one quickly.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > TOKEN_PREFIX.length + 30 && value.length < 100;
}
