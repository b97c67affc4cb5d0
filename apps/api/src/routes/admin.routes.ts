import path from 'node:path';
import express, { Router } from 'express';
import type { Catalogue } from '../i18n/catalogues';

/** The dashboard's static files: no build step, plain ES modules. */
export const ADMIN_ASSETS_DIR = path.resolve(__dirname, '../../../web/admin');
/** Its message catalogues, one `<language>.json` each, served with the other files. */
export const ADMIN_CATALOGUES_DIR = path.join(ADMIN_ASSETS_DIR, 'i18n');

export interface AdminRoutesOptions {
  /** The dashboard's catalogues by language, read at start. */
  catalogues: Record<string, Catalogue>;
}

/** Serves the moderator dashboard at /admin, and the list of languages it speaks. */
export function adminRoutes({ catalogues }: AdminRoutesOptions): Router {
  const router = Router();
  // Each catalogue names its own language, as its speakers write it.
  const languages = Object.entries(catalogues).map(([code, catalogue]) => ({ code, name: String(catalogue['language.name'] ?? code) }));
  router.get('/admin/i18n/languages.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json({ languages });
  });
  router.use('/admin', express.static(ADMIN_ASSETS_DIR, { index: 'index.html', maxAge: '5m', fallthrough: true }));
  return router;
}
