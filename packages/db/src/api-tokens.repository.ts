import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import { executePrepared } from './prepared-statements';
import { toUser, userColumns, type User } from './users.repository';

/** Stores a token's hash for a user, valid until `expiresAt` (the database's 90 days when left out); returns the token's id. */
export async function createApiToken(db: Kysely<Database>, userId: string, tokenHash: string, expiresAt?: Date): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, token_hash: tokenHash, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Noting every use would turn each API read into a write; once a minute is enough to see which tokens live.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The user behind a live (not revoked, not expired) token hash, noting its use. */
export async function findUserByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<User | undefined> {
  // Token, user and sites in one round trip: every API request pays it.
  const [row] = await executePrepared(
    db,
    db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([...userColumns, 't.id as token_id', 't.last_used_at'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where('t.expires_at', '>', sql<Date>`now()`),
  );
  if (!row) return undefined;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
  }
  return toUser(row);
}

/** Which token to revoke: the token itself (by its hash) or, when it is lost, its id from `listApiTokens`. */
export type TokenToRevoke = { tokenHash: string } | { id: string };

/** Revokes one live token; returns whether one was revoked. */
export async function revokeApiToken(db: Kysely<Database>, which: TokenToRevoke): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where((eb) => ('id' in which ? eb('id', '=', which.id) : eb('token_hash', '=', which.tokenHash)))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What an admin may see of a token: never the token or its hash. */
export interface ApiTokenSummary {
  id: string;
  userEmail: string;
  role: User['role'];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Every token, or one user's, newest first. */
export async function listApiTokens(db: Kysely<Database>, filter: { userEmail?: string } = {}): Promise<ApiTokenSummary[]> {
  let query = db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 'u.email', 'u.role', 't.created_at', 't.last_used_at', 't.expires_at', 't.revoked_at'])
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id');
  if (filter.userEmail !== undefined) query = query.where('u.email', '=', filter.userEmail.trim().toLowerCase());
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    userEmail: r.email,
    role: r.role,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  }));
}
