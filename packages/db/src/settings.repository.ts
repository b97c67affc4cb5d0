import type { Kysely } from 'kysely';
import { parseSiteSettings, type SiteSettings } from '@moderato/core';
import type { Database } from './database';
import type { ArticleSettings } from './sites.repository';

export interface SettingsVersion {
  version: number;
  settings: SiteSettings;
  /** The email of who saved it; null for the version made with the site. */
  changedBy: string | null;
  createdAt: string;
}

/**
 * Saves new settings as the next version, in one transaction that locks the
 * site row, so two owners saving at once get versions n+1 and n+2, never two n+1.
 */
export async function saveSiteSettings(db: Kysely<Database>, siteId: string, settings: SiteSettings, changedBy: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const site = await trx.selectFrom('sites').select('settings_version').where('id', '=', siteId).forUpdate().executeTakeFirstOrThrow();
    const version = site.settings_version + 1;
    await trx.updateTable('sites').set({ settings: JSON.stringify(settings), settings_version: version, updated_at: new Date() }).where('id', '=', siteId).execute();
    await trx.insertInto('site_settings_versions').values({ site_id: siteId, version, settings: JSON.stringify(settings), changed_by: changedBy }).execute();
    return version;
  });
}

/** The newest versions first. */
export async function listSettingsVersions(db: Kysely<Database>, siteId: string, limit = 20): Promise<SettingsVersion[]> {
  const rows = await db
    .selectFrom('site_settings_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.settings', 'u.email', 'v.created_at'])
    .where('v.site_id', '=', siteId)
    .orderBy('v.version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ version: r.version, settings: parseSiteSettings(r.settings), changedBy: r.email, createdAt: r.created_at.toISOString() }));
}

/** Sets an article's switches (closed, premoderated); unset ones keep their value. */
export async function saveArticleSettings(db: Kysely<Database>, siteId: string, articleId: string, patch: Partial<ArticleSettings>): Promise<ArticleSettings> {
  const row = await db
    .insertInto('article_settings')
    .values({ site_id: siteId, article_id: articleId, closed: patch.closed ?? false, premoderate: patch.premoderate ?? false })
    .onConflict((oc) =>
      oc.columns(['site_id', 'article_id']).doUpdateSet((eb) => ({
        closed: patch.closed ?? eb.ref('article_settings.closed'),
        premoderate: patch.premoderate ?? eb.ref('article_settings.premoderate'),
        updated_at: new Date(),
      })),
    )
    .returning(['closed', 'premoderate'])
    .executeTakeFirstOrThrow();
  return row;
}
