import type { Kysely } from 'kysely';
import type { Database } from './database';
import { toUser, userColumns, type User } from './users.repository';

/** Stores a token's hash for a user; returns the token's id. */
export async function createApiToken(db: Kysely<Database>, userId: string, tokenHash: string): Promise<string> {
  const row = await db.insertInto('api_tokens').values({ user_id: userId, token_hash: tokenHash }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

// Noting every use would turn each API read into a write; once a minute is enough to see which tokens live.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The user behind a live (not revoked) token hash, noting its use. */
export async function findUserByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<User | undefined> {
  // Token, user and sites in one round trip: every API request pays it.
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([...userColumns, 't.id as token_id', 't.last_used_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
  }
  return toUser(row);
}

/** Revokes a token by its hash; returns whether a live token was revoked. */
export async function revokeApiToken(db: Kysely<Database>, tokenHash: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
