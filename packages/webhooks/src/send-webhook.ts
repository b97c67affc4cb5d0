import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pinnedLookup, RefusedAddressError } from './pinned-lookup';
import type { ResolveHost } from './resolve-host';
import { parseWebhookUrl, WebhookUrlError, type WebhookUrlPolicy } from './webhook-url';

/** A receiver that has not answered within this many ms has failed this attempt. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** The most of an answer's body read (and dropped) before the connection is closed: only the status counts. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface SendOptions {
  policy: WebhookUrlPolicy;
  timeoutMs?: number;
  /** The resolver behind the pinned lookup (tests give names of their own). */
  resolve?: ResolveHost;
}

/** How one attempt went. `refused`: the URL or its addresses are not allowed, so retrying cannot help. */
export interface WebhookAttempt {
  ok: boolean;
  status: number | null;
  /** Our own words (never the receiver's): `HTTP 500`, `timed out after 5000 ms`, `connection refused` ... */
  error: string | null;
  refused: boolean;
  durationMs: number;
}

function describe(error: NodeJS.ErrnoException, timeoutMs: number): string {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  if (error instanceof RefusedAddressError) return `not allowed: ${error.message}`;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host lookup failed (temporary)',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
  };
  if (error.code && known[error.code]) return known[error.code]!;
  // TLS and other socket errors: the code says enough (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID ...).
  return error.code ? `failed: ${error.code}` : 'failed';
}

/**
 * POSTs one webhook: the URL checked again, the host resolved through the
 * pinned lookup, redirects never followed (a 3xx is a failure), the whole
 * attempt bounded by `timeoutMs`, the answer's body read up to 64 KiB and
 * dropped. No keep-alive: each attempt connects (and checks) afresh.
 */
export async function sendWebhook(request: WebhookRequest, { policy, timeoutMs = WEBHOOK_TIMEOUT_MS, resolve }: SendOptions): Promise<WebhookAttempt> {
  const startedAt = performance.now();
  const took = () => Math.round(performance.now() - startedAt);
  let url: URL;
  try {
    url = parseWebhookUrl(request.url, policy);
  } catch (error) {
    if (error instanceof WebhookUrlError) return { ok: false, status: null, error: error.message, refused: true, durationMs: took() };
    throw error;
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = Buffer.from(request.body, 'utf8');
  return new Promise<WebhookAttempt>((resolvePromise) => {
    const req = send(url, {
      method: 'POST',
      agent: false,
      lookup: pinnedLookup(policy, resolve),
      signal: AbortSignal.timeout(timeoutMs),
      headers: { ...request.headers, 'content-length': String(body.length), connection: 'close' },
    });
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      const error = ok ? null : status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`;
      resolvePromise({ ok, status, error, refused: false, durationMs: took() });
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) res.destroy();
      });
      res.on('error', () => undefined);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      resolvePromise({ ok: false, status: null, error: describe(error, timeoutMs), refused: error instanceof RefusedAddressError, durationMs: took() });
    });
    req.end(body);
  });
}
