import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '@moderato/config';

// A comment post, in any spelling its route takes: the bulk of the traffic in a busy hour.
const COMMENT_POST = /^\/api\/v1\/sites\/[^/]+\/articles\/[^/]+\/comments\/?(?:\?|$)/i;

// Method, path and status only: no headers, no client address, no body.
const requestFields = (req: IncomingMessage) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] });
const responseFields = (res: ServerResponse) => ({ statusCode: res.statusCode });

/**
 * One pino line per answered request: request id, method, path and status.
 * Health probes are not logged.
 *
 * Accepted comment posts are logged only at `debug`: at a few thousand a
 * second the access line and its child logger were a sixth of the API's
 * CPU, and each accepted comment is logged anyway when the worker decides it
 * (with its id) and counted in /metrics. Refused posts (4xx/5xx) are logged
 * at every level, in the same shape.
 *
 * Plain Node request and answer, so the intake (which never becomes an
 * Express request: intake-listener.ts) logs through it too.
 */
export function accessLog(logger: Logger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const logRequest = pinoHttp({
    logger,
    serializers: { req: requestFields, res: responseFields },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
  if (logger.isLevelEnabled('debug')) return logRequest;
  return (req, res, next) => {
    if (req.method !== 'POST' || !COMMENT_POST.test(req.url ?? '')) return logRequest(req, res, next);
    const startedAt = performance.now();
    res.on('finish', () => {
      if (res.statusCode < 300) return;
      logger.info({ req: requestFields(req), res: responseFields(res), responseTime: Math.round(performance.now() - startedAt) }, 'request completed');
    });
    next();
  };
}
