import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { bearerTokenMatches } from '@moderato/auth';

export interface MetricsServerOptions {
  registry: Registry;
  port: number;
  /** Required as `Authorization: Bearer` when set; the port is loopback-only either way. */
  token: string | null;
}

/**
 * GET /metrics for one worker process on 127.0.0.1 only: a Prometheus on the
 * same machine (or an agent beside it) scrapes each worker; nothing outside
 * the machine can reach it.
 */
export async function startMetricsServer({ registry, port, token }: MetricsServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    if (token !== null && !bearerTokenMatches(req.headers.authorization, token)) return void res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"' }).end();
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
