import { Router, type Request, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { verifyAgainstDecoy, verifyPassword } from '@moderato/auth';
import { findUserCredentials, type Database } from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { csrfTokenFor, requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { HttpError } from '../errors';
import { parseOrThrow } from '../validate';

export interface AuthRoutesOptions {
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  loginRateLimit: RequestHandler;
}

const loginSchema = z.object({
  email: z.string({ error: 'email must be a string' }).trim().min(1, 'email is required').max(254),
  password: z.string({ error: 'password must be a string' }).min(1, 'password is required').max(1024),
});

const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
const destroy = (req: Request) => new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));

/** Dashboard sign-in: a session cookie plus a CSRF token for every state-changing request. */
export function authRoutes({ db, session, loginRateLimit }: AuthRoutesOptions): Router {
  const router = Router();

  router.post('/api/v1/auth/login', loginRateLimit, session, async (req, res) => {
    const { email, password } = parseOrThrow(loginSchema, req.body, 'body');
    const found = await findUserCredentials(db, email);
    const valid = found ? await verifyPassword(found.passwordHash, password) : await verifyAgainstDecoy(password);
    if (!found || !valid) throw new HttpError(401, 'invalid_credentials', 'wrong email or password');
    // A new session id at sign-in, so a planted cookie cannot ride along.
    await regenerate(req);
    req.session.userId = found.user.id;
    res.json({ user: found.user, csrfToken: csrfTokenFor(req) });
  });

  router.get('/api/v1/auth/session', session, authenticate(db), (req, res) => {
    const user = currentUser(res);
    res.json({ user, csrfToken: req.session?.userId ? csrfTokenFor(req) : null });
  });

  router.post('/api/v1/auth/logout', session, authenticate(db), requireCsrf, async (req, res) => {
    currentUser(res);
    await destroy(req);
    res.json({ signedOut: true });
  });

  return router;
}
