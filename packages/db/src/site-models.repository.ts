import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  heldOutMistakes,
  isWorseThanLive,
  type SiteModelMetrics,
  type SiteModelStatus,
  type SiteModelSummary,
  type SiteModelTrainingData,
} from '@moderato/core';
import type { Database } from './database';
import type { SiteModelAction, SiteModelsTable } from './tables/site-models.table';

/**
 * A model action the site's models refuse, with a code callers answer by
 * (the API's error code, the CLI's hint): one class to catch.
 */
export abstract class SiteModelRefusal extends Error {
  abstract readonly code: 'not_found' | 'invalid_status' | 'worse_than_live' | 'nothing_to_roll_back';
}

export class SiteModelNotFoundError extends SiteModelRefusal {
  readonly code = 'not_found';
  constructor(readonly siteId: string, readonly version: number) {
    super(`site ${siteId} has no model v${version}`);
    this.name = 'SiteModelNotFoundError';
  }
}

/** A transition the model's status does not allow (promoting the live model, shadowing a retired one ...). */
export class SiteModelStatusError extends SiteModelRefusal {
  readonly code = 'invalid_status';
  constructor(readonly version: number, readonly status: SiteModelStatus, action: string) {
    super(`model v${version} is ${status}: it cannot be ${action}`);
    this.name = 'SiteModelStatusError';
  }
}

/** The candidate did worse than live on its held-out labels; promoting it takes `force`. */
export class SiteModelWorseError extends SiteModelRefusal {
  readonly code = 'worse_than_live';
  constructor(readonly version: number, readonly metrics: SiteModelMetrics) {
    super(
      `model v${version} is worse than live on its held-out labels ` +
        `(${heldOutMistakes(metrics.candidate)} vs ${heldOutMistakes(metrics.live)} clean held or bad approved; ` +
        `agreement ${metrics.candidate.agreement.toFixed(3)} vs ${metrics.live.agreement.toFixed(3)}); promote with force to override`,
    );
    this.name = 'SiteModelWorseError';
  }
}

/** Rollback with no site model live: the shipped model already decides. */
export class NothingToRollBackError extends SiteModelRefusal {
  readonly code = 'nothing_to_roll_back';
  constructor(readonly siteId: string) {
    super(`site ${siteId} has no live site model: the shipped model already decides`);
    this.name = 'NothingToRollBackError';
  }
}

type SiteModelRow = Omit<Selectable<SiteModelsTable>, 'weights'>;

const SUMMARY_COLUMNS = [
  'site_id',
  'version',
  'status',
  'base_model_version',
  'label_cutoff',
  'training_data',
  'metrics',
  'created_by',
  'created_at',
  'status_changed_at',
  'went_live_at',
] as const;

function toSummary(row: SiteModelRow): SiteModelSummary {
  return {
    siteId: row.site_id,
    version: row.version,
    status: row.status,
    baseModelVersion: row.base_model_version,
    labelCutoff: row.label_cutoff.toISOString(),
    trainingData: row.training_data as unknown as SiteModelTrainingData,
    metrics: row.metrics as unknown as SiteModelMetrics,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    statusChangedAt: row.status_changed_at.toISOString(),
    wentLiveAt: row.went_live_at?.toISOString() ?? null,
  };
}

/** A site's models, newest first, without their weights. */
export async function listSiteModels(db: Kysely<Database>, siteId: string): Promise<SiteModelSummary[]> {
  const rows = await db.selectFrom('site_models').select(SUMMARY_COLUMNS).where('site_id', '=', siteId).orderBy('version', 'desc').execute();
  return rows.map(toSummary);
}

/** One model's stored weights (jsonb, to be parsed with parseSiteModelWeights), or undefined. */
export async function findSiteModelWeights(db: Kysely<Database>, siteId: string, version: number): Promise<unknown> {
  const row = await db.selectFrom('site_models').select('weights').where('site_id', '=', siteId).where('version', '=', version).executeTakeFirst();
  return row?.weights;
}

/** The live and shadow model versions of these sites (or of all); a site with neither is absent. */
export async function activeSiteModelVersions(
  db: Kysely<Database>,
  siteIds?: readonly string[],
): Promise<Map<string, { live: number | null; shadow: number | null }>> {
  if (siteIds?.length === 0) return new Map();
  let query = db.selectFrom('site_models').select(['site_id', 'version', 'status']).where('status', 'in', ['live', 'shadow']);
  if (siteIds) query = query.where('site_id', 'in', [...siteIds]);
  const bySite = new Map<string, { live: number | null; shadow: number | null }>();
  for (const row of await query.execute()) {
    const active = bySite.get(row.site_id) ?? { live: null, shadow: null };
    if (row.status === 'live') active.live = row.version;
    else active.shadow = row.version;
    bySite.set(row.site_id, active);
  }
  return bySite;
}

async function recordModelEvent(
  trx: Transaction<Database>,
  event: { siteId: string; version: number | null; action: SiteModelAction; actor: string; forced?: boolean; details?: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('site_model_events')
    .values({
      site_id: event.siteId,
      version: event.version,
      action: event.action,
      actor: event.actor,
      forced: event.forced ?? false,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** Locks a site's models for a status change: two owners promoting at once take turns. */
async function lockSiteModels(trx: Transaction<Database>, siteId: string): Promise<SiteModelRow[]> {
  return trx.selectFrom('site_models').select(SUMMARY_COLUMNS).where('site_id', '=', siteId).orderBy('version').forUpdate().execute();
}

async function setStatus(trx: Transaction<Database>, siteId: string, version: number, status: SiteModelStatus, wentLive = false): Promise<void> {
  await trx
    .updateTable('site_models')
    .set({ status, status_changed_at: new Date(), ...(wentLive ? { went_live_at: new Date() } : {}) })
    .where('site_id', '=', siteId)
    .where('version', '=', version)
    .execute();
}

function modelIn(rows: SiteModelRow[], siteId: string, version: number): SiteModelRow {
  const row = rows.find((r) => r.version === version);
  if (!row) throw new SiteModelNotFoundError(siteId, version);
  return row;
}

export interface ModelChange {
  siteId: string;
  version: number;
  actor: string;
}

/**
 * Puts a model in shadow: it scores each new comment beside live and its
 * decision is stored, never applied. The shadow it replaces goes back to
 * being a candidate.
 */
export async function shadowSiteModel(db: Kysely<Database>, change: ModelChange): Promise<SiteModelSummary> {
  return db.transaction().execute(async (trx) => {
    const rows = await lockSiteModels(trx, change.siteId);
    const target = modelIn(rows, change.siteId, change.version);
    if (target.status === 'live' || target.status === 'shadow') throw new SiteModelStatusError(target.version, target.status, 'shadowed');
    for (const row of rows.filter((r) => r.status === 'shadow')) await setStatus(trx, change.siteId, row.version, 'candidate');
    await setStatus(trx, change.siteId, change.version, 'shadow');
    await recordModelEvent(trx, { siteId: change.siteId, version: change.version, action: 'shadow', actor: change.actor });
    return toSummary({ ...target, status: 'shadow', status_changed_at: new Date() });
  });
}

/**
 * Makes a model live; the live one is retired. A model that did worse than
 * live on its held-out labels needs `force`, and the event says it was forced.
 */
export async function promoteSiteModel(db: Kysely<Database>, change: ModelChange & { force?: boolean }): Promise<SiteModelSummary> {
  return db.transaction().execute(async (trx) => {
    const rows = await lockSiteModels(trx, change.siteId);
    const target = modelIn(rows, change.siteId, change.version);
    if (target.status === 'live') throw new SiteModelStatusError(target.version, target.status, 'promoted');
    const metrics = target.metrics as unknown as SiteModelMetrics;
    const worse = isWorseThanLive(metrics);
    if (worse && !change.force) throw new SiteModelWorseError(target.version, metrics);
    const previous = rows.find((r) => r.status === 'live');
    if (previous) await setStatus(trx, change.siteId, previous.version, 'retired');
    await setStatus(trx, change.siteId, change.version, 'live', true);
    await recordModelEvent(trx, {
      siteId: change.siteId,
      version: change.version,
      action: 'promote',
      actor: change.actor,
      forced: worse,
      details: { previous: previous?.version ?? null, worseThanLive: worse },
    });
    const [promoted] = await trx.selectFrom('site_models').select(SUMMARY_COLUMNS).where('site_id', '=', change.siteId).where('version', '=', change.version).execute();
    return toSummary(promoted!);
  });
}

/**
 * Retires the live model and restores the one live before it (the retired
 * model that went live most recently before it), or the shipped model when
 * there was none. Returns the version now live, null for the shipped model.
 */
export async function rollbackSiteModel(db: Kysely<Database>, change: Omit<ModelChange, 'version'>): Promise<{ retired: number; live: number | null }> {
  return db.transaction().execute(async (trx) => {
    const rows = await lockSiteModels(trx, change.siteId);
    const current = rows.find((r) => r.status === 'live');
    if (!current) throw new NothingToRollBackError(change.siteId);
    const before = rows
      .filter((r) => r.status === 'retired' && r.went_live_at !== null && r.went_live_at < current.went_live_at!)
      .sort((a, b) => b.went_live_at!.getTime() - a.went_live_at!.getTime())[0];
    await setStatus(trx, change.siteId, current.version, 'retired');
    // The restored model keeps its first went_live_at, so a second rollback goes further back, not forth.
    if (before) await setStatus(trx, change.siteId, before.version, 'live');
    await recordModelEvent(trx, { siteId: change.siteId, version: before?.version ?? null, action: 'rollback', actor: change.actor, details: { retired: current.version } });
    return { retired: current.version, live: before?.version ?? null };
  });
}

/**
 * A site's model events, newest first: the audit trail the Models page shows.
 * The actor is named by the staff member's email, as in a comment's history
 * (their id if the account is gone, or the system actor's name).
 */
export async function listSiteModelEvents(db: Kysely<Database>, siteId: string, limit = 50) {
  const rows = await db
    .selectFrom('site_model_events as e')
    .leftJoin('users as u', (join) => join.on(sql<boolean>`u.id::text = e.actor`))
    .select(['e.version', 'e.action', 'e.forced', 'e.actor', 'u.email', 'e.details', 'e.created_at'])
    .where('e.site_id', '=', siteId)
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ version: row.version, action: row.action, forced: row.forced, actor: row.email ?? row.actor, details: row.details, at: row.created_at.toISOString() }));
}

