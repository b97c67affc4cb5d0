import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { SiteDirectory } from '@moderato/db';
import { HttpError, unavailableIfDown } from '../errors';

export interface IntakeCorsOptions {
  sites: SiteDirectory;
  /** The request's protocol as Express works it out (trust proxy and X-Forwarded-Proto). */
  protocolOf: (req: IncomingMessage) => string;
}

/** `continue`: go on with the request; `answered`: the preflight has had its 204. */
export type CorsOutcome = 'continue' | 'answered';

/** CORS for one intake request of the site named in its path; throws the 403 for an origin the site does not accept. */
export type IntakeCors = (req: IncomingMessage, res: ServerResponse, siteId: string) => Promise<CorsOutcome>;

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

export const originNotAllowed = (origin: string) =>
  new HttpError(403, 'origin_not_allowed', `this site does not accept comments from pages at ${origin}`);

/**
 * On plain Node requests: the intake's posts never become Express requests
 * (intake-listener.ts). Nothing earlier on the intake sets Vary, so it is set,
 * not appended to.
 */
export function intakeCors({ sites, protocolOf }: IntakeCorsOptions): IntakeCors {
  // The API's own pages (the /demo article) post from the API's origin.
  const isOwnOrigin = (req: IncomingMessage, origin: string) => originOf(`${protocolOf(req)}://${req.headers.host ?? ''}`) === origin;
  return async (req, res, siteId) => {
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (req.method !== 'OPTIONS') return 'continue';
      res.setHeader('Allow', 'POST, OPTIONS');
      res.statusCode = 204;
      res.end();
      return 'answered';
    }
    res.setHeader('Vary', 'Origin');
    const site = await sites.find(siteId).catch(unavailableIfDown('the site directory'));
    // An unknown site is the route's 404 to give.
    if (!site) return 'continue';
    const allowed = isOwnOrigin(req, origin) || site.settings.allowedOrigins.some((allowed) => originOf(allowed) === origin);
    if (!allowed) throw originNotAllowed(origin);
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'Location, Retry-After');
    if (req.method !== 'OPTIONS') return 'continue';
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.statusCode = 204;
    res.end();
    return 'answered';
  };
}

/** The preflight (OPTIONS), which Express still routes: the same check as middleware. */
export const corsPreflight =
  (cors: IntakeCors): RequestHandler =>
  (req, res, next) =>
    cors(req, res, String(req.params.siteId)).then((outcome) => (outcome === 'continue' ? next() : undefined), next);

export const publicReadCors: RequestHandler = (_req, res, next) => {
  res.set('Access-Control-Allow-Origin', '*');
  next();
};
