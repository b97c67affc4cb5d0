import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isWorseThanLive } from '@moderato/core';
import {
  compareShadowDecisions,
  listSiteModelEvents,
  listSiteModels,
  promoteSiteModel,
  rollbackSiteModel,
  shadowSiteModel,
  SiteModelRefusal,
  weeklyAgreement,
  type Database,
} from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { siteForUser } from '../auth/site-access';
import { HttpError } from '../errors';
import { parseOrThrow, queryInteger } from '../validate';
import type { ModelsAnswer, TrainingQueued } from './models.openapi';

export interface ModelsRoutesOptions {
  db: Kysely<Database>;
  session: RequestHandler;
  /** Queues a training run for the site in the workers; resolves with the job id. */
  enqueueTraining: (siteId: string, requestedBy: string) => Promise<string>;
}

// "3" or "v3", as the CLI and the dashboard print versions.
export const versionSchema = z
  .string()
  .regex(/^v?[1-9][0-9]{0,8}$/, 'version must be a model version such as 3 or v3')
  .transform((value) => Number(value.replace(/^v/, '')));

export const promoteSchema = z.object({ force: z.boolean({ error: 'force must be true or false' }).default(false) }).strict();
export const emptySchema = z.object({}).strict();
export const comparisonQuerySchema = z.object({
  limit: queryInteger('limit', { min: 1, max: 200, fallback: 50 }),
});

/** Maps the repository's refusals to answers; anything else is the error handler's. */
function modelError(error: unknown): never {
  if (error instanceof SiteModelRefusal) throw new HttpError(error.code === 'not_found' ? 404 : 409, error.code, error.message);
  throw error;
}

/**
 * A site's own models: list and compare, train, shadow, promote, roll back.
 * Owners and admins of the site only: a model decides what gets published.
 */
export function modelsRoutes({ db, session, enqueueTraining }: ModelsRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];
  const signedInWrite: RequestHandler[] = [...signedIn, requireCsrf];
  const siteFor = (req: Request, res: Response) => siteForUser(db, currentUser(res), req.params.siteId, 'manage');
  const versionOf = (req: Request) => parseOrThrow(versionSchema, req.params.version, 'path', 'version');
  // A body is optional on these POSTs; when sent it must be a JSON object with only the named fields.
  const bodyOf = (req: Request) => (req.body === undefined ? {} : req.body);

  router.get('/api/v1/sites/:siteId/models', signedIn, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    const [models, agreement, events] = await Promise.all([listSiteModels(db, site.id), weeklyAgreement(db, site.id), listSiteModelEvents(db, site.id)]);
    res.json({
      live: site.models.live,
      shadow: site.models.shadow,
      models: models.map((model) => ({ ...model, worseThanLive: isWorseThanLive(model.metrics) })),
      agreement,
      events,
    } satisfies ModelsAnswer);
  });

  router.get('/api/v1/sites/:siteId/models/:version/comparison', signedIn, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    const version = versionOf(req);
    const { limit } = parseOrThrow(comparisonQuerySchema, req.query, 'query');
    if (!(await listSiteModels(db, site.id)).some((model) => model.version === version)) throw new HttpError(404, 'not_found', `site ${site.id} has no model v${version}`);
    res.json(await compareShadowDecisions(db, site.id, version, limit));
  });

  router.post('/api/v1/sites/:siteId/models/train', signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    parseOrThrow(emptySchema, bodyOf(req), 'body');
    const jobId = await enqueueTraining(site.id, currentUser(res).id);
    res.status(202).json({ jobId, siteId: site.id } satisfies TrainingQueued);
  });

  router.post('/api/v1/sites/:siteId/models/rollback', signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    parseOrThrow(emptySchema, bodyOf(req), 'body');
    res.json(await rollbackSiteModel(db, { siteId: site.id, actor: currentUser(res).id }).catch(modelError));
  });

  router.post('/api/v1/sites/:siteId/models/:version/promote', signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    const version = versionOf(req);
    const { force } = parseOrThrow(promoteSchema, bodyOf(req), 'body');
    res.json({ model: await promoteSiteModel(db, { siteId: site.id, version, actor: currentUser(res).id, force }).catch(modelError) });
  });

  router.post('/api/v1/sites/:siteId/models/:version/shadow', signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    const version = versionOf(req);
    parseOrThrow(emptySchema, bodyOf(req), 'body');
    res.json({ model: await shadowSiteModel(db, { siteId: site.id, version, actor: currentUser(res).id }).catch(modelError) });
  });

  return router;
}
