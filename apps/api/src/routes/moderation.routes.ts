import { Router, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { PersonalDataKeys } from '@moderato/core';
import type { Database, SiteDirectory } from '@moderato/db';
import type { PreviewPool } from '../preview/preview-pool';
import type { OnModerated } from '../webhooks/moderation-webhooks';
import { readCatalogues } from '../i18n/catalogues';
import { ADMIN_CATALOGUES_DIR, adminRoutes } from './admin.routes';
import { authRoutes, type LoginProtection } from './auth.routes';
import { overviewRoutes } from './overview.routes';
import { preferencesRoutes } from './preferences.routes';
import { qaRoutes } from './qa.routes';
import { reviewRoutes } from './review.routes';
import { settingsRoutes } from './settings.routes';

export interface ModerationRoutesOptions {
  db: Kysely<Database>;
  /** Every site, in memory. */
  sites: SiteDirectory;
  keys: PersonalDataKeys;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  login: LoginProtection;
  /** Settings previews run in worker threads. */
  previews: PreviewPool;
  /** Told of each moderator action (review queue or QA verdict) once committed: queues webhook events. */
  onModerated?: OnModerated;
}

/** Everything staff use: sign-in, their preferences, the review API, site settings, the QA list, the overview, the /admin dashboard. */
export function moderationRoutes(options: ModerationRoutesOptions): Router {
  const router = Router();
  const catalogues = readCatalogues(ADMIN_CATALOGUES_DIR);
  router.use(authRoutes(options));
  router.use(preferencesRoutes({ ...options, languages: Object.keys(catalogues) }));
  router.use(reviewRoutes(options));
  router.use(settingsRoutes(options));
  router.use(qaRoutes(options));
  router.use(overviewRoutes(options));
  router.use(adminRoutes({ catalogues }));
  return router;
}
