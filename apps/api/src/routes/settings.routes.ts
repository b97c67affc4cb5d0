import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { mergeSettingsPatch, siteSettingsSchema, type SiteSettings } from '@moderato/core';
import { listSettingsVersions, saveArticleSettings, saveSiteSettings, type Database, type Site, type User } from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { siteForUser } from '../auth/site-access';
import { invalidField } from '../errors';
import { articleIdSchema } from '../comment-input';
import type { PreviewPool } from '../preview/preview-pool';
import { parseOrThrow, queryInteger } from '../validate';
import type { ArticleSettingsAnswer, SettingsAnswer, SettingsVersionsAnswer } from './settings.openapi';

export interface SettingsRoutesOptions {
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  /** Where previews are computed, off the event loop. */
  previews: PreviewPool;
}

export const articleSwitchesSchema = z
  .object({ closed: z.boolean({ error: 'closed must be true or false' }), premoderate: z.boolean({ error: 'premoderate must be true or false' }) })
  .partial()
  .strict();

/** The most comments one preview re-decides: re-running the rules on 10,000 texts is about a second of CPU. */
const MAX_PREVIEW_COMMENTS = 10_000;

/** How many recent comments a preview re-decides: 1,000 unless asked. */
export const previewQuerySchema = z.object({
  limit: queryInteger('limit', { min: 1, max: MAX_PREVIEW_COMMENTS, fallback: 1_000 }),
});

const plainObject = z.record(z.string(), z.unknown(), { error: 'send the changed settings as a JSON object' });

/** Site settings: anyone working on the site reads them; owners and admins change them. */
export function settingsRoutes({ db, session, previews }: SettingsRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];
  const signedInWrite: RequestHandler[] = [...signedIn, requireCsrf];

  const siteFor = (user: User, rawSiteId: unknown, { toChange }: { toChange: boolean }): Promise<Site> => siteForUser(db, user, rawSiteId, toChange ? 'manage' : 'work');

  router.get('/api/v1/sites/:siteId/settings', signedIn, async (req: Request, res: Response) => {
    const site = await siteFor(currentUser(res), req.params.siteId, { toChange: false });
    res.json({ settings: site.settings, version: site.settingsVersion } satisfies SettingsAnswer);
  });

  router.put('/api/v1/sites/:siteId/settings', signedInWrite, async (req: Request, res: Response) => {
    const user = currentUser(res);
    const site = await siteFor(user, req.params.siteId, { toChange: true });
    const patch = parseOrThrow(plainObject, req.body, 'body');
    // Merged with the settings read under the row lock, not the ones read above: a concurrent save is kept.
    const change = (current: SiteSettings) => parseOrThrow(siteSettingsSchema, mergeSettingsPatch(current, patch), 'body');
    res.json(await saveSiteSettings(db, site.id, change, user.id));
  });

  // Saves nothing: re-decides recent comments under candidate settings, from their stored scores.
  // The proposed settings pass the same schema as a save (list sizes included) before anything compiles them.
  router.post('/api/v1/sites/:siteId/settings/preview', signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(currentUser(res), req.params.siteId, { toChange: false });
    const { limit } = parseOrThrow(previewQuerySchema, req.query, 'query');
    const patch = parseOrThrow(plainObject, req.body, 'body');
    const proposed = parseOrThrow(siteSettingsSchema, mergeSettingsPatch(site.settings, patch), 'body');
    res.json(await previews.run({ siteId: site.id, limit, current: site.settings, proposed }));
  });

  router.get('/api/v1/sites/:siteId/settings/versions', signedIn, async (req: Request, res: Response) => {
    const site = await siteFor(currentUser(res), req.params.siteId, { toChange: false });
    res.json({ versions: await listSettingsVersions(db, site.id) } satisfies SettingsVersionsAnswer);
  });

  router.put('/api/v1/sites/:siteId/articles/:articleId/settings', signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(currentUser(res), req.params.siteId, { toChange: true });
    const articleId = parseOrThrow(articleIdSchema, req.params.articleId, 'path', 'articleId');
    const patch = parseOrThrow(articleSwitchesSchema, req.body, 'body');
    if (Object.keys(patch).length === 0) throw invalidField('closed', 'send closed and/or premoderate');
    res.json({ articleId, ...(await saveArticleSettings(db, site.id, articleId, patch)) } satisfies ArticleSettingsAnswer);
  });

  return router;
}
