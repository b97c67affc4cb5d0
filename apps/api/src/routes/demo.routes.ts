import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { createSite, SiteExistsError, type Database, type SiteDirectory } from '@moderato/db';

export interface DemoRoutesOptions {
  db: Kysely<Database>;
  sites: SiteDirectory;
  /** The demo page; read once when the routes are built. */
  pagePath?: string;
}

export const DEMO_SITE_ID = 'demo';
export const DEMO_PAGE_PATH = path.join(__dirname, '..', '..', '..', 'web', 'demo', 'demo.html');

// The page runs only our own script: a strict policy, and proof the embed
// needs no inline script or third-party origin. No upgrade-insecure-requests:
// the demo is usually opened on http://localhost.
const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `/demo`: an article page carrying the snippet, so `npm start` shows the
 * whole loop in a browser. Its site (`demo`) is created on first visit; it
 * accepts posts from the API's own origin only.
 */
export function demoRoutes({ db, sites, pagePath = DEMO_PAGE_PATH }: DemoRoutesOptions): Router {
  const router = Router();
  const page = readFileSync(pagePath, 'utf8');

  const ensureDemoSite = async () => {
    if (await sites.find(DEMO_SITE_ID)) return;
    try {
      await createSite(db, { id: DEMO_SITE_ID, name: 'Moderato demo', settings: { ...DEFAULT_SITE_SETTINGS, linkStyle: 'nofollow' } });
    } catch (error) {
      if (!(error instanceof SiteExistsError)) throw error;
    }
    await sites.refresh();
  };

  router.get('/demo', async (_req, res) => {
    await ensureDemoSite();
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DEMO_CSP, 'Cache-Control': 'no-cache' });
    res.send(page);
  });

  return router;
}
