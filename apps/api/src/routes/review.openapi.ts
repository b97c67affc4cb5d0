import { z } from 'zod';
import type { AuthorComments, CommentEvent, countByStatus, listReviewQueue } from '@moderato/db';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { nextCursorSchema, reasonSchema, storedStatusSchema, timestampSchema } from '../openapi/common-schemas';
import { actionSchema, authorQuerySchema, bulkSchema, reviewQuerySchema } from './review.routes';

const statusCountsSchema = answerSchema<Awaited<ReturnType<typeof countByStatus>>>()(z.object({ held: z.int(), approved: z.int(), rejected: z.int() }));

export const sitesAnswerSchema = z.object({ sites: z.array(z.object({ id: z.string(), name: z.string(), counts: statusCountsSchema })) });
export type SitesAnswer = z.infer<typeof sitesAnswerSchema>;

const reviewCommentSchema = z
  .object({
    id: z.uuid(),
    articleId: z.string(),
    parentId: z.uuid().nullable(),
    name: z.string(),
    body: z.string(),
    status: storedStatusSchema,
    language: z.string().nullable().meta({ description: 'The language the scorer judged it as (en, ru, kk … or und); null for comments decided before languages were recorded.' }),
    spam: z.number(),
    toxicity: z.number(),
    reasons: z.array(reasonSchema),
    createdAt: timestampSchema,
    decidedAt: timestampSchema,
    author: z.object({ approved: z.int(), rejected: z.int() }).meta({ description: "The author's earlier comments on the site, by keyed email hash." }),
  })
  .meta({ id: 'ReviewComment' });

const reviewPageSchema = answerSchema<Awaited<ReturnType<typeof listReviewQueue>>>()(
  z.object({ comments: z.array(reviewCommentSchema), next: nextCursorSchema }).meta({ id: 'ReviewPage' }),
);

const authorCommentsSchema = answerSchema<AuthorComments>()(
  z
    .object({
      comments: z.array(reviewCommentSchema),
      next: nextCursorSchema,
      counts: statusCountsSchema.meta({ description: "All the author's comments on the site, per status." }),
    })
    .meta({ id: 'AuthorComments' }),
);

export const reviewCountsSchema = statusCountsSchema.extend({
  cap: z.int().meta({ description: 'Each status is counted up to cap + 1: a figure above cap means "more than cap".' }),
});
export type ReviewCounts = z.infer<typeof reviewCountsSchema>;

export const moderatedSchema = z.object({ id: z.uuid(), status: storedStatusSchema });
export type Moderated = z.infer<typeof moderatedSchema>;
export const bulkModeratedSchema = z.object({ comments: z.array(moderatedSchema) });
export type BulkModerated = z.infer<typeof bulkModeratedSchema>;

const commentEventSchema = answerSchema<CommentEvent>()(
  z.object({
    action: z.string().meta({ description: 'intake, decide (automatic), approve / reject / spam, reveal-email, qa …' }),
    at: timestampSchema,
    actor: z.string().meta({ description: "system:intake, system:scorer, or a staff member's email." }),
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).meta({ description: 'For a decision: its scores, thresholds, settings and model versions.' }),
  }),
);
export const historySchema = z.object({ events: z.array(commentEventSchema) });
export type HistoryAnswer = z.infer<typeof historySchema>;

export const revealedEmailSchema = z.object({ id: z.uuid(), email: z.string() });
export type RevealedEmail = z.infer<typeof revealedEmailSchema>;

const commentParams = z.object({ id: z.uuid() });

export const reviewApi: ApiOperation[] = [
  ...operationsTagged('moderation', [
    { id: 'listSites', route: 'GET /api/v1/sites', summary: 'The sites you work on, with their counts', responses: { 200: sitesAnswerSchema } },
    { id: 'listReviewQueue', route: 'GET /api/v1/sites/:siteId/review', summary: "A page of the site's comments in one status, likely-bad or oldest first, optionally filtered", description: 'Filters, each optional (an empty one is none): `article`; `language` (en, ru, other: any other detected language, und: none recognised); `reason` (a reason code recorded with the decision, e.g. links, spam-model); `q` (words of the body: every word must occur, each also as the start of a longer one; case-insensitive, no stemming, any language).', query: reviewQuerySchema, responses: { 200: reviewPageSchema }, errors: [404] },
    { id: 'countReviewQueue', route: 'GET /api/v1/sites/:siteId/review/counts', summary: "The site's comments per status, counted up to a cap", responses: { 200: reviewCountsSchema }, errors: [404] },
  ]),
  ...operationsTagged('comments', [
    { id: 'moderateComments', route: 'POST /api/v1/comments/moderation', summary: 'Approve, reject or mark as spam up to 500 comments, all or nothing', description: 'One transaction. An id that does not exist or is on a site you do not work on is a 404; with `expectedStatus`, a comment that moved on is a 409 and nothing changes.', body: bulkSchema, responses: { 200: bulkModeratedSchema }, errors: [404, 409] },
    { id: 'moderateComment', route: 'POST /api/v1/comments/:id/moderation', summary: 'Approve, reject or mark one comment as spam', description: 'Stored as a training label (approve: clean, spam: spam, reject: toxic). With `expectedStatus`, a comment that moved on is a 409 and nothing changes.', params: commentParams, body: actionSchema, responses: { 200: moderatedSchema }, errors: [404, 409] },
    { id: 'listAuthorComments', route: 'GET /api/v1/comments/:id/author-comments', summary: "Every comment on the comment's site written with the same email, newest first", description: 'Matched by the keyed email hash on the server; neither the email nor its hash is in the answer. Only the site of the comment named; a comment of a site you do not work on is a 404.', params: commentParams, query: authorQuerySchema, responses: { 200: authorCommentsSchema }, errors: [404] },
    { id: 'getCommentHistory', route: 'GET /api/v1/comments/:id/history', summary: "A comment's audit trail", params: commentParams, responses: { 200: historySchema }, errors: [404] },
    { id: 'revealEmail', route: 'POST /api/v1/comments/:id/reveal-email', summary: "The author's email (admins only; recorded in the history)", params: commentParams, responses: { 200: revealedEmailSchema }, errors: [404] },
  ]),
];
