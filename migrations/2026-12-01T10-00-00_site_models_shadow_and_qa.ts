import { type Kysely, sql } from 'kysely';
import { makeAppendOnly } from './support/append-only';

// Learning from each site's moderators.
//
// site_models: a site's adjustments to the shipped model, each a numbered
//   version with what it saw, its held-out metrics beside live's, and a status.
//   At most one live and one shadow per site (partial unique indexes), so
//   "which model decides" is never ambiguous; with none live, the shipped model
//   decides.
// site_model_events: the append-only audit of training, shadowing, promotion
//   (forced or not) and rollback.
// shadow_decisions: what a shadow model would have decided, stored beside the
//   real decision and never applied. Deleted with its comment.
// qa_samples: auto-approved comments drawn at random for a moderator to check;
//   they stay published. Deleted with their comment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_models')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('candidate', 'shadow', 'live', 'retired')`))
    .addColumn('base_model_version', 'text', (c) => c.notNull())
    // Labels given up to this moment were used (80 % to train, the newest 20 % to evaluate).
    .addColumn('label_cutoff', 'timestamptz', (c) => c.notNull())
    .addColumn('training_data', 'jsonb', (c) => c.notNull())
    .addColumn('metrics', 'jsonb', (c) => c.notNull())
    .addColumn('weights', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // When it last went live: rollback returns to the model live before the current one.
    .addColumn('went_live_at', 'timestamptz')
    .addPrimaryKeyConstraint('site_models_pkey', ['site_id', 'version'])
    .execute();
  await sql`create unique index site_models_one_live on site_models (site_id) where status = 'live'`.execute(db);
  await sql`create unique index site_models_one_shadow on site_models (site_id) where status = 'shadow'`.execute(db);

  await db.schema
    .createTable('site_model_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('train', 'shadow', 'unshadow', 'promote', 'rollback')`))
    .addColumn('forced', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index site_model_events_site_idx on site_model_events (site_id, created_at desc)`.execute(db);
  await makeAppendOnly(db, 'site_model_events');

  await db.schema
    .createTable('shadow_decisions')
    .addColumn('comment_id', 'uuid', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approve', 'hold', 'reject')`))
    .addColumn('spam_score', 'real', (c) => c.notNull())
    .addColumn('toxicity_score', 'real', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('shadow_decisions_pkey', ['comment_id', 'model_version'])
    .execute();
  await sql`create index shadow_decisions_model_idx on shadow_decisions (site_id, model_version, created_at desc)`.execute(db);

  await db.schema
    .createTable('qa_samples')
    .addColumn('comment_id', 'uuid', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('sampled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // null: not yet checked; 'ok': the approval was right; 'spam' / 'toxic': it should not have passed.
    .addColumn('verdict', 'text', (c) => c.check(sql`verdict in ('ok', 'spam', 'toxic')`))
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  await sql`create index qa_samples_site_idx on qa_samples (site_id, sampled_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_samples').execute();
  await db.schema.dropTable('shadow_decisions').execute();
  await db.schema.dropTable('site_model_events').execute();
  await sql`drop function site_model_events_append_only()`.execute(db);
  await db.schema.dropTable('site_models').execute();
}
