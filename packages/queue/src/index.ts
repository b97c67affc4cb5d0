export * from './score-comment.queue';
export { createRedisConnection, type RedisRole } from './redis-connection';
