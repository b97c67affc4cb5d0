export * from './score-comment.queue';
export { createRedisConnection, type RedisRole } from './redis-connection';
export { listDeadLetters, retryDeadLetter, discardDeadLetter, type DeadLetter } from './dead-letters';
