import { z } from 'zod';
import { QA_VERDICTS, type BadShareEstimate, type QaEstimate, type QaSample } from '@moderato/core';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { nextCursorSchema, storedStatusSchema, timestampSchema } from '../openapi/common-schemas';
import { qaQuerySchema, verdictSchema } from './qa.routes';

const qaSampleSchema = answerSchema<QaSample>()(
  z
    .object({
      commentId: z.uuid(),
      articleId: z.string(),
      parentId: z.uuid().nullable(),
      authorName: z.string(),
      body: z.string(),
      status: storedStatusSchema.meta({ description: 'Where the comment stands now: approved unless someone acted on it since.' }),
      spamScore: z.number(),
      toxicityScore: z.number(),
      decidedAt: timestampSchema,
      sampledAt: timestampSchema,
      verdict: z.enum(QA_VERDICTS).nullable(),
      reviewedBy: z.string().nullable().meta({ description: "The reviewer's email; null until checked." }),
      reviewedAt: timestampSchema.nullable(),
    })
    .meta({ id: 'QaSample' }),
);

const shareSchema = answerSchema<BadShareEstimate>()(
  z.object({
    sampled: z.int(),
    reviewed: z.int(),
    bad: z.int(),
    share: z.number().nullable().meta({ description: 'Bad among reviewed; null where none was reviewed.' }),
    low: z.number().nullable().meta({ description: '95 % Wilson interval.' }),
    high: z.number().nullable(),
  }),
);
const estimateSchema = answerSchema<QaEstimate>()(
  z.object({
    weeks: z.array(shareSchema.extend({ week: z.string().meta({ examples: ['2026-W48'] }), start: z.iso.date() })),
    overall: shareSchema,
  }),
);

export const qaListAnswerSchema = z.object({ samples: z.array(qaSampleSchema), next: nextCursorSchema, estimate: estimateSchema, sampleRate: z.number() });
export type QaListAnswer = z.infer<typeof qaListAnswerSchema>;

export const qaApi: ApiOperation[] = operationsTagged('qa', [
  { id: 'listQaSamples', route: 'GET /api/v1/sites/:siteId/qa', summary: 'QA samples and the estimated share of bad comments among auto-approved ones, per week', query: qaQuerySchema, responses: { 200: qaListAnswerSchema }, errors: [404] },
  { id: 'checkQaSample', route: 'POST /api/v1/sites/:siteId/qa/:commentId', summary: 'Check a sample: ok, spam or toxic', description: 'spam and toxic also unpublish the comment through the usual (audited, labelled) action.', body: verdictSchema, responses: { 200: qaSampleSchema }, errors: [404, 409] },
]);
