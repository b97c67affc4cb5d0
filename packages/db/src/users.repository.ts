import { sql, type Kysely } from 'kysely';
import type { UserRole } from '@moderato/core';
import type { Database } from './database';

/** A staff account as the rest of the code sees it: never the password hash. */
export interface User {
  id: string;
  email: string;
  role: UserRole;
  /** Sites an owner or moderator works on; admins work on every site. */
  siteIds: string[];
  /** The dashboard's language, as the user chose it; null follows the browser. */
  language: string | null;
}

export class UserExistsError extends Error {
  constructor(readonly email: string) {
    super(`a user with email ${email} already exists`);
    this.name = 'UserExistsError';
  }
}

export interface NewUser {
  email: string;
  passwordHash: string;
  role: UserRole;
  siteIds: string[];
}

/** Creates a user and their site memberships in one transaction. */
export async function createUser(db: Kysely<Database>, user: NewUser): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const email = user.email.trim().toLowerCase();
    const row = await trx
      .insertInto('users')
      .values({ email, password_hash: user.passwordHash, role: user.role })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning(['id', 'email', 'role', 'language'])
      .executeTakeFirst();
    if (!row) throw new UserExistsError(email);
    if (user.siteIds.length > 0) {
      await trx.insertInto('user_sites').values(user.siteIds.map((siteId) => ({ user_id: row.id, site_id: siteId }))).execute();
    }
    return { ...row, siteIds: [...user.siteIds] };
  });
}

/**
 * A user's site ids as a column of the user's own row (`users as u`): one
 * round trip for the user and their sites, which every staff request needs.
 */
const siteIdsOfUser = sql<string[]>`coalesce((select json_agg(us.site_id order by us.site_id) from user_sites us where us.user_id = u.id), '[]')`;

/** The user columns and their sites, from `users as u`. */
export const userColumns = ['u.id', 'u.email', 'u.role', 'u.language', siteIdsOfUser.as('site_ids')] as const;

/** A row selected with {@link userColumns} as the rest of the code sees a user. */
export function toUser(row: { id: string; email: string; role: UserRole; language: string | null; site_ids: string[] }): User {
  return { id: row.id, email: row.email, role: row.role, siteIds: row.site_ids, language: row.language };
}

/** The user and their password hash, for sign-in only. */
export async function findUserCredentials(db: Kysely<Database>, email: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users as u')
    .select([...userColumns, 'u.password_hash'])
    .where('u.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users as u').select(userColumns).where('u.id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  const row = await db.selectFrom('users as u').select(userColumns).where('u.email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row && toUser(row);
}

/** Whether the user may work on the site: admins everywhere, others where they are members. */
export function canAccessSite(user: User, siteId: string): boolean {
  return user.role === 'admin' || user.siteIds.includes(siteId);
}

/** Sets the user's dashboard language (null: follow the browser); false when there is no such user. */
export async function setUserLanguage(db: Kysely<Database>, userId: string, language: string | null): Promise<boolean> {
  const result = await db.updateTable('users').set({ language }).where('id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
