import type { LookupFunction } from 'node:net';
import { refusalOf, type AddressPolicy } from './address-policy';
import { resolveHost, type ResolveHost } from './resolve-host';

/** The host resolved to an address the policy refuses: no connection was made. */
export class RefusedAddressError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

/**
 * A `lookup` for node:http(s) requests: it resolves the host once, refuses
 * the whole host if any of its addresses fails the policy, and hands the
 * socket exactly the addresses it checked. The connection goes to a checked
 * address, so a DNS answer that changes between check and connect (DNS
 * rebinding) cannot send it elsewhere. Answers both ways Node asks: one
 * address, or all of them (`all: true`, used by happy eyeballs).
 */
export function pinnedLookup(policy: AddressPolicy, resolve: ResolveHost = resolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const refusal = found.map(({ address }) => refusalOf(address, policy)).find((r) => r !== null);
        if (refusal) return callback(new RefusedAddressError(`${hostname} resolves to ${refusal.address}, ${refusal.why}`), '', 0);
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = found.filter((a) => family === undefined || a.family === family);
        const first = usable[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, usable);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
