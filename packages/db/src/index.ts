export { createDatabase, type Database, type DatabaseOptions } from './database';
export { isDatabaseUnavailable, isStatementTimeout, loggableDatabaseError } from './database-errors';
export { migrateToLatest, MIGRATIONS_FOLDER } from './migrate';
export { ensureDatabaseExists } from './ensure-database';
export { createSite, findSite, listSites, articleSettingsOf, SiteExistsError, type Site, type ArticleSettings, type SiteModelVersions } from './sites.repository';
export { saveSiteSettings, listSettingsVersions, saveArticleSettings, type SavedSettings, type SettingsVersion } from './settings.repository';
export {
  recordDecisions,
  type ScoredComment,
  type DecisionContext,
  findCommentStatus,
  findAuthorHistory,
  listApprovedThread,
  SCORER_ACTOR,
  type ThreadComment,
  type ThreadPage,
} from './comments.repository';
export { createSiteDirectory, type SiteDirectory, type SiteDirectoryOptions } from './site-directory';
export { openServiceDatabase, type ServiceDatabase, type ServiceDatabaseOptions } from './service-database';
export { InvalidCursorError } from './keyset-cursor';
export { createUser, findUserCredentials, findUserById, findUserByEmail, canAccessSite, setUserLanguage, UserExistsError, type User, type NewUser } from './users.repository';
export { createApiToken, findUserByTokenHash, listApiTokens, revokeApiToken, type ApiTokenSummary, type TokenToRevoke } from './api-tokens.repository';
export { listReviewQueue, countByStatus, COUNT_CAP, type ReviewOrder, type ReviewQuery } from './review.repository';
export { REVIEW_LANGUAGES, type ReviewFilters, type ReviewLanguage } from './review-filters';
export type { ReviewComment } from './review-comment';
export { listAuthorComments, type AuthorComments } from './author-comments.repository';
export { loadSiteOverview, type OverviewQuery } from './overview.repository';
export {
  moderateComments,
  CommentsNotFoundError,
  StaleStatusError,
  type ModerationRequest,
  type ModeratedComment,
} from './moderation.repository';
export { listCommentHistory, findCommentSite, revealSealedEmail, type CommentEvent } from './comment-history.repository';
export { findRecentBodies, type RecentBodiesOptions } from './author-activity.repository';
export { findAuthorContexts, type AuthorContext, type AuthorContextQuery } from './author-context.repository';
export { listPreviewCommentTexts, listRecentForPreview } from './preview.repository';
export { exportCommentsByEmailHash, eraseCommentsByEmailHash, ERASED_TEXT, type ErasureMode, type ExportedComment } from './privacy.repository';
export { purgeExpired, RETENTION_ACTOR, type RetentionResult } from './retention.repository';
export { recordQueueEvent, type QueueEvent, type QueueEventAction } from './queue-events.repository';
export {
  listSiteModels,
  findSiteModelWeights,
  activeSiteModelVersions,
  shadowSiteModel,
  promoteSiteModel,
  rollbackSiteModel,
  listSiteModelEvents,
  SiteModelRefusal,
  SiteModelNotFoundError,
  SiteModelStatusError,
  SiteModelWorseError,
  NothingToRollBackError,
  type ModelChange,
} from './site-models.repository';
export { recordShadowDecisions, compareShadowDecisions, type ShadowDecision, type ShadowComparison, type ShadowDisagreement } from './shadow-decisions.repository';
export { weeklyAgreement, type WeeklyAgreement } from './model-agreement.repository';
export {
  listQaSamples,
  recordQaVerdict,
  countQaWeeks,
  QaSampleNotFoundError,
  QaAlreadyReviewedError,
  type QaListQuery,
  type QaVerdictRequest,
  type QaVerdictOutcome,
} from './qa-samples.repository';
export {
  listTrainingLabels,
  findLiveSiteModelWeights,
  insertSiteModelCandidate,
  listSitesDueForTraining,
  SiteNotFoundError,
  MAX_TRAINING_LABELS,
  type NewSiteModelCandidate,
} from './site-model-training.repository';
export { recordImportedComments, findImportedSourceIds, analyzeImportedTables, UNSCORED_IMPORT_MODEL_VERSION, type ImportWrite, type ImportOutcome } from './import.repository';
export { exportSiteComments, type SiteExportComment, type SiteExportOptions } from './site-export.repository';
export type { LabelSource } from './tables/moderation-labels.table';
export {
  findSiteWebhook,
  saveSiteWebhook,
  deleteSiteWebhook,
  listWebhookSubscriptions,
  type SiteWebhook,
  type WebhookChange,
} from './site-webhooks.repository';
export {
  recordWebhookDelivery,
  listWebhookDeliveries,
  DELIVERY_LOG_DAYS,
  DELIVERY_LOG_ROWS_PER_SITE,
  type WebhookDelivery,
  type NewWebhookDelivery,
} from './webhook-deliveries.repository';
export { findWebhookComment } from './webhook-comment.repository';
