import { loadConfig } from '@moderato/config';
import { generateApiToken, hashApiToken } from '@moderato/auth';
import { createApiToken, createDatabase, findUserByEmail, revokeApiToken } from '@moderato/db';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';

/** `moderato token create --user E`: the token is printed once, on the last line. */
export async function tokenCreateCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, { user: { type: 'string' } });
  if (!options.user) throw new UsageError('--user is required (the user’s email)');
  const db = createDatabase({ url: loadConfig().databaseUrl, maxConnections: 1 });
  try {
    const user = await findUserByEmail(db, options.user);
    if (!user) throw new UsageError(`--user ${options.user}: no such user`);
    const { token, tokenHash } = generateApiToken();
    const id = await createApiToken(db, user.id, tokenHash);
    console.log(`API token ${id} for ${user.email} (${user.role}); it is shown only now:`);
    console.log(token);
  } finally {
    await db.destroy();
  }
}

/** `moderato token revoke --token T`: the token stops working at once. */
export async function tokenRevokeCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, { token: { type: 'string' } });
  if (!options.token) throw new UsageError('--token is required');
  const db = createDatabase({ url: loadConfig().databaseUrl, maxConnections: 1 });
  try {
    if (!(await revokeApiToken(db, hashApiToken(options.token)))) throw new Error('no live token matches');
    console.log('revoked');
  } finally {
    await db.destroy();
  }
}
