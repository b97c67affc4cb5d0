import path from 'node:path';
import express, { Router } from 'express';

/** The dashboard's static files: no build step, plain ES modules. */
export const ADMIN_ASSETS_DIR = path.resolve(__dirname, '../../../web/admin');

/** Serves the moderator dashboard at /admin. */
export function adminRoutes(): Router {
  const router = Router();
  router.use('/admin', express.static(ADMIN_ASSETS_DIR, { index: 'index.html', maxAge: '5m', fallthrough: true }));
  return router;
}
