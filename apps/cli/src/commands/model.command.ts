import { userInfo } from 'node:os';
import type { HeldOutMetrics, SiteModelSummary } from '@moderato/core';
import { findSite, listSiteModels, promoteSiteModel, rollbackSiteModel, shadowSiteModel, SiteModelRefusal } from '@moderato/db';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';
import { withDatabase } from '../with-database';

/** Who the audit trail names for a change made from the command line. */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** One model's held-out figures on one line, as `model train` and `model list` print them. */
export function metricsLine(label: string, metrics: HeldOutMetrics): string {
  const auc = metrics.rocAuc === null ? 'n/a' : metrics.rocAuc.toFixed(3);
  return `${label.padEnd(16)} agreement ${metrics.agreement.toFixed(3)}  clean held ${percent(metrics.cleanHeld)}  bad approved ${percent(metrics.badApproved)}  ROC-AUC ${auc}  (${metrics.labels} held-out labels)`;
}

function siteOption(args: string[], extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  const options = parseOptions(args, { site: { type: 'string' }, ...extra });
  if (!options.site) throw new UsageError('--site ID is required');
  return options as Record<string, string | boolean | undefined> & { site: string };
}

function versionOption(value: unknown): number {
  const match = typeof value === 'string' ? /^v?([1-9][0-9]{0,8})$/.exec(value) : null;
  if (!match) throw new UsageError('--version V is required: a model version such as 3 or v3 (see `moderato model list`)');
  return Number(match[1]);
}

/** The repository's refusals, as one line each; exit status 1. */
async function explained<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof SiteModelRefusal) throw new Error(error.code === 'worse_than_live' ? `${error.message} (--force)` : error.message);
    throw error;
  }
}

async function knownSite(db: Parameters<typeof findSite>[0], siteId: string): Promise<void> {
  if (!(await findSite(db, siteId))) throw new UsageError(`--site ${siteId}: no such site`);
}

function summaryLine(model: SiteModelSummary): string {
  const { candidate, live } = model.metrics;
  return `v${model.version}  ${model.status.padEnd(9)}  trained ${model.createdAt.slice(0, 16).replace('T', ' ')}  agreement ${candidate.agreement.toFixed(3)} (live then ${live.agreement.toFixed(3)})  labels ${model.trainingData.labels}`;
}

/** `moderato model list --site ID [--json]`: every model of the site, newest first. */
export async function modelListCommand(args: string[]): Promise<void> {
  const options = siteOption(args, { json: { type: 'boolean' } });
  const models = await withDatabase(async (db) => {
    await knownSite(db, options.site);
    return listSiteModels(db, options.site);
  });
  if (options.json) {
    console.log(JSON.stringify(models));
    return;
  }
  const live = models.find((model) => model.status === 'live');
  console.log(live ? `live: v${live.version}` : 'live: the shipped model');
  for (const model of models) console.log(summaryLine(model));
}

/** `moderato model shadow --site ID --version V`: score new comments with V beside live, never applying it. */
export async function modelShadowCommand(args: string[]): Promise<void> {
  const options = siteOption(args, { version: { type: 'string' } });
  const version = versionOption(options.version);
  const model = await withDatabase(async (db) => {
    await knownSite(db, options.site);
    return explained(shadowSiteModel(db, { siteId: options.site, version, actor: cliActor() }));
  });
  console.log(`v${model.version} is in shadow on ${options.site}: its decisions are stored beside live's, never applied`);
}

/** `moderato model promote --site ID --version V [--force]`: V decides from now on (workers switch within seconds). */
export async function modelPromoteCommand(args: string[]): Promise<void> {
  const options = siteOption(args, { version: { type: 'string' }, force: { type: 'boolean' } });
  const version = versionOption(options.version);
  const model = await withDatabase(async (db) => {
    await knownSite(db, options.site);
    return explained(promoteSiteModel(db, { siteId: options.site, version, actor: cliActor(), force: options.force === true }));
  });
  console.log(`v${model.version} is live on ${options.site}`);
}

/** `moderato model rollback --site ID`: the model live before the current one decides again (or the shipped model). */
export async function modelRollbackCommand(args: string[]): Promise<void> {
  const options = siteOption(args);
  const result = await withDatabase(async (db) => {
    await knownSite(db, options.site);
    return explained(rollbackSiteModel(db, { siteId: options.site, actor: cliActor() }));
  });
  console.log(`v${result.retired} retired; live on ${options.site}: ${result.live === null ? 'the shipped model' : `v${result.live}`}`);
}
