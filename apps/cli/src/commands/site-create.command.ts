import { DEFAULT_SITE_SETTINGS, siteSettingsSchema } from '@moderato/core';
import { createSite } from '@moderato/db';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';
import { withDatabase } from '../with-database';

const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function siteCreateCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, {
    id: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true },
    premoderate: { type: 'boolean', default: false },
  });
  if (!options.id || !SITE_ID.test(options.id)) throw new UsageError('--id is required: 1-64 letters, digits, _ or -');
  if (!options.name) throw new UsageError('--name is required');
  const origins = options.origin ?? [];
  if (origins.length === 0) throw new UsageError('at least one --origin URL is required (where the comment form is embedded)');
  for (const origin of origins) {
    if (!URL.canParse(origin) || !/^https?:$/.test(new URL(origin).protocol)) throw new UsageError(`--origin ${origin} is not an http(s) URL`);
  }
  const settings = siteSettingsSchema.parse({
    ...DEFAULT_SITE_SETTINGS,
    premoderate: options.premoderate,
    // An origin is scheme://host[:port], as browsers send it in the Origin header.
    allowedOrigins: origins.map((origin) => new URL(origin).origin),
  });

  const site = { id: options.id, name: options.name, settings };
  console.log(JSON.stringify(await withDatabase((db) => createSite(db, site))));
}
