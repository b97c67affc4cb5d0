import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { PasswordChecksBusyError, type PasswordChecks } from '@moderato/auth';
import { findUserCredentials, type Database } from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { csrfTokenFor, requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { loginCredentials, parseLoginCredentials } from '../auth/login-credentials';
import { HttpError } from '../errors';
import type { SessionAnswer, SignedIn, SignedOut } from './auth.openapi';

/** What stands between an unauthenticated client and argon2id. */
export interface LoginProtection {
  /** Per-address and per-account limits; they read the credentials parsed before them. */
  limits: RequestHandler[];
  /** The process-wide cap on concurrent password checks. */
  passwordChecks: PasswordChecks;
}

export interface AuthRoutesOptions {
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  login: LoginProtection;
}

// A check waits at most a few seconds for a slot; a client told "busy" may try again as soon.
const BUSY_RETRY_SECONDS = 5;

async function checkPassword(checks: PasswordChecks, res: Response, passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    return await checks.verify(passwordHash, password);
  } catch (error) {
    if (!(error instanceof PasswordChecksBusyError)) throw error;
    res.set('Retry-After', String(BUSY_RETRY_SECONDS));
    throw new HttpError(503, 'sign_in_busy', `too many sign-ins at once; try again in ${BUSY_RETRY_SECONDS} seconds`);
  }
}

const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
const destroy = (req: Request) => new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));

/** Dashboard sign-in: a session cookie plus a CSRF token for every state-changing request. */
export function authRoutes({ db, session, login }: AuthRoutesOptions): Router {
  const router = Router();

  router.post('/api/v1/auth/login', parseLoginCredentials, ...login.limits, session, async (req, res) => {
    const { email, password } = loginCredentials(res);
    const found = await findUserCredentials(db, email);
    const valid = await checkPassword(login.passwordChecks, res, found?.passwordHash, password);
    if (!found || !valid) throw new HttpError(401, 'invalid_credentials', 'wrong email or password');
    // A new session id at sign-in, so a planted cookie cannot ride along.
    await regenerate(req);
    req.session.userId = found.user.id;
    res.json({ user: found.user, csrfToken: csrfTokenFor(req) } satisfies SignedIn);
  });

  router.get('/api/v1/auth/session', session, authenticate(db), (req, res) => {
    const user = currentUser(res);
    res.json({ user, csrfToken: req.session?.userId ? csrfTokenFor(req) : null } satisfies SessionAnswer);
  });

  router.post('/api/v1/auth/logout', session, authenticate(db), requireCsrf, async (req, res) => {
    currentUser(res);
    await destroy(req);
    res.json({ signedOut: true } satisfies SignedOut);
  });

  return router;
}
