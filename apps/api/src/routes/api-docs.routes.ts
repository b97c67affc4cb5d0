import { Router } from 'express';
import { version } from '../../package.json';
import { buildApiDocument } from '../openapi/api-document';
import type { ApiOperation } from '../openapi/api-operation';
import { API_OPERATIONS } from '../openapi/api-operations';

export interface ApiDocsRoutesOptions {
  /** What to document; the whole API unless a test narrows it. */
  operations?: readonly ApiOperation[];
}

// The document changes only with a release: caches may keep it an hour, and revalidate on the ETag after.
const CACHE_CONTROL = 'public, max-age=3600';

/** GET /api/v1/openapi.json: the HTTP API described from the routes' own zod schemas, built once at start. */
export function apiDocsRoutes({ operations = API_OPERATIONS }: ApiDocsRoutesOptions = {}): Router {
  const router = Router();
  const body = JSON.stringify(buildApiDocument(operations, version));
  router.get('/api/v1/openapi.json', (_req, res) => {
    // Anyone may read it, from any page: it holds nothing that is not public.
    res.set({ 'Cache-Control': CACHE_CONTROL, 'Access-Control-Allow-Origin': '*' }).type('application/json').send(body);
  });
  return router;
}
