export * from './score-comment.queue';
export { createBatchedEnqueue } from './enqueue-batcher';
export { createRedisConnection, type RedisRole } from './redis-connection';
export { isRedisUnavailable } from './redis-errors';
export { listDeadLetters, retryDeadLetter, discardDeadLetter, expireDeadLetters, type DeadLetter } from './dead-letters';
export { removeJobsOfAuthor, type AuthorJobsRemoval } from './author-jobs';
export { createRetentionQueue, scheduleRetention, RETENTION_QUEUE, RETENTION_JOB, RETENTION_EVERY_MS, type RetentionQueue } from './retention.queue';
export {
  createTrainSiteModelQueue,
  enqueueSiteTraining,
  scheduleSiteTraining,
  waitForSiteTraining,
  trainSiteModelPayloadSchema,
  TRAIN_SITE_MODEL_QUEUE,
  TRAIN_SITE_MODEL_JOB,
  TRAIN_SITE_MODEL_JOB_OPTIONS,
  TRAIN_SITE_MODEL_PAYLOAD_VERSION,
  NIGHTLY_TRAINING_JOB,
  NIGHTLY_TRAINING_CRON,
  NIGHTLY_MIN_NEW_LABELS,
  NIGHTLY_TRAINING_ACTOR,
  type TrainSiteModelQueue,
  type TrainSiteModelPayload,
  type TrainSiteModelResult,
  type NightlyTrainingResult,
  type TrainingOutcome,
} from './train-site-model.queue';
export {
  createWebhookDeliveryQueue,
  enqueueWebhookEvents,
  enqueueWebhookTest,
  webhookRetryDelay,
  webhookDeliveryPayloadSchema,
  WEBHOOK_DELIVERY_QUEUE,
  WEBHOOK_DELIVERY_JOB,
  WEBHOOK_DELIVERY_JOB_OPTIONS,
  WEBHOOK_PAYLOAD_VERSION,
  WEBHOOK_BACKOFF,
  type WebhookDeliveryQueue,
  type WebhookDeliveryPayload,
  type WebhookEventToDeliver,
} from './webhook-delivery.queue';
