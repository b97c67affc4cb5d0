import { createReadStream } from 'node:fs';
import type { Kysely } from 'kysely';
import { loadConfig } from '@moderato/config';
import { createPersonalDataKeys, createScorer, IMPORT_SOURCES, loadModelBundle, siteModelBundle, type ImportSource, type Scorer } from '@moderato/core';
import { analyzeImportedTables, findImportedSourceIds, findLiveSiteModelWeights, findSite, recordImportedComments, type Database, type ImportOutcome, type ImportWrite } from '@moderato/db';
import { ARTICLE_FROM, type ArticleFrom } from '../import/article-id';
import { readDisqusExport } from '../import/disqus-export.reader';
import { runImport, type RecordBatch } from '../import/run-import';
import type { SourceEvent } from '../import/source-comment';
import { readWordPressExport } from '../import/wordpress-export.reader';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';
import { withDatabase } from '../with-database';
import { cliActor } from './model.command';

const READERS: Readonly<Record<ImportSource, (chunks: AsyncIterable<string>) => AsyncIterable<SourceEvent[]>>> = {
  wordpress: readWordPressExport,
  disqus: readDisqusExport,
};

/** The file as text, a chunk at a time, without a byte-order mark (which the XML parser would refuse). */
async function* fileText(file: string): AsyncGenerator<string> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
    }
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The scorer the workers use for this site now: its live site model, else the shipped one. */
async function siteScorer(db: Kysely<Database>, siteId: string): Promise<Scorer> {
  const base = loadModelBundle();
  const live = await findLiveSiteModelWeights(db, siteId);
  return createScorer(live ? siteModelBundle(base, live.weights, live.version) : base);
}

function importOptions(args: string[]) {
  const options = parseOptions(args, {
    site: { type: 'string' },
    format: { type: 'string' },
    file: { type: 'string' },
    'article-from': { type: 'string', default: 'path' },
    'dry-run': { type: 'boolean', default: false },
    score: { type: 'boolean', default: false },
  });
  if (!options.site) throw new UsageError('--site ID is required');
  if (!IMPORT_SOURCES.includes(options.format as ImportSource)) throw new UsageError('--format must be wordpress or disqus');
  if (!options.file) throw new UsageError('--file FILE is required (the export to read)');
  if (!ARTICLE_FROM.includes(options['article-from'] as ArticleFrom)) throw new UsageError('--article-from must be path, slug or id');
  return {
    site: options.site,
    format: options.format as ImportSource,
    file: options.file,
    articleFrom: options['article-from'] as ArticleFrom,
    dryRun: options['dry-run'] === true,
    score: options.score === true,
  };
}

/**
 * `moderato import --site ID --format wordpress|disqus --file FILE
 * [--article-from path|slug|id] [--dry-run] [--score]`: prints one JSON
 * summary line; exit status 1 when some entries could not be imported (they
 * are listed, the rest is imported).
 */
export async function importCommand(args: string[]): Promise<void> {
  const options = importOptions(args);
  const config = loadConfig();
  const keys = createPersonalDataKeys(config.secret);
  const actor = cliActor();
  const { summary, hasErrors } = await withDatabase(async (db) => {
    const site = await findSite(db, options.site);
    if (!site) throw new UsageError(`--site ${options.site}: no such site`);
    const record: RecordBatch = options.dryRun
      ? async (writes: ImportWrite[]): Promise<ImportOutcome[]> => {
          const known = await findImportedSourceIds(db, site.id, options.format, writes.map((w) => w.imported.sourceId));
          return writes.map((w) => (known.has(w.imported.sourceId) ? 'already-imported' : 'imported'));
        }
      : (writes) => recordImportedComments(db, writes, actor);
    const scoring = options.score ? { scorer: await siteScorer(db, site.id), settings: site.settings } : undefined;
    const result = await runImport(
      READERS[options.format](fileText(options.file)),
      { siteId: site.id, source: options.format, articleFrom: options.articleFrom, keys, dryRun: options.dryRun, scoring },
      record,
    );
    if (result.summary.imported > 0 && !options.dryRun) await analyzeImportedTables(db);
    return result;
  });
  console.log(JSON.stringify(summary));
  if (hasErrors) process.exitCode = 1;
}
