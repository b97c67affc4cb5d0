import { workerData } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { evaluateStoredRules, previewSettings, rulesDiffer, type SettingsPreviewWithText, type SiteSettings } from '@moderato/core';
import { createDatabase, isStatementTimeout, listPreviewCommentTexts, listRecentForPreview, type Database } from '@moderato/db';

/** Given to every thread of the preview pool when it starts. */
export interface PreviewThreadData {
  databaseUrl: string;
  statementTimeoutMs: number;
}

/** One preview: small and plain, so handing it to a thread costs nothing. */
export interface PreviewTask {
  siteId: string;
  limit: number;
  current: SiteSettings;
  proposed: SiteSettings;
}

// The thread reads the rows itself: parsing and cloning 10,000 bodies over
// from the API's thread would block its event loop for 100 ms and more.
// One connection per thread, opened with its first preview, gone with it.
let db: Kysely<Database> | undefined;

/** A preview, or why Postgres gave none (an error's code does not survive the trip between threads). */
export type PreviewOutcome = { preview: SettingsPreviewWithText } | { statementTimeout: true };

/** Runs in a worker thread of the preview pool (see preview-pool.ts). */
export default async function runPreviewTask({ siteId, limit, current, proposed }: PreviewTask): Promise<PreviewOutcome> {
  const { databaseUrl, statementTimeoutMs } = workerData as PreviewThreadData;
  db ??= createDatabase({ url: databaseUrl, maxConnections: 1, statementTimeoutMs });
  try {
    const comments = await listRecentForPreview(db, siteId, limit, { withBodies: rulesDiffer(current, proposed) });
    const preview = previewSettings(comments, current, proposed, evaluateStoredRules);
    // Texts for the listed changes only (a few hundred at most): a threshold-only preview reads no body for the rest.
    const texts = await listPreviewCommentTexts(db, siteId, preview.changed.map((c) => c.id));
    return { preview: { ...preview, changed: preview.changed.map((c) => ({ ...c, comment: texts.get(c.id) ?? null })) } };
  } catch (error) {
    if (isStatementTimeout(error)) return { statementTimeout: true };
    throw error;
  }
}
