import cluster from 'node:cluster';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Express } from 'express';
import { sql } from 'kysely';
import type { Config, Logger } from '@moderato/config';
import { createPasswordChecks } from '@moderato/auth';
import { createPersonalDataKeys } from '@moderato/core';
import { openServiceDatabase } from '@moderato/db';
import {
  createBatchedEnqueue,
  createRedisConnection,
  createScoreCommentQueue,
  createTrainSiteModelQueue,
  createWebhookDeliveryQueue,
  enqueueSiteTraining,
  enqueueWebhookTest,
  isCommentQueued,
} from '@moderato/queue';
import { createWebhookSecrets } from '@moderato/webhooks';
import { createApp } from './app';
import { clusterMetricsReader } from './cluster/cluster-metrics';
import { createApiMetrics } from './metrics/api-metrics';
import { loginRateLimits } from './auth/login-rate-limit';
import { createSessionMiddleware } from './auth/session';
import { createFormTokens } from './guard/form-token';
import { createIntakeGuard } from './guard/intake-guard';
import { EMBED_CATALOGUES_DIR, EMBED_SOURCE_PATH } from './embed-asset';
import { createPreviewPool } from './preview/preview-pool';
import { createModerationWebhooks } from './webhooks/moderation-webhooks';

export interface ApiServer {
  url: string;
  /** The Express app it serves: tests read its routes (the OpenAPI document is checked against them). */
  app: Express;
  /** Stops accepting, lets in-flight requests finish, then closes Redis and Postgres. */
  close(): Promise<void>;
}

// Bounds on slow or stuck clients; a comment post is small and quick.
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const QUEUE_CLOSE_TIMEOUT_MS = 2_000;
const REDIS_READY_WAIT_MS = 3_000;
const IDLE_SWEEP_MS = 1_000;
const TIMEOUT_CHECK_MS = 1_000;
// argon2id takes about half a second of a core and 64 MiB: two at once per
// process, and a few seconds' worth waiting, whatever a flood of sign-ins asks.
const PASSWORD_CHECK_SLOTS = { maxConcurrent: 2, maxWaiting: 8 };

/** What tests may swap; never set from the environment. */
export interface ApiServerHooks {
  /** The form tokens' clock, which a browser test moves past the minimum fill time instead of waiting. */
  clock?: () => number;
}

/** Wires the API from its config: Redis → queue → Postgres → sites → app → listen. */
export async function startApiServer(config: Config, logger: Logger, hooks: ApiServerHooks = {}): Promise<ApiServer> {
  const redis = createRedisConnection(config.redisUrl, 'producer');
  const queue = createScoreCommentQueue({ connection: redis, prefix: config.queuePrefix });
  const metrics = createApiMetrics({ jobCounts: (...states) => queue.getJobCounts(...(states as Parameters<typeof queue.getJobCounts>)) });
  // Without a listener ioredis logs every reconnect attempt to stderr itself.
  redis.on('error', (error) => {
    metrics.countRedisError();
    logger.warn({ err: { message: error.message } }, 'redis connection error');
  });
  queue.on('error', (error) => logger.warn({ err: { message: error.message } }, 'queue error'));
  // Training runs in the workers; the API only queues it.
  const trainingQueue = createTrainSiteModelQueue({ connection: redis, prefix: config.queuePrefix });
  trainingQueue.on('error', (error) => logger.warn({ err: { message: error.message } }, 'training queue error'));
  // Webhooks are delivered by the workers; the API queues moderators' events and tests.
  const webhookQueue = createWebhookDeliveryQueue({ connection: redis, prefix: config.queuePrefix });
  webhookQueue.on('error', (error) => logger.warn({ err: { message: error.message } }, 'webhook queue error'));
  const postgres = openServiceDatabase({ url: config.databaseUrl, statementTimeoutMs: config.statementTimeoutMs.api, logger, countPoolError: metrics.countPostgresError });
  const { db, sites } = postgres;
  // The producer connection refuses commands until it is up (it fails fast by
  // design), so give it a moment before listening; a Redis that is down
  // still lets the API start, and posts answer 503 until it is back.
  await Promise.race([once(redis, 'ready'), new Promise((resolve) => setTimeout(resolve, REDIS_READY_WAIT_MS).unref())]);
  // A first load at start; if Postgres is down the API still starts and retries.
  await sites.refresh().catch((error) => logger.warn({ err: { message: (error as Error).message } }, 'initial site load failed'));

  const keys = createPersonalDataKeys(config.secret);
  const tokens = createFormTokens(config.secret, hooks.clock);
  const session = createSessionMiddleware({ redis, keyPrefix: config.queuePrefix, secret: config.secret });
  const previews = createPreviewPool({ databaseUrl: config.databaseUrl, statementTimeoutMs: config.statementTimeoutMs.api });
  const { app, listener } = createApp({
    logger,
    trustProxy: config.trustProxy,
    metrics: {
      countRequests: metrics.countRequests,
      countAnswer: metrics.countAnswer,
      routes: config.metricsToken
        ? { registry: metrics.registry, token: config.metricsToken, read: cluster.isWorker ? clusterMetricsReader(metrics.registry) : undefined }
        : undefined,
    },
    queueBoard: { queue, db, session },
    intake: {
      sites,
      keys,
      enqueue: createBatchedEnqueue(queue),
      guard: createIntakeGuard({
        redis,
        prefix: config.queuePrefix,
        tokens,
        hashIp: keys.hashIp,
        rateLimit: config.rateLimit,
        duplicateWindowSeconds: config.duplicateWindowSeconds,
        logger,
      }),
    },
    comments: { sites, db, isQueued: (id) => isCommentQueued(queue, id) },
    embed: { sites, tokens, scriptPath: EMBED_SOURCE_PATH, cataloguesDir: EMBED_CATALOGUES_DIR },
    demo: config.env === 'production' ? undefined : { db, sites },
    moderation: {
      db,
      sites,
      keys,
      session,
      login: {
        limits: loginRateLimits({ redis, keyPrefix: config.queuePrefix, secret: config.secret }),
        passwordChecks: createPasswordChecks(PASSWORD_CHECK_SLOTS),
      },
      previews,
      onModerated: createModerationWebhooks({ db, queue: webhookQueue, logger }),
    },
    deadLetters: { db, queue, session },
    siteModels: { db, session, enqueueTraining: (siteId, requestedBy) => enqueueSiteTraining(trainingQueue, { siteId, requestedBy }) },
    webhooks: {
      db,
      session,
      secrets: createWebhookSecrets(config.secret),
      policy: config.webhooks,
      enqueueTest: (siteId) => enqueueWebhookTest(webhookQueue, siteId),
    },
    health: {
      checks: {
        redis: () => redis.ping(),
        postgres: () => sql`select 1`.execute(db),
      },
    },
  });

  // Node checks the two timeouts below only every connectionsCheckingInterval (30 s by default).
  const server = createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, listener);
  let closing = false;
  // While shutting down, answers close their connection so keep-alive clients reconnect elsewhere.
  server.on('request', (_req, res) => {
    if (closing && !res.headersSent) res.setHeader('Connection', 'close');
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}`,
    app,
    async close() {
      closing = true;
      // net's close, not http's: http's also drops connections accepted a moment
      // ago whose request has not been read yet, and their clients see a reset.
      // Here new connections are refused, every accepted one gets its answer,
      // and only keep-alive connections left idle are closed, once a second.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      await closed;
      clearInterval(sweep);
      await previews.close();
      // A dead Redis must not hold the shutdown hostage: nothing is pending on it.
      await Promise.race([Promise.all([queue.close(), trainingQueue.close(), webhookQueue.close()]), new Promise((resolve) => setTimeout(resolve, QUEUE_CLOSE_TIMEOUT_MS).unref())]);
      redis.disconnect();
      await postgres.close();
    },
  };
}
