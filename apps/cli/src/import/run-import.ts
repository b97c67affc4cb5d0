import type { ImportSource, PersonalDataKeys, Scorer, SiteSettings } from '@moderato/core';
import type { ImportOutcome, ImportWrite } from '@moderato/db';
import type { ArticleFrom } from './article-id';
import { ImportTally, ScoreComparison } from './import-summary';
import type { SourceEvent } from './source-comment';
import { EntryError, toImportedComment } from './source-comment.mapper';

/** Where the comments go: the database, or (dry run) only asked which it already has. */
export type RecordBatch = (writes: ImportWrite[]) => Promise<ImportOutcome[]>;

export interface RunImportOptions {
  siteId: string;
  source: ImportSource;
  articleFrom: ArticleFrom;
  keys: PersonalDataKeys;
  dryRun: boolean;
  /** Given with `--score`: the scorer and the site's settings it decides under. */
  scoring?: { scorer: Scorer; settings: SiteSettings };
  /** Comments per transaction. */
  batchSize?: number;
  now?: Date;
}

// WordPress keeps pingbacks, trackbacks and plugins' notes (WooCommerce order
// notes among them, which are private) as comments too: only comments are imported.
const COMMENT_TYPES = new Set(['', 'comment']);
const ENTRY_NOUN: Readonly<Record<ImportSource, string>> = { wordpress: 'comment', disqus: 'post' };

/**
 * Imports the comments a reader finds, in batches: maps each (errors are
 * counted with their line and the import goes on), scores it when asked,
 * and hands each batch to `record`, at most one batch being stored while the
 * next is read, so memory stays flat whatever the file's size. A database error stops the
 * import: the batches already stored stay, and running it again goes on
 * where it stopped (what is there is skipped).
 */
export async function runImport(events: AsyncIterable<SourceEvent[]>, options: RunImportOptions, record: RecordBatch): Promise<{ summary: ReturnType<ImportTally['toJSON']>; hasErrors: boolean }> {
  const { batchSize = 1_000, scoring } = options;
  const context = { siteId: options.siteId, source: options.source, articleFrom: options.articleFrom, keys: options.keys, now: options.now ?? new Date() };
  const tally = new ImportTally(options.dryRun);
  const comparison = scoring ? new ScoreComparison(scoring.scorer.modelVersion) : undefined;
  type Pending = Array<{ write: ImportWrite; undated: boolean }>;
  let batch: Pending = [];
  // One batch is stored while the next is read and converted: the CLI's work
  // and the database's overlap, and memory holds two batches at most.
  let storing: Promise<void> = Promise.resolve();

  const store = async (pending: Pending) => {
    const outcomes = await record(pending.map((b) => b.write));
    pending.forEach(({ write, undated }, i) => {
      const outcome = outcomes[i]!;
      tally.outcome(outcome, write.imported.verdict, write.imported.comment.articleId);
      if (outcome === 'imported' && undated) tally.undatedComment();
    });
  };
  const flush = async () => {
    await storing;
    if (batch.length === 0) return;
    storing = store(batch);
    // Awaited at the next flush; until then a failure must not count as unhandled.
    storing.catch(() => undefined);
    batch = [];
  };

  for await (const found of events) {
    for (const event of found) {
      if (event.kind === 'error') {
        tally.error(event.error);
        continue;
      }
      const source = event.comment;
      if (!COMMENT_TYPES.has(source.type)) {
        tally.notAComment();
        continue;
      }
      try {
        const { imported, undated } = toImportedComment(source, context);
        const score = scoring?.scorer.score({ body: imported.comment.body, name: imported.comment.name, settings: scoring.settings });
        if (score) comparison!.add(imported.verdict, score.decision);
        batch.push({ write: { imported, score }, undated });
      } catch (error) {
        if (!(error instanceof EntryError)) throw error;
        tally.error({ line: source.line, entry: `${ENTRY_NOUN[options.source]} ${source.sourceId || '(no id)'}`, error: error.message });
      }
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  await storing;
  return { summary: tally.toJSON(comparison), hasErrors: tally.hasErrors };
}
