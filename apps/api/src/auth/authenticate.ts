import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import { hashApiToken, looksLikeApiToken } from '@moderato/auth';
import { findUserById, findUserByTokenHash, type Database } from '@moderato/db';
import { HttpError } from '../errors';
import { setAuthenticated } from './current-user';

const invalidToken = () => new HttpError(401, 'invalid_token', 'the API token is missing, malformed, revoked, expired or unknown');

/**
 * Finds who is calling: `Authorization: Bearer <token>` first, else the
 * session cookie. Anonymous requests pass through; routes that need a user
 * ask `currentUser`, which answers 401.
 */
export function authenticate(db: Kysely<Database>): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token || !looksLikeApiToken(token)) {
        throw invalidToken();
      }
      const user = await findUserByTokenHash(db, hashApiToken(token));
      if (!user) throw invalidToken();
      setAuthenticated(res, { user, method: 'token' });
      return next();
    }
    const userId = req.session?.userId;
    if (userId) {
      const user = await findUserById(db, userId);
      if (user) setAuthenticated(res, { user, method: 'session' });
    }
    next();
  };
}
