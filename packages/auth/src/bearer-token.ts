import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * True when an Authorization header carries `Bearer <expected>`, for a
 * shared secret such as the metrics token. Compares digests in constant
 * time, so neither the token nor its length leaks through timing.
 */
export function bearerTokenMatches(authorization: string | undefined, expected: string): boolean {
  const [scheme, given] = (authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
