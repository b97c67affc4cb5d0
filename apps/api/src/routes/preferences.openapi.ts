import { z } from 'zod';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';
import { preferencesSchema } from './preferences.routes';

export const preferencesAnswerSchema = z.object({
  language: z.string().nullable().meta({ description: "The dashboard's language; null follows the browser." }),
});
export type Preferences = z.infer<typeof preferencesAnswerSchema>;

export const preferencesApi: ApiOperation[] = operationsTagged('moderation', [
  { id: 'getPreferences', route: 'GET /api/v1/me/preferences', summary: "The signed-in user's own preferences", responses: { 200: preferencesAnswerSchema } },
  { id: 'savePreferences', route: 'PUT /api/v1/me/preferences', summary: "Chooses the signed-in user's dashboard language", description: 'A language the dashboard has no catalogue for is refused (400 naming language).', body: preferencesSchema, responses: { 200: preferencesAnswerSchema } },
]);
