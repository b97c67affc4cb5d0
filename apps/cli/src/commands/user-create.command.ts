import { hashPassword, MIN_PASSWORD_LENGTH } from '@moderato/auth';
import { USER_ROLES, type UserRole } from '@moderato/core';
import { createUser, findSite } from '@moderato/db';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';
import { withDatabase } from '../with-database';

export async function userCreateCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    site: { type: 'string', multiple: true },
  });
  if (!options.email || !/^[^\s@]+@[^\s@]+$/.test(options.email)) throw new UsageError('--email is required (the sign-in address)');
  if (!options.password || options.password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`--password is required, at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (!USER_ROLES.includes(options.role as UserRole)) throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
  const role = options.role as UserRole;
  const siteIds = options.site ?? [];
  if (role !== 'admin' && siteIds.length === 0) throw new UsageError(`an ${role} needs at least one --site`);

  const newUser = { email: options.email, passwordHash: await hashPassword(options.password), role, siteIds };
  const user = await withDatabase(async (db) => {
    for (const siteId of siteIds) {
      if (!(await findSite(db, siteId))) throw new UsageError(`--site ${siteId}: no such site`);
    }
    return createUser(db, newUser);
  });
  console.log(JSON.stringify(user));
}
