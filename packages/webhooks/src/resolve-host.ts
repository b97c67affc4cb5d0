import { lookup } from 'node:dns/promises';

/** A host's addresses as the system resolver gives them. */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** Every address the system resolver gives for a name (what a plain connect would choose from). */
export const resolveHost: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });
