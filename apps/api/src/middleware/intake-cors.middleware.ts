import type { Request, RequestHandler } from 'express';
import type { SiteDirectory } from '@moderato/db';
import { HttpError, unavailableIfDown } from '../errors';

export interface IntakeCorsOptions {
  sites: SiteDirectory;
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

// The API's own pages (the /demo article) post from the API's origin.
const isOwnOrigin = (req: Request, origin: string) => originOf(`${req.protocol}://${req.get('host') ?? ''}`) === origin;

export const originNotAllowed = (origin: string) =>
  new HttpError(403, 'origin_not_allowed', `this site does not accept comments from pages at ${origin}`);

/**
 * CORS for the comment intake. A browser post (it always sends Origin) is
 * let through only from one of the site's allowed origins, preflight
 * included; anything else gets a 403 it can read. A post without Origin is
 * not from a browser page (a site's own server, curl) and passes untouched.
 */
export function intakeCors({ sites }: IntakeCorsOptions): RequestHandler {
  return async (req, res, next) => {
    const origin = req.get('origin');
    if (origin === undefined) {
      if (req.method === 'OPTIONS') return void res.set('Allow', 'POST, OPTIONS').status(204).end();
      return next();
    }
    res.vary('Origin');
    const site = await sites.find(String(req.params.siteId)).catch(unavailableIfDown('the site directory'));
    // An unknown site is the route's 404 to give.
    if (!site) return next();
    const allowed = isOwnOrigin(req, origin) || site.settings.allowedOrigins.some((allowed) => originOf(allowed) === origin);
    if (!allowed) throw originNotAllowed(origin);
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Expose-Headers', 'Location, Retry-After');
    if (req.method !== 'OPTIONS') return next();
    res.set({
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
    res.status(204).end();
  };
}

/** Public reads (thread, status, form token) carry no credentials and nothing private: any page may read them. */
export const publicReadCors: RequestHandler = (_req, res, next) => {
  res.set('Access-Control-Allow-Origin', '*');
  next();
};
