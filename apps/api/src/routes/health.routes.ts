import { Router } from 'express';
import type { LiveAnswer, ReadyAnswer } from './health.openapi';

export interface HealthRoutesOptions {
  /** Named checks of the services this process needs; each rejects when its service is unreachable. */
  checks: Record<string, () => Promise<unknown>>;
  timeoutMs?: number;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** `/healthz`: the process answers. `/readyz`: its services answer too. */
export function healthRoutes({ checks, timeoutMs = 1_000 }: HealthRoutesOptions): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' } satisfies LiveAnswer);
  });
  router.get('/readyz', async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), timeoutMs);
          return [name, 'ok'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = entries.every(([, state]) => state === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks: Object.fromEntries(entries) } satisfies ReadyAnswer);
  });
  return router;
}
