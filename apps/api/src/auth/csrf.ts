import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { HttpError } from '../errors';
import { authMethod } from './current-user';

/** The header the dashboard sends its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

const { generateToken, csrfSynchronisedProtection } = csrfSync({
  getTokenFromRequest: (req: Request) => req.headers[CSRF_HEADER] as string | undefined,
});

/** The session's CSRF token, made on first use (synchronizer token pattern). */
export const csrfTokenFor = (req: Request): string => generateToken(req);

/**
 * Checks the CSRF token on state-changing requests that rely on the session
 * cookie. Bearer-token requests carry no ambient authority, so they need none.
 */
export const requireCsrf: RequestHandler = (req, res, next) => {
  if (authMethod(res) !== 'session') return next();
  csrfSynchronisedProtection(req, res, (error?: unknown) => {
    if (error) return next(new HttpError(403, 'csrf_token_invalid', `missing or wrong ${CSRF_HEADER} header`));
    next();
  });
};
