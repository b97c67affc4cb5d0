import { z } from 'zod';
import type { CommentStatus } from '@moderato/core';
import type { ThreadPage } from '@moderato/db';
import { newCommentSchema, threadQuerySchema } from '../comment-input';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { nextCursorSchema, timestampSchema } from '../openapi/common-schemas';

const commentStatusSchema = answerSchema<CommentStatus>()(
  z.enum(['pending', 'approved', 'held', 'rejected']).meta({ description: '`pending`: accepted, not yet decided.' }),
);

export const commentAcceptedSchema = z.object({ id: z.uuid(), status: z.literal('pending') }).meta({ id: 'CommentAccepted' });
export type CommentAccepted = z.infer<typeof commentAcceptedSchema>;

export const commentStatusAnswerSchema = z.object({ id: z.uuid(), status: commentStatusSchema }).meta({ id: 'CommentStatus' });
export type CommentStatusAnswer = z.infer<typeof commentStatusAnswerSchema>;

export const threadPageSchema = answerSchema<ThreadPage>()(
  z
    .object({
      comments: z.array(
        z.object({ id: z.uuid(), parentId: z.uuid().nullable(), name: z.string(), body: z.string().meta({ description: 'Plain text: render it as text, never as HTML.' }), createdAt: timestampSchema }),
      ),
      next: nextCursorSchema,
    })
    .meta({ id: 'ThreadPage' }),
);

export const commentsApi: ApiOperation[] = operationsTagged('public', [
  {
    id: 'postComment',
    route: 'POST /api/v1/sites/:siteId/articles/:articleId/comments',
    summary: 'Post a comment',
    description:
      "Validated, queued and answered at once; scoring happens later (poll the Location). The body is also held to the site's `maxBodyLength` (5,000 by default). The page's Origin must be one of the site's origins. A post caught by a bot trap gets the same 202 and is dropped.",
    body: newCommentSchema.extend({
      formToken: z.string().optional().meta({ description: 'The token from GET …/form, as the embed sends it; a site posting from its own server sends none.' }),
      website: z.string().optional().meta({ description: 'A honeypot the embed hides: leave it out or empty.' }),
    }),
    responses: {
      202: { description: 'Queued for scoring.', schema: commentAcceptedSchema, headers: z.object({ Location: z.string().meta({ description: '/api/v1/comments/{id}' }) }) },
    },
    errors: [403, 404, 409, 413, 415, 429],
  },
  { id: 'listThread', route: 'GET /api/v1/sites/:siteId/articles/:articleId/comments', summary: 'The public thread: approved comments, oldest first', query: threadQuerySchema, responses: { 200: threadPageSchema }, errors: [404] },
  { id: 'getCommentStatus', route: 'GET /api/v1/comments/:id', summary: "A comment's status", params: z.object({ id: z.uuid() }), responses: { 200: commentStatusAnswerSchema }, errors: [404] },
]);
