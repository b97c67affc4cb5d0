import { isIPv4, isIPv6 } from 'node:net';

/** The development secret: published in this repository, so it protects nothing. */
export const DEVELOPMENT_SECRET = 'moderato-development-secret-do-not-use-in-production';

/** Where the API listens without MODERATO_SECRET: this machine only. */
export const DEVELOPMENT_HOST = '127.0.0.1';

const RISK =
  'the built-in development secret is public, so anyone who has it can decrypt the stored emails (and any backup of them) and forge form tokens and session cookies';

/** Said at start by every service running on the development secret. */
export const DEVELOPMENT_SECRET_WARNING =
  `MODERATO_SECRET is not set: ${RISK}. Listening on loopback only; ` +
  'set MODERATO_SECRET (at least 32 characters, e.g. `openssl rand -hex 32`) before anyone else can reach this install.';

/** The config problem for a non-loopback HOST on the development secret. */
export const exposedDevelopmentSecret = (host: string) =>
  `HOST: ${host} accepts connections from other machines, but MODERATO_SECRET is not set and ${RISK}. ` +
  `Set MODERATO_SECRET (at least 32 characters, e.g. \`openssl rand -hex 32\`), or leave HOST unset to listen on ${DEVELOPMENT_HOST} only.`;

/** True for an address only this machine can reach: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost') return true;
  if (isIPv4(address)) return address.startsWith('127.');
  if (isIPv6(address)) return address === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(address) || /^::ffff:127\./.test(address);
  return false;
}
