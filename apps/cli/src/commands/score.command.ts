import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadConfig } from '@moderato/config';
import {
  cleanText,
  createPersonalDataKeys,
  createScorer,
  DEFAULT_SITE_SETTINGS,
  loadModelBundle,
  type AuthorHistory,
  type SiteSettings,
} from '@moderato/core';
import { createDatabase, findAuthorHistory, findRecentBodies, findSite } from '@moderato/db';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';

const inputLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  body: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  articleId: z.string().optional(),
});

const round = (p: number) => Math.round(p * 1e6) / 1e6;

/**
 * Scores JSON lines with the worker's own scorer and settings. Without
 * --site it uses the default settings and touches neither Redis nor Postgres;
 * with --site it reads that site's settings and, given an email, the
 * author's history, as the worker would.
 */
export async function scoreCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, { input: { type: 'string' }, site: { type: 'string' } });
  const scorer = createScorer(loadModelBundle());
  let settings: SiteSettings = DEFAULT_SITE_SETTINGS;
  let historyOf: (email: string | undefined) => Promise<AuthorHistory | undefined> = async () => undefined;
  let recentOf: (email: string | undefined) => Promise<string[] | undefined> = async () => undefined;
  let close = async () => {};

  if (options.site) {
    const config = loadConfig();
    const db = createDatabase({ url: config.databaseUrl, maxConnections: 2 });
    close = () => db.destroy();
    const site = await findSite(db, options.site).catch(async (error: Error) => {
      await close();
      throw error;
    });
    if (!site) {
      await close();
      throw new UsageError(`--site ${options.site}: no such site`);
    }
    settings = site.settings;
    const keys = createPersonalDataKeys(config.secret);
    const siteId = site.id;
    historyOf = async (email) => (email ? findAuthorHistory(db, siteId, keys.hashEmail(email)) : undefined);
    recentOf = async (email) => (email ? findRecentBodies(db, siteId, keys.hashEmail(email)) : undefined);
  }

  const input = options.input ? createReadStream(options.input) : process.stdin;
  input.on('error', (error: Error) => {
    console.error(`moderato: cannot read ${options.input}: ${error.message}`);
    process.exit(1);
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      process.stdout.write(`${JSON.stringify(await scoreLine(line))}\n`);
    }
  } finally {
    await close();
  }

  async function scoreLine(line: string): Promise<Record<string, unknown>> {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      process.exitCode = 1;
      return { id: null, error: 'line is not valid JSON' };
    }
    const parsed = inputLineSchema.safeParse(json);
    if (!parsed.success) {
      process.exitCode = 1;
      const field = parsed.error.issues[0]?.path.join('.') || '(line)';
      return { id: (json as { id?: unknown })?.id ?? null, error: `${field}: ${parsed.error.issues[0]?.message}` };
    }
    const comment = parsed.data;
    const result = scorer.score({
      body: cleanText(comment.body),
      name: cleanText(comment.name ?? ''),
      settings,
      authorHistory: await historyOf(comment.email),
      recentBodies: await recentOf(comment.email),
    });
    return { id: comment.id, spam: round(result.spam), toxicity: round(result.toxicity), decision: result.decision, reasons: result.reasons, language: result.language };
  }
}
