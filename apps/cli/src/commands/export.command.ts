import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { loadConfig } from '@moderato/config';
import { createPersonalDataKeys, type PersonalDataKeys } from '@moderato/core';
import { exportSiteComments, findSite, type SiteExportComment } from '@moderato/db';
import { WxrWriter } from '../export/wxr-writer';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';
import { withDatabase } from '../with-database';
import { cliActor } from './model.command';

const FORMATS = ['jsonl', 'wordpress'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** Writes and waits when the reader is slower than the database, so memory stays flat. */
async function put(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** One line of `--format jsonl`: the comment as stored, its email only when asked for. */
function jsonLine(c: SiteExportComment, email: string | null, withEmails: boolean): string {
  const line = {
    id: c.id,
    articleId: c.articleId,
    parentId: c.parentId,
    name: c.name,
    body: c.body,
    status: c.status,
    spam: c.markedSpam,
    createdAt: c.createdAt,
    decidedAt: c.decidedAt,
    erased: c.erased,
    importedFrom: c.importedFrom,
    ...(withEmails ? { email } : {}),
  };
  return `${JSON.stringify(line)}\n`;
}

/** The clear email of a comment, when it has one; '' (no email given) reads as null. */
function emailOf(keys: PersonalDataKeys | null, comment: SiteExportComment): string | null {
  if (!keys || comment.emailEncrypted === undefined) return null;
  return keys.decryptEmail(comment.emailEncrypted) || null;
}

/**
 * `moderato export --site ID [--format jsonl|wordpress] [--output FILE]
 * [--with-emails]`: every comment of the site, whatever its status, article
 * by article, to FILE or stdout; how many on stderr. Emails (decrypted) only
 * with --with-emails, and that export is recorded in privacy_events first.
 */
export async function exportCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, {
    site: { type: 'string' },
    format: { type: 'string', default: 'jsonl' },
    output: { type: 'string' },
    'with-emails': { type: 'boolean', default: false },
  });
  if (!options.site) throw new UsageError('--site ID is required');
  if (!FORMATS.includes(options.format as ExportFormat)) throw new UsageError('--format must be jsonl or wordpress');
  const withEmails = options['with-emails'] === true;
  const format = options.format as ExportFormat;
  const config = loadConfig();
  const keys = withEmails ? createPersonalDataKeys(config.secret) : null;

  const count = await withDatabase(async (db) => {
    const site = await findSite(db, options.site!);
    if (!site) throw new UsageError(`--site ${options.site}: no such site`);
    const out: Writable = options.output ? createWriteStream(options.output, { flags: 'w', mode: withEmails ? 0o600 : 0o644 }) : process.stdout;
    const wxr = format === 'wordpress' ? new WxrWriter({ id: site.id, name: site.name, origin: site.settings.allowedOrigins[0] ?? null }) : null;
    try {
      if (wxr) await put(out, wxr.header());
      const total = await exportSiteComments(db, { siteId: site.id, withEmails, actor: cliActor() }, async (batch) => {
        const text = batch.map((c) => (wxr ? wxr.comment(c, emailOf(keys, c)) : jsonLine(c, emailOf(keys, c), withEmails))).join('');
        await put(out, text);
      });
      if (wxr) await put(out, wxr.footer());
      return total;
    } finally {
      if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
  });
  console.error(`moderato: exported ${count} comment(s) of ${options.site}${withEmails ? ', with emails (recorded in privacy_events)' : ''}`);
}
