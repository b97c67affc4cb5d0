import type { Kysely } from 'kysely';
import { generateApiToken, hashPassword } from '@moderato/auth';
import type { UserRole } from '@moderato/core';
import { createApiToken, createUser, type Database, type User } from '@moderato/db';

export const STAFF_PASSWORD = 'correct horse battery staple';

/** A staff user with a live API token, ready for `Authorization: Bearer`. */
export async function givenStaff(db: Kysely<Database>, email: string, role: UserRole, siteIds: string[] = []): Promise<{ user: User; token: string }> {
  const user = await createUser(db, { email, passwordHash: await hashPassword(STAFF_PASSWORD), role, siteIds });
  const { token, tokenHash } = generateApiToken();
  await createApiToken(db, user.id, tokenHash);
  return { user, token };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
