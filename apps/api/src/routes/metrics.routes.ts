import { Router } from 'express';
import type { Registry } from 'prom-client';
import { bearerTokenMatches } from '@moderato/auth';
import { HttpError } from '../errors';

export interface MetricsRoutesOptions {
  registry: Registry;
  /** The text to serve; default this process's registry (a cluster reads every process's). */
  read?: () => Promise<string>;
  /** MODERATO_METRICS_TOKEN; without one the route is not mounted at all (404). */
  token: string;
}

/** GET /metrics in Prometheus text format, for a scraper holding the bearer token. */
export function metricsRoutes({ registry, token, read = () => registry.metrics() }: MetricsRoutesOptions): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!bearerTokenMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new HttpError(401, 'unauthenticated', 'send the metrics token as Authorization: Bearer <token>');
    }
    res.type(registry.contentType).send(await read());
  });
  return router;
}
