import { z } from 'zod';
import { siteSettingsSchema } from '@moderato/core';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';

export const formAnswerSchema = z
  .object({
    token: z.string().meta({ description: 'Signed "rendered at" token: send it back as `formToken` with the post.' }),
    linkStyle: siteSettingsSchema.shape.linkStyle,
    maxBodyLength: siteSettingsSchema.shape.maxBodyLength,
  })
  .meta({ id: 'CommentForm' });
export type FormAnswer = z.infer<typeof formAnswerSchema>;

export const embedApi: ApiOperation[] = operationsTagged('public', [
  { id: 'getCommentForm', route: 'GET /api/v1/sites/:siteId/articles/:articleId/form', summary: "What the embed's form needs: a form token and the site's form settings", description: 'Not cached (`Cache-Control: no-store`): each rendered form gets its own token.', responses: { 200: formAnswerSchema }, errors: [400, 404] },
]);
