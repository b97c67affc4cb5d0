import type { Kysely } from 'kysely';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '@moderato/core';
import { createSite, type Database, type Site } from '@moderato/db';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export const CLEAN_COMMENT = 'Great article, thanks for explaining the trade-offs so clearly. I learned a lot.';
export const SPAM_COMMENT = 'CHECK OUT MY CHANNEL!!! subscribe now http://bit.ly/xyz free money, click here to win an iPhone';
export const ABUSIVE_COMMENT = 'you are a worthless idiot, shut up you stupid moron';

export async function givenSite(db: Kysely<Database>, id: string, settings: Partial<SiteSettings> = {}): Promise<Site> {
  return createSite(db, {
    id,
    name: `Site ${id}`,
    settings: { ...DEFAULT_SITE_SETTINGS, allowedOrigins: ['https://blog.example.org'], ...settings },
  });
}
