import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { OVERVIEW_RANGES } from '@moderato/core';
import { loadSiteOverview, type Database } from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { currentUser } from '../auth/current-user';
import { siteForUser } from '../auth/site-access';
import { parseOrThrow } from '../validate';
import type { OverviewAnswer } from './overview.openapi';

export interface OverviewRoutesOptions {
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
}

const RANGES_TEXT = OVERVIEW_RANGES.join(', ');
export const overviewQuerySchema = z.object({
  days: z.coerce
    .number({ error: `days must be one of ${RANGES_TEXT}` })
    .refine((days): days is (typeof OVERVIEW_RANGES)[number] => (OVERVIEW_RANGES as readonly number[]).includes(days), `days must be one of ${RANGES_TEXT}`)
    .default(30),
});

/** A site's overview in aggregate, for anyone working on the site: moderators see their own workload too. */
export function overviewRoutes({ db, session }: OverviewRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];

  router.get('/api/v1/sites/:siteId/overview', signedIn, async (req: Request, res: Response) => {
    const site = await siteForUser(db, currentUser(res), req.params.siteId, 'work');
    const { days } = parseOrThrow(overviewQuerySchema, req.query, 'query');
    res.json((await loadSiteOverview(db, { siteId: site.id, days })) satisfies OverviewAnswer);
  });

  return router;
}
