import type { Kysely } from 'kysely';
import type { Database } from './database';
import { findUserById, type User } from './users.repository';

/** Stores a token's hash for a user; returns the token's id. */
export async function createApiToken(db: Kysely<Database>, userId: string, tokenHash: string): Promise<string> {
  const row = await db.insertInto('api_tokens').values({ user_id: userId, token_hash: tokenHash }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The user behind a live (not revoked) token hash, noting its use. */
export async function findUserByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<User | undefined> {
  const row = await db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row && findUserById(db, row.user_id);
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
