import type { Kysely } from 'kysely';
import { canAccessSite, findSite, type Database, type Site, type User } from '@moderato/db';
import { HttpError, notFound } from '../errors';

/** What the caller will do with the site: read and moderate (any staff on it), or change how it runs (owners and admins). */
export type SiteAccess = 'work' | 'manage';

/**
 * The site a signed-in user asked for, if they may do this with it: 404
 * when it does not exist, 403 when it is not theirs, or when a moderator
 * asks to change settings or models.
 */
export async function siteForUser(db: Kysely<Database>, user: User, rawSiteId: unknown, access: SiteAccess): Promise<Site> {
  const site = await findSite(db, String(rawSiteId));
  if (!site) throw notFound('site');
  if (!canAccessSite(user, site.id)) throw new HttpError(403, 'forbidden', `no access to site ${site.id}`);
  if (access === 'manage' && user.role === 'moderator') throw new HttpError(403, 'forbidden', 'only an owner or an admin can do this');
  return site;
}
