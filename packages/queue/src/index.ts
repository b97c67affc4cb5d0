export * from './score-comment.queue';
export { createRedisConnection, type RedisRole } from './redis-connection';
export { isRedisUnavailable } from './redis-errors';
export { listDeadLetters, retryDeadLetter, discardDeadLetter, expireDeadLetters, type DeadLetter } from './dead-letters';
export { removeJobsOfAuthor, type AuthorJobsRemoval } from './author-jobs';
export { createRetentionQueue, scheduleRetention, RETENTION_QUEUE, RETENTION_JOB, RETENTION_EVERY_MS, type RetentionQueue } from './retention.queue';
