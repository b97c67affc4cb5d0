import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import express from 'express';
import { createLogger } from '@moderato/config';
import { accessLog } from './access-log.middleware';

// An app with just the access log and two routes, at a given log level.
async function serve(level: string) {
  const lines: string[] = [];
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const app = express();
  app.use(accessLog(createLogger({ level, service: 'api', destination })));
  app.post('/api/v1/sites/:siteId/articles/:articleId/comments', (req, res) => void res.status(req.query.bad ? 400 : 202).json({}));
  app.get('/api/v1/sites/:siteId/review', (_req, res) => void res.json({}));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    lines,
    request: (path: string, method = 'GET') => fetch(`${base}${path}`, { method }).then((r) => r.status),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const completed = (lines: string[]) => lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string }; res?: { statusCode: number } }).filter((l) => l.msg === 'request completed');

describe('accessLog', () => {
  it('at info, logs refused comment posts and other requests, not accepted posts', async () => {
    const app = await serve('info');
    expect(await app.request('/api/v1/sites/blog/articles/a/comments', 'POST')).toBe(202);
    expect(await app.request('/api/v1/sites/blog/articles/a/comments?bad=1', 'POST')).toBe(400);
    expect(await app.request('/api/v1/sites/blog/review')).toBe(200);
    await app.close();
    expect(completed(app.lines).map((l) => [l.req?.url, l.res?.statusCode])).toEqual([
      ['/api/v1/sites/blog/articles/a/comments', 400],
      ['/api/v1/sites/blog/review', 200],
    ]);
  });

  it('at debug, logs accepted posts too', async () => {
    const app = await serve('debug');
    expect(await app.request('/api/v1/sites/blog/articles/a/comments', 'POST')).toBe(202);
    await app.close();
    expect(completed(app.lines).map((l) => l.res?.statusCode)).toEqual([202]);
  });
});
