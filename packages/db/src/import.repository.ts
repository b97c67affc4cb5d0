import { sql, type Insertable, type Kysely } from 'kysely';
import {
  bodyFingerprint,
  labelForVerdict,
  STATUS_FOR_VERDICT,
  type ImportedComment,
  type ImportSource,
  type Reason,
  type ScoreResult,
} from '@moderato/core';
import type { Database } from './database';
import { acceptedCommentColumns } from './comments.repository';

/** The model version of an imported comment stored without scoring: its scores are zeros, not a model's. */
export const UNSCORED_IMPORT_MODEL_VERSION = 'import';

const SOURCE_NAMES: Readonly<Record<ImportSource, string>> = { wordpress: 'WordPress', disqus: 'Disqus' };

/** One imported comment to store, and the scorer's view of it when `--score` asked for one. */
export interface ImportWrite {
  imported: ImportedComment;
  score?: ScoreResult;
}

/**
 * What became of each comment: stored; skipped because this site already
 * imported that source comment (or the file lists it twice); or refused
 * because its author has since been erased.
 */
export type ImportOutcome = 'imported' | 'already-imported' | 'erased-author';

function commentRow({ imported, score }: ImportWrite, importedAt: Date): Insertable<Database['comments']> {
  const { comment, source, verdict } = imported;
  // The status is always the old system's verdict; a score only informs the review queue.
  const reasons: Reason[] = [{ code: 'import', message: `Imported from ${SOURCE_NAMES[source]} (${verdict})` }, ...(score?.reasons ?? [])];
  return {
    ...acceptedCommentColumns(comment),
    body_fingerprint: score?.fingerprint ?? bodyFingerprint(comment.body),
    language: score?.language ?? null,
    status: STATUS_FOR_VERDICT[verdict],
    spam_score: score?.spam ?? 0,
    toxicity_score: score?.toxicity ?? 0,
    reasons: JSON.stringify(reasons),
    model_version: score?.modelVersion ?? UNSCORED_IMPORT_MODEL_VERSION,
    thresholds: JSON.stringify(score?.thresholds ?? {}),
    created_at: comment.acceptedAt,
    decided_at: importedAt,
  };
}

/**
 * Stores one batch of imported comments in one transaction: claims each
 * (site, source, source id) in comment_imports, and for those claimed now
 * inserts the comment, an `import` audit row and, when the verdict was one,
 * a training label with source `import` dated when the comment was written.
 * A source comment imported before, by this run or an earlier one, is left
 * alone, so the same file can be imported any number of times. The erased
 * authors' trigger still refuses a comment whose author was erased after
 * writing it. Returns each comment's outcome, in order.
 */
export async function recordImportedComments(db: Kysely<Database>, writes: readonly ImportWrite[], actor: string): Promise<ImportOutcome[]> {
  const firstIndex = new Map<string, number>();
  writes.forEach((w, i) => firstIndex.has(w.imported.comment.id) || firstIndex.set(w.imported.comment.id, i));
  const unique = [...firstIndex.values()].map((i) => writes[i]!);
  if (unique.length === 0) return [];
  const importedAt = new Date();

  const { claimedIds, stored } = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('comment_imports')
      .values(unique.map(({ imported: { comment, source, sourceId } }) => ({ site_id: comment.siteId, source, source_id: sourceId, comment_id: comment.id, imported_at: importedAt })))
      .onConflict((oc) => oc.columns(['site_id', 'source', 'source_id']).doNothing())
      .returning('comment_id')
      .execute();
    const claimedIds = new Set(claimed.map((r) => r.comment_id));
    const fresh = unique.filter((w) => claimedIds.has(w.imported.comment.id));
    if (fresh.length === 0) return { claimedIds, stored: new Set<string>() };

    const rows = await trx
      .insertInto('comments')
      .values(fresh.map((w) => commentRow(w, importedAt)))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const stored = new Set(rows.map((r) => r.id));
    const written = fresh.filter((w) => stored.has(w.imported.comment.id));
    if (written.length === 0) return { claimedIds, stored };

    await trx
      .insertInto('comment_events')
      .values(
        written.map(({ imported: { comment, source, sourceId, verdict }, score }) => ({
          comment_id: comment.id,
          site_id: comment.siteId,
          from_status: 'pending',
          to_status: STATUS_FOR_VERDICT[verdict],
          actor,
          action: 'import',
          reason: null,
          details: { source, sourceId, verdict, ...(score ? { scorerDecision: score.decision } : {}) },
        })),
      )
      .execute();
    const labelled = written.flatMap(({ imported: { comment, verdict } }) => {
      const label = labelForVerdict(verdict);
      return label ? [{ comment_id: comment.id, site_id: comment.siteId, ...label, labelled_by: actor, labelled_at: new Date(comment.acceptedAt), source: 'import' as const }] : [];
    });
    if (labelled.length > 0) await trx.insertInto('moderation_labels').values(labelled).onConflict((oc) => oc.column('comment_id').doNothing()).execute();
    return { claimedIds, stored };
  });

  return writes.map((w, i) => {
    const id = w.imported.comment.id;
    if (firstIndex.get(id) !== i || !claimedIds.has(id)) return 'already-imported';
    return stored.has(id) ? 'imported' : 'erased-author';
  });
}

/** Which of these source ids this site has imported before: what a dry run reports as skipped. */
export async function findImportedSourceIds(db: Kysely<Database>, siteId: string, source: ImportSource, sourceIds: readonly string[]): Promise<Set<string>> {
  if (sourceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('comment_imports')
    .select('source_id')
    .where('site_id', '=', siteId)
    .where('source', '=', source)
    .where('source_id', 'in', [...new Set(sourceIds)])
    .execute();
  return new Set(rows.map((r) => r.source_id));
}

/**
 * Refreshes the planner's statistics of the tables an import fills. Until
 * autovacuum gets to them, a table that grew by an import's worth of rows
 * has none for them, and the worker's per-author look-ups may plan a scan
 * of the whole site for every comment.
 */
export async function analyzeImportedTables(db: Kysely<Database>): Promise<void> {
  await sql`analyze comments, moderation_labels, comment_imports`.execute(db);
}
