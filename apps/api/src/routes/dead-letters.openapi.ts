import { z } from 'zod';
import type { listDeadLetters } from '@moderato/queue';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { timestampSchema } from '../openapi/common-schemas';
import { deadLetterPageSchema, JOB_ID } from './dead-letters.routes';

const deadLettersSchema = answerSchema<Awaited<ReturnType<typeof listDeadLetters>>>()(
  z.object({
    deadLetters: z.array(
      z.object({
        id: z.string().meta({ description: 'The job id: the comment id.' }),
        failedReason: z.string(),
        attemptsMade: z.int(),
        queuedAt: timestampSchema.nullable(),
        processedAt: timestampSchema.nullable(),
        failedAt: timestampSchema.nullable(),
        siteId: z.string().nullable(),
        articleId: z.string().nullable(),
      }),
    ),
    total: z.int(),
  }),
);

export const deadLetterRetriedSchema = z.object({ id: z.string(), retried: z.literal(true) });
export type DeadLetterRetried = z.infer<typeof deadLetterRetriedSchema>;
export const deadLetterDiscardedSchema = z.object({ id: z.string(), discarded: z.literal(true) });
export type DeadLetterDiscarded = z.infer<typeof deadLetterDiscardedSchema>;

const jobParams = z.object({ id: z.string().regex(JOB_ID).meta({ description: 'The job id: the comment id.' }) });

export const deadLettersApi: ApiOperation[] = operationsTagged('admin', [
  { id: 'listDeadLetters', route: 'GET /api/v1/admin/dead-letters', summary: 'Jobs that failed for good, newest first', query: deadLetterPageSchema, responses: { 200: deadLettersSchema } },
  { id: 'retryDeadLetter', route: 'POST /api/v1/admin/dead-letters/:id/retry', summary: 'Queue a dead letter again (audited)', params: jobParams, responses: { 200: deadLetterRetriedSchema }, errors: [404] },
  { id: 'discardDeadLetter', route: 'POST /api/v1/admin/dead-letters/:id/discard', summary: 'Drop a dead letter (audited)', params: jobParams, responses: { 200: deadLetterDiscardedSchema }, errors: [404] },
  { id: 'deleteDeadLetter', route: 'DELETE /api/v1/admin/dead-letters/:id', summary: 'Drop a dead letter (audited); the same as POST …/discard', params: jobParams, responses: { 200: deadLetterDiscardedSchema }, errors: [404] },
]);
