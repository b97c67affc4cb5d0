import { type Kysely, sql } from 'kysely';

// API tokens expire. Tokens made before this get 90 days from now (the
// default lifetime), so no integration breaks on the day of the upgrade.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'timestamptz').execute();
  await db.updateTable('api_tokens').set({ expires_at: sql`now() + interval '90 days'` }).execute();
  await db.schema
    .alterTable('api_tokens')
    .alterColumn('expires_at', (c) => c.setNotNull())
    .alterColumn('expires_at', (c) => c.setDefault(sql`now() + interval '90 days'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
}
