import { z } from 'zod';
import { SITE_MODEL_STATUSES, type HeldOutMetrics, type SiteModelSummary } from '@moderato/core';
import type { listSiteModelEvents, rollbackSiteModel, ShadowComparison, WeeklyAgreement } from '@moderato/db';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { decisionSchema, reasonSchema, timestampSchema } from '../openapi/common-schemas';
import { comparisonQuerySchema, emptySchema, promoteSchema, versionSchema } from './models.routes';

const heldOutSchema = answerSchema<HeldOutMetrics>()(
  z.object({
    labels: z.int(),
    clean: z.int(),
    bad: z.int(),
    agreement: z.number().meta({ description: 'Share of labels the automatic decision matched.' }),
    cleanHeld: z.number(),
    badApproved: z.number(),
    rocAuc: z.number().nullable(),
  }),
);
const classCounts = z.object({ yes: z.int(), no: z.int(), learned: z.boolean() });

const siteModelSchema = answerSchema<SiteModelSummary>()(
  z
    .object({
      siteId: z.string(),
      version: z.int(),
      status: z.enum(SITE_MODEL_STATUSES),
      baseModelVersion: z.string(),
      labelCutoff: timestampSchema,
      trainingData: z.object({
        cutoff: timestampSchema,
        labels: z.int(),
        trainLabels: z.int(),
        heldOutLabels: z.int(),
        heldOutFrom: timestampSchema.nullable(),
        languages: z.record(z.string(), z.object({ spam: classCounts, toxic: classCounts })),
        durationMs: z.number(),
      }),
      metrics: z.object({ candidate: heldOutSchema, live: heldOutSchema, liveVersion: z.int().nullable().meta({ description: 'null: the shipped model.' }) }),
      createdBy: z.string(),
      createdAt: timestampSchema,
      statusChangedAt: timestampSchema,
      wentLiveAt: timestampSchema.nullable(),
    })
    .meta({ id: 'SiteModel' }),
);

const agreementSchema = answerSchema<WeeklyAgreement>()(z.object({ week: z.iso.date(), model: z.string(), labelled: z.int(), agreed: z.int() }));
const eventSchema = answerSchema<Awaited<ReturnType<typeof listSiteModelEvents>>[number]>()(
  z.object({
    version: z.int().nullable(),
    action: z.enum(['train', 'shadow', 'unshadow', 'promote', 'rollback']),
    forced: z.boolean(),
    actor: z.string(),
    details: z.record(z.string(), z.unknown()),
    at: timestampSchema,
  }),
);

export const modelsAnswerSchema = z.object({
  live: z.int().nullable().meta({ description: 'The site model that decides; null: the shipped model.' }),
  shadow: z.int().nullable(),
  // An intersection, so the document refers to SiteModel rather than repeating it.
  models: z.array(z.intersection(siteModelSchema, z.object({ worseThanLive: z.boolean() }))),
  agreement: z.array(agreementSchema),
  events: z.array(eventSchema),
});
export type ModelsAnswer = z.infer<typeof modelsAnswerSchema>;

const comparisonSchema = answerSchema<ShadowComparison>()(
  z.object({
    version: z.int(),
    compared: z.int(),
    agreed: z.int(),
    pairs: z.record(z.string(), z.int()).meta({ description: 'Counts per pair of decisions, keyed "live→shadow".' }),
    disagreements: z.array(
      z.object({
        commentId: z.uuid(),
        body: z.string(),
        authorName: z.string(),
        decidedAt: timestampSchema,
        live: z.object({ decision: decisionSchema, spam: z.number(), toxicity: z.number() }),
        shadow: z.object({ decision: decisionSchema, spam: z.number(), toxicity: z.number(), reasons: z.array(reasonSchema) }),
        status: z.string(),
      }),
    ),
  }),
);

export const trainingQueuedSchema = z.object({ jobId: z.string(), siteId: z.string() });
export type TrainingQueued = z.infer<typeof trainingQueuedSchema>;
const rolledBackSchema = answerSchema<Awaited<ReturnType<typeof rollbackSiteModel>>>()(
  z.object({ retired: z.int(), live: z.int().nullable().meta({ description: 'null: the shipped model.' }) }),
);
const modelAnswerSchema = answerSchema<{ model: SiteModelSummary }>()(z.object({ model: siteModelSchema }));

const versionParams = z.object({ version: versionSchema.meta({ description: 'A model version: 3 or v3.' }) });
/** The model actions that take no input accept no body at all, or `{}`. */
const noBodyNeeded = { body: emptySchema.meta({ description: 'Nothing, or an empty object.' }), bodyOptional: true } as const;

export const modelsApi: ApiOperation[] = operationsTagged('models', [
  { id: 'listSiteModels', route: 'GET /api/v1/sites/:siteId/models', summary: "The site's models, weekly agreement and events", responses: { 200: modelsAnswerSchema }, errors: [404] },
  { id: 'compareShadow', route: 'GET /api/v1/sites/:siteId/models/:version/comparison', summary: "A model's shadow decisions beside live's", params: versionParams, query: comparisonQuerySchema, responses: { 200: comparisonSchema }, errors: [404] },
  { id: 'trainSiteModel', route: 'POST /api/v1/sites/:siteId/models/train', summary: 'Queue a training run in the workers', ...noBodyNeeded, responses: { 202: trainingQueuedSchema }, errors: [404] },
  { id: 'rollBackSiteModel', route: 'POST /api/v1/sites/:siteId/models/rollback', summary: 'Retire the live model; the one live before it (or the shipped model) decides again', ...noBodyNeeded, responses: { 200: rolledBackSchema }, errors: [404, 409] },
  { id: 'promoteSiteModel', route: 'POST /api/v1/sites/:siteId/models/:version/promote', summary: 'Make a model live (audited); refused if it did worse than live unless forced', params: versionParams, body: promoteSchema, bodyOptional: true, responses: { 200: modelAnswerSchema }, errors: [404, 409] },
  { id: 'shadowSiteModel', route: 'POST /api/v1/sites/:siteId/models/:version/shadow', summary: 'Score new comments with a model beside live, without applying it', params: versionParams, ...noBodyNeeded, responses: { 200: modelAnswerSchema }, errors: [404, 409] },
]);
