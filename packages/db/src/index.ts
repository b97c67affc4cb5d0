export { createDatabase, type Database, type DatabaseOptions } from './database';
export { migrateToLatest, MIGRATIONS_FOLDER } from './migrate';
export { ensureDatabaseExists } from './ensure-database';
export { createSite, findSite, listSites, SiteExistsError, type Site } from './sites.repository';
export {
  recordDecision,
  findCommentStatus,
  findAuthorHistory,
  listApprovedThread,
  InvalidCursorError,
  SCORER_ACTOR,
  type ThreadComment,
  type ThreadPage,
} from './comments.repository';
export { createSiteDirectory, type SiteDirectory, type SiteDirectoryOptions } from './site-directory';
