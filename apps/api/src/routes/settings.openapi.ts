import { z } from 'zod';
import { siteSettingsSchema, type SettingsPreview } from '@moderato/core';
import type { SavedSettings, SettingsVersion } from '@moderato/db';
import { answerSchema } from '../openapi/answer-schema';
import type { ApiOperation } from '../openapi/api-operation';
import { decisionSchema, timestampSchema } from '../openapi/common-schemas';
import { articleSwitchesSchema, previewQuerySchema } from './settings.routes';

const settingsSchema = siteSettingsSchema.meta({ id: 'SiteSettings' });

// The route merges the change into the settings saved now and checks the
// result with siteSettingsSchema; this is the same schema, every key optional.
const bandsPatch = z.object(siteSettingsSchema.shape.spam.shape).partial().strict();
const settingsPatchSchema = siteSettingsSchema
  .extend({ spam: bandsPatch, toxicity: bandsPatch })
  .partial()
  .meta({
    id: 'SettingsChange',
    description: 'The keys to change: bands merge key by key, lists are replaced whole. approveBelow must not be above rejectAbove once merged.',
    examples: [{ spam: { rejectAbove: 0.9 } }],
  });

export const settingsAnswerSchema = answerSchema<SavedSettings>()(z.object({ settings: settingsSchema, version: z.int() }));
export type SettingsAnswer = z.infer<typeof settingsAnswerSchema>;

export const settingsVersionsSchema = z.object({
  versions: z.array(
    answerSchema<SettingsVersion>()(
      z.object({ version: z.int(), settings: settingsSchema, changedBy: z.string().nullable().meta({ description: 'Who saved it; null for the version made with the site.' }), createdAt: timestampSchema }),
    ),
  ),
});
export type SettingsVersionsAnswer = z.infer<typeof settingsVersionsSchema>;

const decisionCounts = z.object({ approve: z.int(), hold: z.int(), reject: z.int() });
const agreement = z.object({
  approvedButModeratorsRejected: z.int(),
  rejectedButModeratorsApproved: z.int(),
  rejectPrecision: z.number().nullable(),
  rejectRecall: z.number().nullable(),
});
const previewSchema = answerSchema<SettingsPreview>()(
  z
    .object({
      total: z.int(),
      current: decisionCounts,
      proposed: decisionCounts,
      changed: z.array(z.object({ id: z.uuid(), from: decisionSchema, to: decisionSchema })).meta({ description: 'The first 1,000 comments whose decision would change.' }),
      changedTotal: z.int(),
      agreement: z.object({ labelled: z.int(), current: agreement, proposed: agreement }),
      histograms: z.object({ spam: z.array(z.int()), toxicity: z.array(z.int()) }).meta({ description: '20 bins of 0.05 each.' }),
    })
    .meta({ id: 'SettingsPreview' }),
);

export const articleSettingsAnswerSchema = z.object({ articleId: z.string(), closed: z.boolean(), premoderate: z.boolean() });
export type ArticleSettingsAnswer = z.infer<typeof articleSettingsAnswerSchema>;

export const settingsApi: ApiOperation[] = [
  { id: 'getSettings', route: 'GET /api/v1/sites/:siteId/settings', tag: 'settings', access: 'staff', summary: "The site's settings", responses: { 200: settingsAnswerSchema }, errors: [404] },
  {
    id: 'saveSettings',
    route: 'PUT /api/v1/sites/:siteId/settings',
    tag: 'settings',
    access: 'staff',
    summary: 'Change settings: a new version (owners and admins)',
    description: 'Applies to the next comment within 5 seconds. Anything invalid is a 400 naming the field, and nothing is saved.',
    body: settingsPatchSchema,
    responses: { 200: settingsAnswerSchema },
    errors: [404],
  },
  {
    id: 'previewSettings',
    route: 'POST /api/v1/sites/:siteId/settings/preview',
    tag: 'settings',
    access: 'staff',
    summary: "Re-decide the site's recent comments under candidate settings; saves nothing",
    description: '503 `preview_busy` or `preview_timeout` when previews are queued up or one runs too long.',
    query: previewQuerySchema,
    body: settingsPatchSchema,
    responses: { 200: previewSchema },
    errors: [404],
  },
  {
    id: 'listSettingsVersions',
    route: 'GET /api/v1/sites/:siteId/settings/versions',
    tag: 'settings',
    access: 'staff',
    summary: 'Every saved version, newest first',
    responses: { 200: settingsVersionsSchema },
    errors: [404],
  },
  {
    id: 'saveArticleSettings',
    route: 'PUT /api/v1/sites/:siteId/articles/:articleId/settings',
    tag: 'settings',
    access: 'staff',
    summary: 'Close an article, or premoderate it (owners and admins)',
    body: articleSwitchesSchema.meta({ description: 'At least one of the two.', minProperties: 1 }),
    responses: { 200: articleSettingsAnswerSchema },
    errors: [404],
  },
];
