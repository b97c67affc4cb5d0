import { z } from 'zod';
import { siteSettingsSchema, type SettingsPreviewWithText } from '@moderato/core';
import type { SavedSettings, SettingsVersion } from '@moderato/db';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
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
  moderatorsRejected: z.int().meta({ description: 'Labelled comments moderators rejected or marked spam.' }),
  rejectedOfModeratorsRejected: z.int().meta({ description: 'Of those, how many these settings would reject.' }),
  rejectedLabelled: z.int().meta({ description: 'Labelled comments these settings would reject, whichever way moderators decided.' }),
  approvedButModeratorsRejected: z.int(),
  rejectedButModeratorsApproved: z.int(),
  rejectPrecision: z.number().nullable(),
  rejectRecall: z.number().nullable(),
});
const changedSchema = z.object({
  id: z.uuid(),
  from: decisionSchema,
  to: decisionSchema,
  spam: z.number(),
  toxicity: z.number(),
  reasons: z.array(z.string()).meta({ description: 'What flips the decision: thresholds crossed or no longer reached, rules that now hit or no longer do, premoderation, trust.' }),
  comment: z
    .object({ name: z.string(), articleId: z.string(), excerpt: z.string().meta({ description: 'The first 280 characters of the body.' }), truncated: z.boolean() })
    .nullable()
    .meta({ description: 'null: erased since.' }),
});
const previewSchema = answerSchema<SettingsPreviewWithText>()(
  z
    .object({
      total: z.int(),
      current: decisionCounts,
      proposed: decisionCounts,
      changed: z.array(changedSchema).meta({ description: 'The comments whose decision would change, newest first, at most 100 of each kind of change.' }),
      changedTotal: z.int(),
      changedKinds: z.array(z.object({ from: decisionSchema, to: decisionSchema, count: z.int() })).meta({ description: 'Every kind of change, counted over the whole sample, most frequent first.' }),
      agreement: z.object({ labelled: z.int(), current: agreement, proposed: agreement }),
      histograms: z.object({ spam: z.array(z.int()), toxicity: z.array(z.int()) }).meta({ description: '20 bins of 0.05 each.' }),
    })
    .meta({ id: 'SettingsPreview' }),
);

export const articleSettingsAnswerSchema = z.object({ articleId: z.string(), closed: z.boolean(), premoderate: z.boolean() });
export type ArticleSettingsAnswer = z.infer<typeof articleSettingsAnswerSchema>;

export const settingsApi: ApiOperation[] = operationsTagged('settings', [
  { id: 'getSettings', route: 'GET /api/v1/sites/:siteId/settings', summary: "The site's settings", responses: { 200: settingsAnswerSchema }, errors: [404] },
  { id: 'saveSettings', route: 'PUT /api/v1/sites/:siteId/settings', summary: 'Change settings: a new version (owners and admins)', description: 'Applies to the next comment within 5 seconds. Anything invalid is a 400 naming the field, and nothing is saved.', body: settingsPatchSchema, responses: { 200: settingsAnswerSchema }, errors: [404] },
  { id: 'previewSettings', route: 'POST /api/v1/sites/:siteId/settings/preview', summary: "Re-decide the site's recent comments under candidate settings; saves nothing", description: '503 `preview_busy` or `preview_timeout` when previews are queued up or one runs too long.', query: previewQuerySchema, body: settingsPatchSchema, responses: { 200: previewSchema }, errors: [404] },
  { id: 'listSettingsVersions', route: 'GET /api/v1/sites/:siteId/settings/versions', summary: 'Every saved version, newest first', responses: { 200: settingsVersionsSchema }, errors: [404] },
  { id: 'saveArticleSettings', route: 'PUT /api/v1/sites/:siteId/articles/:articleId/settings', summary: 'Close an article, or premoderate it (owners and admins)', body: articleSwitchesSchema.meta({ description: 'At least one of the two.', minProperties: 1 }), responses: { 200: articleSettingsAnswerSchema }, errors: [404] },
]);
