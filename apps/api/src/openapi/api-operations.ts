import { apiDocsApi } from '../routes/api-docs.openapi';
import { authApi } from '../routes/auth.openapi';
import { commentsApi } from '../routes/comments.openapi';
import { deadLettersApi } from '../routes/dead-letters.openapi';
import { embedApi } from '../routes/embed.openapi';
import { healthApi } from '../routes/health.openapi';
import { modelsApi } from '../routes/models.openapi';
import { overviewApi } from '../routes/overview.openapi';
import { preferencesApi } from '../routes/preferences.openapi';
import { qaApi } from '../routes/qa.openapi';
import { reviewApi } from '../routes/review.openapi';
import { settingsApi } from '../routes/settings.openapi';
import { webhooksApi } from '../routes/webhooks.openapi';
import type { ApiOperation } from './api-operation';

/**
 * Every documented route, from each route file's `x.openapi.ts`. A new route
 * file adds its list here; a route missing from the document (or documented
 * but not mounted) fails apps/api/src/openapi/openapi.int.test.ts.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...commentsApi,
  ...embedApi,
  ...healthApi,
  ...apiDocsApi,
  ...authApi,
  ...preferencesApi,
  ...reviewApi,
  ...settingsApi,
  ...modelsApi,
  ...qaApi,
  ...overviewApi,
  ...webhooksApi,
  ...deadLettersApi,
];
