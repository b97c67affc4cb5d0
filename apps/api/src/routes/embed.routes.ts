import { Router, type Request, type Response } from 'express';
import type { SiteDirectory } from '@moderato/db';
import { articleIdSchema, siteIdSchema } from '../comment-input';
import { notFound, unavailableIfDown } from '../errors';
import type { FormTokens } from '../guard/form-token';
import { buildEmbedScript, staticAsset, type StaticAsset } from '../embed-asset';
import { readCatalogues } from '../i18n/catalogues';
import { publicReadCors } from '../middleware/intake-cors.middleware';
import { parseOrThrow } from '../validate';
import type { FormAnswer } from './embed.openapi';

export interface EmbedRoutesOptions {
  sites: SiteDirectory;
  tokens: FormTokens;
  /** Path of embed.js; read once when the routes are built. */
  scriptPath: string;
  /** Its message catalogues, one `<language>.json` each; read once too. */
  cataloguesDir: string;
}

// The snippet's URL never changes, so caches revalidate often (cheap: 304
// on the ETag) rather than hold an old script for days.
const SCRIPT_CACHE_CONTROL = 'public, max-age=600, stale-while-revalidate=86400';

const PUBLIC_READS = [/^\/api\/v1\/sites\/[^/]+\/articles\/[^/]+\/comments$/, /^\/api\/v1\/comments\/[^/]+$/];

/** Sends a static asset gzipped when the client takes it, with its ETag; 304 when the client has it. */
function sendAsset(req: Request, res: Response, asset: StaticAsset, contentType: string): void {
  const gzip = /\bgzip\b/.test(req.get('accept-encoding') ?? '');
  const etag = gzip ? asset.gzipEtag : asset.etag;
  const notModified = (req.get('if-none-match') ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  res.set({
    'Content-Type': contentType,
    'Cache-Control': SCRIPT_CACHE_CONTROL,
    ETag: etag,
    Vary: 'Accept-Encoding',
    // Helmet's default (same-origin) would stop other sites loading it.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  if (notModified) return void res.status(304).end();
  if (gzip) res.set('Content-Encoding', 'gzip');
  res.send(gzip ? asset.gzipped : asset.body);
}

/**
 * What a page carrying the snippet needs from the API: the script itself,
 * and per form a signed "rendered at" token with the settings the form
 * checks on the page.
 */
export function embedRoutes({ sites, tokens, scriptPath, cataloguesDir }: EmbedRoutesOptions): Router {
  const router = Router();
  const catalogues = readCatalogues(cataloguesDir);
  const script = staticAsset(buildEmbedScript(scriptPath, catalogues));
  const catalogueFiles = new Map(Object.entries(catalogues).map(([language, catalogue]) => [`${language}.json`, staticAsset(Buffer.from(JSON.stringify(catalogue)))]));

  router.get('/embed.js', (req, res) => sendAsset(req, res, script, 'text/javascript; charset=utf-8'));

  // A reader's language, fetched by the script when it is not English.
  router.get('/embed/i18n/:file', publicReadCors, (req, res) => {
    const catalogue = catalogueFiles.get(String(req.params.file));
    if (!catalogue) throw notFound('catalogue');
    sendAsset(req, res, catalogue, 'application/json; charset=utf-8');
  });

  // The thread and status reads are answered by the comments routes; this
  // only adds the header. A `use`, not a `get`: a GET route here would make
  // this router answer the intake's preflight (OPTIONS) itself.
  router.use((req, res, next) => {
    if (req.method === 'GET' && PUBLIC_READS.some((pattern) => pattern.test(req.path))) return publicReadCors(req, res, next);
    next();
  });

  router.get('/api/v1/sites/:siteId/articles/:articleId/form', publicReadCors, async (req, res) => {
    const siteId = String(req.params.siteId);
    const site = siteIdSchema.safeParse(siteId).success
      ? await sites.find(siteId).catch(unavailableIfDown('the site directory'))
      : undefined;
    if (!site) throw notFound('site');
    const articleId = parseOrThrow(articleIdSchema, req.params.articleId, 'path', 'articleId');
    res.set('Cache-Control', 'no-store');
    res.json({
      token: tokens.issue(site.id, articleId),
      linkStyle: site.settings.linkStyle,
      maxBodyLength: site.settings.maxBodyLength,
    } satisfies FormAnswer);
  });

  return router;
}
