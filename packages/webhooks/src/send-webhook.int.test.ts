import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResolveHost } from './resolve-host';
import { sendWebhook as sut } from './send-webhook';

// A real receiver on loopback; the "public" names below resolve to it only
// through the resolver given to the pinned lookup.
interface Received {
  host: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}
let server: Server;
let port: number;
const received: Received[] = [];
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(204).end();

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    received.push({ host: req.headers.host, headers: req.headers, body });
    answer(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answer = (_req, res) => res.writeHead(204).end();
});

const relaxed = { allowHttp: true, allowPrivateNetworks: true };
const httpOnly = { allowHttp: true, allowPrivateNetworks: false };
const resolvesTo =
  (address: string): ResolveHost =>
  async () => [{ address, family: 4 }];
const request = (url: string) => ({ url, body: '{"hello":"receiver"}', headers: { 'content-type': 'application/json', 'x-moderato-event': 'webhook.test' } });

it('POSTs the body and headers, and calls a 2xx a success', async () => {
  const attempt = await sut(request(`http://127.0.0.1:${port}/hook`), { policy: relaxed });
  expect(attempt).toMatchObject({ ok: true, status: 204, error: null, refused: false });
  expect(received).toEqual([expect.objectContaining({ body: '{"hello":"receiver"}' })]);
  expect(received[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-moderato-event': 'webhook.test', 'content-length': '20' });
});

it('connects to the address its own lookup checked: a name no resolver knows reaches the receiver through it', async () => {
  const attempt = await sut(request(`http://receiver.test:${port}/hook`), { policy: relaxed, resolve: resolvesTo('127.0.0.1') });
  expect(attempt).toMatchObject({ ok: true, status: 204 });
  expect(received.map((r) => r.host)).toEqual([`receiver.test:${port}`]);
});

it('refuses a name that resolves to a loopback or private address at delivery, without connecting', async () => {
  for (const address of ['127.0.0.1', '10.0.0.7', '169.254.169.254']) {
    const attempt = await sut(request(`http://rebound.example.org:${port}/hook`), { policy: httpOnly, resolve: resolvesTo(address) });
    expect(attempt).toMatchObject({ ok: false, status: null, refused: true, error: expect.stringMatching(`^not allowed: rebound.example.org resolves to ${address.replaceAll('.', '\\.')}, in `) });
  }
  expect(received).toEqual([]);
});

it('refuses a literal private address, or plain http when it is off, before connecting', async () => {
  expect(await sut(request(`http://127.0.0.1:${port}/hook`), { policy: httpOnly })).toMatchObject({ ok: false, refused: true, error: 'url is not allowed: 127.0.0.1 is in the loopback range' });
  expect(await sut(request(`http://127.0.0.1:${port}/hook`), { policy: { allowHttp: false, allowPrivateNetworks: true } })).toMatchObject({ ok: false, refused: true, error: 'url must use https (plain http is off on this server)' });
  expect(received).toEqual([]);
});

it('does not follow a redirect', async () => {
  answer = (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
  expect(await sut(request(`http://127.0.0.1:${port}/hook`), { policy: relaxed })).toMatchObject({ ok: false, status: 302, error: 'HTTP 302: redirects are not followed', refused: false });
  expect(received).toHaveLength(1);
});

it('calls a 5xx a failure worth retrying', async () => {
  answer = (_req, res) => res.writeHead(503).end('down for maintenance');
  expect(await sut(request(`http://127.0.0.1:${port}/hook`), { policy: relaxed })).toMatchObject({ ok: false, status: 503, error: 'HTTP 503', refused: false });
});

it('gives up on a receiver that does not answer in time', async () => {
  answer = () => undefined;
  expect(await sut(request(`http://127.0.0.1:${port}/hook`), { policy: relaxed, timeoutMs: 200 })).toMatchObject({ ok: false, status: null, error: 'timed out after 200 ms' });
});

it('takes the status of an endless answer without reading it all', async () => {
  answer = (_req, res) => {
    res.writeHead(200);
    const chunk = Buffer.alloc(16 * 1024, 'x');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  };
  expect(await sut(request(`http://127.0.0.1:${port}/hook`), { policy: relaxed })).toMatchObject({ ok: true, status: 200 });
});

it('says when nothing listens', async () => {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  expect(await sut(request(`http://127.0.0.1:${closedPort}/hook`), { policy: relaxed })).toMatchObject({ ok: false, status: null, error: 'connection refused', refused: false });
});
