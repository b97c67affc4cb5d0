import type { IncomingMessage } from 'node:http';

/** Express's compiled `trust proxy` setting: is the address at this hop (0 = the socket's peer) a proxy we believe? */
export type TrustProxyFn = (address: string, hop: number) => boolean;

/**
 * The request's protocol as Express's req.protocol gives it, for a request
 * Express never set up (the intake's): the socket's own, unless the peer is
 * a trusted proxy, whose X-Forwarded-Proto (its first value) then wins.
 */
export function requestProtocol(req: IncomingMessage, trust: TrustProxyFn): string {
  const own = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  if (!trust(req.socket.remoteAddress ?? '', 0)) return own;
  const forwarded = req.headers['x-forwarded-proto'];
  const header = (Array.isArray(forwarded) ? forwarded[0] : forwarded) || own;
  return header.split(',')[0]!.trim();
}
