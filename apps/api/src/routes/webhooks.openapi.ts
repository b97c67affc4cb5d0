import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS, WEBHOOK_TEST_EVENT } from '@moderato/core';
import type { WebhookDelivery } from '@moderato/db';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { timestampSchema } from '../openapi/common-schemas';
import { deliveriesQuerySchema, emptySchema, webhookSchema, type webhookView } from './webhooks.routes';

const webhookViewSchema = answerSchema<ReturnType<typeof webhookView>>()(
  z
    .object({
      url: z.string(),
      format: z.enum(WEBHOOK_FORMATS),
      events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
      enabled: z.boolean(),
      createdAt: timestampSchema,
      updatedAt: timestampSchema,
    })
    .meta({ id: 'Webhook' }),
);

export const webhookAnswerSchema = z.object({ webhook: webhookViewSchema.nullable().meta({ description: 'null: the site has no webhook.' }) });
export type WebhookAnswer = z.infer<typeof webhookAnswerSchema>;

export const savedWebhookSchema = z.object({
  webhook: webhookViewSchema,
  secret: z
    .string()
    .optional()
    .meta({ description: 'The signing secret (whsec_…): only in the answer that creates the webhook or rotates its secret. It is not stored and not shown again.' }),
});
export type SavedWebhook = z.infer<typeof savedWebhookSchema>;

export const testQueuedSchema = z.object({ eventId: z.uuid().meta({ description: 'The test event; its delivery shows in the log under this id.' }) });
export type TestQueued = z.infer<typeof testQueuedSchema>;

const deliverySchema = answerSchema<WebhookDelivery>()(
  z.object({
    id: z.string(),
    eventId: z.uuid(),
    eventType: z.enum([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT]),
    commentId: z.uuid().nullable(),
    attempt: z.int(),
    statusCode: z.int().nullable().meta({ description: "The receiver's status; null when no answer came." }),
    error: z.string().nullable().meta({ description: 'Why the attempt failed, in our words (HTTP 500, timed out after 5000 ms, url is not allowed: …); null for a success.' }),
    durationMs: z.int(),
    at: timestampSchema,
  }),
);
export const deliveriesAnswerSchema = z.object({
  deliveries: z.array(deliverySchema),
  next: z.string().nullable().meta({ description: 'Pass back as `before` for older attempts; null on the last page.' }),
});
export type DeliveriesAnswer = z.infer<typeof deliveriesAnswerSchema>;

export const webhooksApi: ApiOperation[] = operationsTagged('webhooks', [
  { id: 'getWebhook', route: 'GET /api/v1/sites/:siteId/webhook', summary: "The site's webhook, without its secret", responses: { 200: webhookAnswerSchema }, errors: [404] },
  { id: 'saveWebhook', route: 'PUT /api/v1/sites/:siteId/webhook', summary: "Create or replace the site's webhook", description: 'The URL must be https and resolve to public addresses only, unless the operator allows plain http (MODERATO_WEBHOOK_ALLOW_HTTP) or private networks (MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS); otherwise 400 naming `url`. 201 with the secret when created; 200 otherwise, with a new secret when `rotateSecret` is set.', body: webhookSchema, responses: { 200: savedWebhookSchema, 201: savedWebhookSchema }, errors: [404] },
  { id: 'deleteWebhook', route: 'DELETE /api/v1/sites/:siteId/webhook', summary: "Remove the site's webhook", responses: { 204: { description: 'Removed.' } }, errors: [404] },
  { id: 'testWebhook', route: 'POST /api/v1/sites/:siteId/webhook/test', summary: 'Queue a test event (tried once, even when the webhook is off)', body: emptySchema.meta({ description: 'Nothing, or an empty object.' }), bodyOptional: true, responses: { 202: testQueuedSchema }, errors: [404] },
  { id: 'listWebhookDeliveries', route: 'GET /api/v1/sites/:siteId/webhook/deliveries', summary: 'The delivery log, one row per attempt, newest first (30 days, 1,000 rows at most)', query: deliveriesQuerySchema, responses: { 200: deliveriesAnswerSchema }, errors: [404] },
]);
