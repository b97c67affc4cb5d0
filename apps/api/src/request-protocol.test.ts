import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import express from 'express';
import { requestProtocol, type TrustProxyFn } from './request-protocol';

// A request as Node hands it over: a socket with a peer address, and headers.
function nodeRequest(remoteAddress: string, headers: Record<string, string>, encrypted = false): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  if (encrypted) Object.assign(socket, { encrypted: true });
  const req = new IncomingMessage(socket);
  req.headers = headers;
  return req;
}

// What Express's req.protocol answers for the same request under the same setting.
function expressProtocol(trustProxy: unknown, req: IncomingMessage): string {
  const app = express();
  app.set('trust proxy', trustProxy);
  const expressReq = Object.setPrototypeOf(req, app.request) as express.Request;
  Object.assign(expressReq, { app });
  return expressReq.protocol;
}

describe('requestProtocol', () => {
  it.each([
    ['no proxy trusted, a forged header', false, '203.0.113.9', { 'x-forwarded-proto': 'https' }, false],
    ['one hop trusted', 1, '10.0.0.2', { 'x-forwarded-proto': 'https' }, false],
    ['one hop trusted, a list of protocols', 1, '10.0.0.2', { 'x-forwarded-proto': 'https, http' }, false],
    ['loopback trusted, a peer elsewhere', 'loopback', '203.0.113.9', { 'x-forwarded-proto': 'https' }, false],
    ['loopback trusted, no header', 'loopback', '127.0.0.1', {}, false],
    ['a TLS socket, nothing trusted', false, '203.0.113.9', {}, true],
    ['addresses trusted', '10.0.0.0/8, 192.168.0.1', '10.1.2.3', { 'x-forwarded-proto': 'https' }, false],
  ])('%s: as Express says', (_case, trustProxy, peer, headers, encrypted) => {
    const app = express();
    app.set('trust proxy', trustProxy);
    const trust = app.get('trust proxy fn') as TrustProxyFn;

    const ours = requestProtocol(nodeRequest(peer, headers, encrypted), trust);

    expect(ours).toBe(expressProtocol(trustProxy, nodeRequest(peer, headers, encrypted)));
  });
});
