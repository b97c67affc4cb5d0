import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/** Express's `trust proxy`: none, a hop count, or the proxies' addresses, CIDR ranges and names. */
export type TrustProxy = false | number | string[];

const ALTERNATIVES =
  'give the number of proxies in front of the API (e.g. 1), loopback, or their addresses or CIDR ranges (e.g. 10.0.0.0/8,172.16.0.0/12)';
const MAX_HOPS = 32;

/**
 * MODERATO_TRUST_PROXY, parsed once and checked with the parser Express
 * itself uses (proxy-addr), so a value that starts is a value Express reads
 * the same way. `true` is refused: it trusts every hop, so a client behind a
 * proxy that appends to X-Forwarded-For would choose its own address, and
 * every per-IP limit would count whatever it wrote there.
 */
export const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    const lower = value.toLowerCase();
    if (lower === 'false' || lower === '0' || lower === '') return false;
    if (lower === 'true' || lower === 'all') {
      ctx.addIssue({ code: 'custom', message: `"${value}" would trust every hop, so any client could pick its own address through X-Forwarded-For; ${ALTERNATIVES}` });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= MAX_HOPS) return hops;
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_HOPS} proxies (got ${value})` });
      return z.NEVER;
    }
    const list = value.split(',').map((entry) => entry.trim());
    try {
      proxyaddr.compile(list);
      return list;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${(error as Error).message}; ${ALTERNATIVES}` });
      return z.NEVER;
    }
  });
