import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { setUserLanguage, type Database } from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { parseOrThrow } from '../validate';

export interface PreferencesRoutesOptions {
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  /** The languages the dashboard has catalogues for. */
  languages: string[];
}

/**
 * A staff user's own dashboard preferences: for now its language, which the
 * sign-in and session answers carry too (`user.language`).
 */
export function preferencesRoutes({ db, session, languages }: PreferencesRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];
  const choice = `language must be one of ${languages.join(', ')}, or null to follow the browser`;
  const preferencesSchema = z
    .object({ language: z.enum(languages as [string, ...string[]], { error: choice }).nullable() })
    .strict();

  router.get('/api/v1/me/preferences', signedIn, (_req: Request, res: Response) => {
    res.json({ language: currentUser(res).language });
  });

  router.put('/api/v1/me/preferences', signedIn, requireCsrf, async (req: Request, res: Response) => {
    const user = currentUser(res);
    const { language } = parseOrThrow(preferencesSchema, req.body, 'body');
    await setUserLanguage(db, user.id, language);
    res.json({ language });
  });

  return router;
}
