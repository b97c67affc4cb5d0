import { sql, type Kysely } from 'kysely';
import type { ImportSource, StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';

/** One comment of a site as `moderato export` writes it. */
export interface SiteExportComment {
  id: string;
  /** 1, 2, 3 … in the order the comments were written: the numeric ids a WordPress export needs. */
  number: number;
  articleId: string;
  parentId: string | null;
  /** The parent's `number`; null for a top-level comment or one whose parent is gone. */
  parentNumber: number | null;
  name: string;
  body: string;
  status: StoredCommentStatus;
  /** The moderator's (or imported) spam label: tells spam from other rejections. */
  markedSpam: boolean;
  createdAt: string;
  decidedAt: string;
  /** Erased on request: name and body are placeholders, and there is no email. */
  erased: boolean;
  /** Where an imported comment came from. */
  importedFrom: { source: ImportSource; id: string } | null;
  /** Sealed; present only when the export asked for emails (and the comment has one). */
  emailEncrypted?: string;
}

export interface SiteExportOptions {
  siteId: string;
  withEmails: boolean;
  /** Recorded in privacy_events when emails are exported. */
  actor: string;
  /** Rows handed to `write` at a time. */
  batchSize?: number;
}

const CURSOR = 'moderato_site_export';

/**
 * Reads every comment of a site, article by article, oldest first, through a
 * server-side cursor in one read-only transaction: a consistent snapshot
 * whatever its size, with only one batch in memory. `write` is awaited
 * before the next batch is fetched, so a slow reader slows the export down
 * instead of filling memory. An export with emails is recorded in
 * privacy_events (action `export`, mode `site`) before the first row is read,
 * and in its own transaction, so it stays recorded even if the export fails.
 */
export async function exportSiteComments(db: Kysely<Database>, options: SiteExportOptions, write: (batch: SiteExportComment[]) => Promise<void>): Promise<number> {
  const { siteId, withEmails, batchSize = 1_000 } = options;
  if (withEmails) {
    await db
      .insertInto('privacy_events')
      .values({ action: 'export', mode: 'site', actor: options.actor, details: { siteId, withEmails: true } })
      .execute();
  }
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    await sql`
      declare ${sql.id(CURSOR)} no scroll cursor for
      with numbered as (
        select c.*, row_number() over (order by c.created_at, c.id) as number
        from comments c where c.site_id = ${siteId}
      )
      select n.id, n.number, p.number as parent_number, n.article_id, n.parent_id, n.author_name, n.body, n.status,
             n.created_at, n.decided_at, n.erased_at, ${withEmails ? sql`n.email_encrypted` : sql`null::text`} as email_encrypted,
             coalesce(l.spam, false) as marked_spam, i.source, i.source_id
      from numbered n
      left join numbered p on p.id = n.parent_id
      left join moderation_labels l on l.comment_id = n.id
      left join comment_imports i on i.comment_id = n.id and i.site_id = n.site_id
      order by n.article_id, n.created_at, n.id`.execute(trx);
    let total = 0;
    for (;;) {
      const { rows } = await sql<ExportRow>`fetch ${sql.raw(String(batchSize))} from ${sql.id(CURSOR)}`.execute(trx);
      if (rows.length === 0) return total;
      total += rows.length;
      await write(rows.map(toExportComment));
    }
  });
}

interface ExportRow {
  id: string;
  number: string;
  parent_number: string | null;
  article_id: string;
  parent_id: string | null;
  author_name: string;
  body: string;
  status: StoredCommentStatus;
  created_at: Date;
  decided_at: Date;
  erased_at: Date | null;
  email_encrypted: string | null;
  marked_spam: boolean;
  source: ImportSource | null;
  source_id: string | null;
}

function toExportComment(r: ExportRow): SiteExportComment {
  const erased = r.erased_at !== null;
  return {
    id: r.id,
    number: Number(r.number),
    articleId: r.article_id,
    parentId: r.parent_id,
    parentNumber: r.parent_number === null ? null : Number(r.parent_number),
    name: r.author_name,
    body: r.body,
    status: r.status,
    markedSpam: r.marked_spam,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at.toISOString(),
    erased,
    importedFrom: r.source && r.source_id ? { source: r.source, id: r.source_id } : null,
    ...(r.email_encrypted !== null && !erased ? { emailEncrypted: r.email_encrypted } : {}),
  };
}
