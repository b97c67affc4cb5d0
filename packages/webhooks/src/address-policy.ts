import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** What the operator lets webhooks reach beyond the public internet. */
export interface AddressPolicy {
  /** Private, loopback, IPv6 unique-local and carrier-grade NAT ranges (a relay on the same network, tests). */
  allowPrivateNetworks: boolean;
}

// Opened by MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS. Link-local stays shut even
// then: 169.254.169.254 is where cloud machines serve their credentials.
const PRIVATE_RANGES = new Set(['private', 'loopback', 'uniqueLocal', 'carrierGradeNat']);

const RANGE_NAMES: Record<string, string> = {
  private: 'in a private range',
  loopback: 'in the loopback range',
  uniqueLocal: 'in an IPv6 unique-local range',
  carrierGradeNat: 'in the carrier-grade NAT range',
  linkLocal: 'in a link-local range',
  multicast: 'in a multicast range',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
};

/** An address a webhook may not reach, as checked (IPv4-mapped forms as IPv4), and why. */
export interface Refusal {
  address: string;
  /** `in a private range`, `the unspecified address` ... */
  why: string;
}

/** "10.0.0.1 is in a private range" */
export const describeRefusal = ({ address, why }: Refusal): string => `${address} is ${why}`;

/**
 * Why a webhook may not connect to this address, or null when it may. Only
 * what ipaddr.js calls ordinary unicast passes (plus the private ranges when
 * allowed): every special-purpose block is refused, and the IPv4-mapped IPv6
 * form is judged as the IPv4 address it carries. Addresses that embed IPv4
 * otherwise (6to4, NAT64, Teredo) are special-purpose, so refused too.
 */
export function refusalOf(address: string, policy: AddressPolicy): Refusal | null {
  if (!ipaddr.isValid(address)) return { address, why: 'not an IP address' };
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'unicast' || (policy.allowPrivateNetworks && PRIVATE_RANGES.has(range))) return null;
  return { address: ip.toString(), why: RANGE_NAMES[range] ?? `in a special-purpose range (${range})` };
}

/** The address in a URL's hostname (brackets off an IPv6 one), or null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** `localhost` and its subdomains always mean loopback (RFC 6761), whatever a resolver says. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
