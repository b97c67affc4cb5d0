import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { setUserLanguage, type Database } from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { invalidField } from '../errors';
import { parseOrThrow } from '../validate';
import type { Preferences } from './preferences.openapi';

export interface PreferencesRoutesOptions {
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  /** The languages the dashboard has catalogues for. */
  languages: string[];
}

/** The shape of a change; which languages exist is known at start, from the dashboard's catalogues. */
export const preferencesSchema = z
  .object({
    language: z
      .string({ error: 'language must be a language tag, or null to follow the browser' })
      .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, 'language must be a lower-case language tag, like ru')
      .nullable()
      .meta({ description: 'A language the dashboard speaks (GET /admin/i18n/languages.json), or null to follow the browser.' }),
  })
  .strict();

/**
 * A staff user's own dashboard preferences: for now its language, which the
 * sign-in and session answers carry too (`user.language`).
 */
export function preferencesRoutes({ db, session, languages }: PreferencesRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];

  router.get('/api/v1/me/preferences', signedIn, (_req: Request, res: Response) => {
    res.json({ language: currentUser(res).language } satisfies Preferences);
  });

  router.put('/api/v1/me/preferences', signedIn, requireCsrf, async (req: Request, res: Response) => {
    const user = currentUser(res);
    const { language } = parseOrThrow(preferencesSchema, req.body, 'body');
    if (language !== null && !languages.includes(language)) {
      throw invalidField('language', `language must be one of ${languages.join(', ')}, or null to follow the browser`);
    }
    await setUserLanguage(db, user.id, language);
    res.json({ language } satisfies Preferences);
  });

  return router;
}
