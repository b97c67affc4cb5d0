import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { runPreparedStatements } from './prepared-statements';
import type { CommentEventsTable } from './tables/comment-events.table';
import type { CommentImportsTable } from './tables/comment-imports.table';
import type { CommentsTable } from './tables/comments.table';
import type { ModerationLabelsTable } from './tables/moderation-labels.table';
import type { ErasedAuthorsTable } from './tables/erased-authors.table';
import type { PrivacyEventsTable } from './tables/privacy-events.table';
import type { QueueEventsTable } from './tables/queue-events.table';
import type { ArticleSettingsTable, SiteSettingsVersionsTable } from './tables/site-settings.table';
import type { SitesTable } from './tables/sites.table';
import type { QaSamplesTable, ShadowDecisionsTable, SiteModelEventsTable, SiteModelsTable } from './tables/site-models.table';
import type { ApiTokensTable, UserSitesTable, UsersTable } from './tables/users.table';
import type { SiteWebhooksTable, WebhookDeliveriesTable } from './tables/webhooks.table';

export interface Database {
  sites: SitesTable;
  comments: CommentsTable;
  comment_events: CommentEventsTable;
  users: UsersTable;
  user_sites: UserSitesTable;
  api_tokens: ApiTokensTable;
  moderation_labels: ModerationLabelsTable;
  site_settings_versions: SiteSettingsVersionsTable;
  article_settings: ArticleSettingsTable;
  queue_events: QueueEventsTable;
  erased_authors: ErasedAuthorsTable;
  privacy_events: PrivacyEventsTable;
  site_models: SiteModelsTable;
  site_model_events: SiteModelEventsTable;
  shadow_decisions: ShadowDecisionsTable;
  qa_samples: QaSamplesTable;
  comment_imports: CommentImportsTable;
  site_webhooks: SiteWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export interface DatabaseOptions {
  url: string;
  /** Pool size; the default suits one process on a small machine. */
  maxConnections?: number;
  /** Called on idle-client errors (a restarted Postgres), which would otherwise crash the process. */
  onPoolError?: (error: Error) => void;
  /**
   * Postgres cancels any statement of this pool running longer (error 57014),
   * lock waits included; 0 or absent: no limit (migrations, one-off commands).
   */
  statementTimeoutMs?: number;
}

/** One Kysely over a pg pool. Close it with `db.destroy()`. */
export function createDatabase({ url, maxConnections = 10, onPoolError, statementTimeoutMs = 0 }: DatabaseOptions): Kysely<Database> {
  // Sent with each connection's start-up, so it holds for every statement without a round trip.
  const pool = new Pool({ connectionString: url, max: maxConnections, connectionTimeoutMillis: 5_000, statement_timeout: statementTimeoutMs });
  pool.on('error', (error) => onPoolError?.(error));
  // pg-pool listens for errors only on idle clients: a client checked out for a
  // query or transaction when Postgres goes away would emit 'error' with no
  // listener and crash the process. The query itself still fails and is retried.
  pool.on('connect', (client) => {
    client.on('error', (error) => onPoolError?.(error));
    runPreparedStatements(client);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
