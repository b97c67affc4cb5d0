import { z } from 'zod';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';

export const liveAnswerSchema = z.object({ status: z.literal('ok') });
export type LiveAnswer = z.infer<typeof liveAnswerSchema>;

export const readyAnswerSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.record(z.string(), z.enum(['ok', 'unreachable'])).meta({ examples: [{ redis: 'ok', postgres: 'unreachable' }] }),
  })
  .meta({ id: 'Readiness' });
export type ReadyAnswer = z.infer<typeof readyAnswerSchema>;

export const healthApi: ApiOperation[] = operationsTagged('public', [
  { id: 'getLiveness', route: 'GET /healthz', summary: 'The process answers', responses: { 200: liveAnswerSchema } },
  { id: 'getReadiness', route: 'GET /readyz', summary: 'The process and its services (Redis, Postgres) answer', responses: { 200: readyAnswerSchema, 503: { description: 'A service is out of reach.', schema: readyAnswerSchema } } },
]);
