import { z } from 'zod';
import type { SiteOverview } from '@moderato/core';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { timestampSchema } from '../openapi/common-schemas';
import { overviewQuerySchema } from './overview.routes';

const count = z.int().min(0);

export const overviewAnswerSchema = answerSchema<SiteOverview>()(
  z
    .object({
      range: z.object({ days: z.union([z.literal(7), z.literal(30), z.literal(90)]), from: z.iso.date(), to: z.iso.date() }).meta({ description: 'UTC days, today included.' }),
      perDay: z
        .array(z.object({ day: z.iso.date(), autoApproved: count, moderatorApproved: count, held: count, rejected: count }))
        .meta({ description: 'Every day of the range, oldest first: the comments that arrived that day, by where each stands now.' }),
      autoApprovedShare: z.number().nullable().meta({ description: 'Approved automatically among all comments of the range; null when none arrived.' }),
      queue: z
        .object({ held: count, cap: count, oldestHeldAt: timestampSchema.nullable(), oldestHeldSeconds: count.nullable() })
        .meta({ description: 'The queue now, whatever the range: held comments, counted up to cap + 1.' }),
      weeks: z
        .array(z.object({ week: z.iso.date(), days: z.int().min(1).max(7), approvalsOverturned: count, rejectionsOverturned: count, holdsResolved: count }))
        .meta({ description: 'Every ISO week the range touches (Monday, UTC), cut to the range: moderator actions that turned the scorer around, and holds resolved.' }),
      reasons: z.array(z.object({ code: z.string(), comments: count })).meta({ description: 'The ten reason codes most given, each comment counted once per code.' }),
      languages: z.array(z.object({ language: z.string().nullable(), comments: count })).meta({ description: "Comments per detected language, most first; 'und': not recognised; null: decided before detection." }),
    })
    .meta({ id: 'SiteOverview' }),
);
export type OverviewAnswer = z.infer<typeof overviewAnswerSchema>;

export const overviewApi: ApiOperation[] = operationsTagged('overview', [
  { id: 'getSiteOverview', route: 'GET /api/v1/sites/:siteId/overview', summary: "A site's last 7, 30 or 90 days in aggregate, and the queue now", description: 'For anyone working on the site. Definitions: docs/overview.md.', query: overviewQuerySchema, responses: { 200: overviewAnswerSchema }, errors: [404] },
]);
