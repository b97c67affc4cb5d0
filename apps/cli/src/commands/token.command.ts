import { isUuid } from '@moderato/core';
import { API_TOKEN_LIFETIME_DAYS, generateApiToken, hashApiToken } from '@moderato/auth';
import { createApiToken, findUserByEmail, listApiTokens, revokeApiToken, type ApiTokenSummary } from '@moderato/db';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';
import { withDatabase } from '../with-database';

const DAY_MS = 24 * 3600 * 1000;

/** `--expires-in 30d` as days; only whole days, so a token never outlives what was meant by a unit mix-up. */
function lifetimeDays(value: string | undefined): number {
  if (value === undefined) return API_TOKEN_LIFETIME_DAYS.default;
  const days = /^(\d+)d$/.exec(value) ? Number(value.slice(0, -1)) : NaN;
  if (!(days >= 1 && days <= API_TOKEN_LIFETIME_DAYS.max)) {
    throw new UsageError(`--expires-in ${value}: give whole days, from 1d to ${API_TOKEN_LIFETIME_DAYS.max}d (default ${API_TOKEN_LIFETIME_DAYS.default}d)`);
  }
  return days;
}

/** `moderato token create --user E [--expires-in 30d]`: the token is printed once, on the last line. */
export async function tokenCreateCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, { user: { type: 'string' }, 'expires-in': { type: 'string' } });
  if (!options.user) throw new UsageError('--user is required (the user’s email)');
  const expiresAt = new Date(Date.now() + lifetimeDays(options['expires-in']) * DAY_MS);
  await withDatabase(async (db) => {
    const user = await findUserByEmail(db, options.user!);
    if (!user) throw new UsageError(`--user ${options.user}: no such user`);
    const { token, tokenHash } = generateApiToken();
    const id = await createApiToken(db, user.id, tokenHash, expiresAt);
    console.log(`API token ${id} for ${user.email} (${user.role}), expires ${expiresAt.toISOString()}; it is shown only now:`);
    console.log(token);
  });
}

/** `moderato token revoke --token T | --id ID`: the token stops working at once. */
export async function tokenRevokeCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, { token: { type: 'string' }, id: { type: 'string' } });
  if ((options.token === undefined) === (options.id === undefined)) throw new UsageError('give either --token T or --id ID (see `moderato token list`)');
  if (options.id !== undefined && !isUuid(options.id)) throw new UsageError(`--id ${options.id}: not a token id (see \`moderato token list\`)`);
  await withDatabase(async (db) => {
    const revoked = await revokeApiToken(db, options.id !== undefined ? { id: options.id } : { tokenHash: hashApiToken(options.token!) });
    if (!revoked) throw new Error('no live token matches');
    console.log('revoked');
  });
}

const COLUMNS = ['ID', 'USER', 'ROLE', 'STATUS', 'EXPIRES', 'LAST USED', 'CREATED'];

function statusOf(token: ApiTokenSummary, now: number): string {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt.getTime() <= now ? 'expired' : 'live';
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '-');

/** `moderato token list [--user E]`: every token's id, owner, status and dates; never a token or its hash. */
export async function tokenListCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, { user: { type: 'string' } });
  const tokens = await withDatabase((db) => listApiTokens(db, { userEmail: options.user }));
  const now = Date.now();
  const rows = [COLUMNS, ...tokens.map((t) => [t.id, t.userEmail, t.role, statusOf(t, now), day(t.expiresAt), day(t.lastUsedAt), day(t.createdAt)])];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}
