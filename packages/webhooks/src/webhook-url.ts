import { describeRefusal, isLocalhostName, literalAddress, refusalOf, type AddressPolicy } from './address-policy';
import { resolveHost, type ResolveHost } from './resolve-host';

export interface WebhookUrlPolicy extends AddressPolicy {
  /** Plain http:// URLs (tests, a relay on the same machine); https only otherwise. */
  allowHttp: boolean;
}

/** A webhook URL that may not be used, with a message that says why (for a 400 naming `url`, or the delivery log). */
export class WebhookUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookUrlError';
  }
}

export const MAX_WEBHOOK_URL_LENGTH = 2048;
const RESOLVE_TIMEOUT_MS = 3_000;

/**
 * What can be told of a URL without the network: https (or http when
 * allowed), no user name or password in it, and a literal address or
 * `localhost` judged by the address policy. Returns the parsed URL, whose
 * normalised hostname (WHATWG turns `0x7f.1` into `127.0.0.1`) is what a
 * delivery connects to.
 */
export function parseWebhookUrl(raw: string, policy: WebhookUrlPolicy): URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw new WebhookUrlError(`url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('url must be an absolute URL, such as https://hooks.example.org/moderato');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw new WebhookUrlError(url.protocol === 'http:' ? 'url must use https (plain http is off on this server)' : 'url must use https');
  }
  if (url.username || url.password) throw new WebhookUrlError('url must not carry a user name or password (deliveries are signed instead)');
  const address = literalAddress(url.hostname);
  const refusal = address ? refusalOf(address, policy) : isLocalhostName(url.hostname) && !policy.allowPrivateNetworks ? { address: url.hostname, why: 'in the loopback range' } : null;
  if (refusal) throw new WebhookUrlError(`url is not allowed: ${describeRefusal(refusal)}`);
  return url;
}

/**
 * parseWebhookUrl, then every address the host resolves to now must pass
 * the policy too: the check at save time. A delivery checks again when it
 * connects (see pinnedLookup), since DNS answers change.
 */
export async function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy, resolve: ResolveHost = resolveHost): Promise<URL> {
  const url = parseWebhookUrl(raw, policy);
  if (literalAddress(url.hostname)) return url;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), RESOLVE_TIMEOUT_MS);
  });
  const addresses = await Promise.race([resolve(url.hostname), timeout])
    .catch(() => {
      throw new WebhookUrlError(`url's host ${url.hostname} does not resolve`);
    })
    .finally(() => clearTimeout(timer));
  for (const { address } of addresses) {
    const refusal = refusalOf(address, policy);
    if (refusal) throw new WebhookUrlError(`url is not allowed: ${url.hostname} resolves to ${refusal.address}, ${refusal.why}`);
  }
  return url;
}
