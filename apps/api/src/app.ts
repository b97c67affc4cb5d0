import type { RequestListener } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import proxyaddr from 'proxy-addr';
import helmet from 'helmet';
import type { Logger, TrustProxy } from '@moderato/config';
import { errorHandler, notFound } from './errors';
import { BODY_LIMIT } from './comment-input';
import { accessLog } from './middleware/access-log.middleware';
import { apiListener } from './intake-listener';
import { requestProtocol, type TrustProxyFn } from './request-protocol';
import { corsPreflight } from './middleware/intake-cors.middleware';
import { intakeHeaders } from './middleware/intake-headers.middleware';
import { requestId } from './middleware/request-id.middleware';
import { apiDocsRoutes } from './routes/api-docs.routes';
import { commentsRoutes, type CommentsRoutesOptions } from './routes/comments.routes';
import { deadLettersRoutes, type DeadLettersRoutesOptions } from './routes/dead-letters.routes';
import { demoRoutes, type DemoRoutesOptions } from './routes/demo.routes';
import { embedRoutes, type EmbedRoutesOptions } from './routes/embed.routes';
import { healthRoutes, type HealthRoutesOptions } from './routes/health.routes';
import { createIntake, INTAKE_PATH, type IntakeRoutesOptions } from './routes/intake.routes';
import { metricsRoutes, type MetricsRoutesOptions } from './routes/metrics.routes';
import { moderationRoutes, type ModerationRoutesOptions } from './routes/moderation.routes';
import { modelsRoutes, type ModelsRoutesOptions } from './routes/models.routes';
import { queueBoardRoutes, type QueueBoardRoutesOptions } from './routes/queue-board.routes';
import { webhooksRoutes, type WebhooksRoutesOptions } from './routes/webhooks.routes';

export interface AppOptions {
  logger: Logger;
  /** POST a comment, and its CORS preflight. */
  intake: IntakeRoutesOptions;
  /** The public thread and a comment's status. */
  comments: CommentsRoutesOptions;
  health: HealthRoutesOptions;
  /** embed.js and the form-token endpoint; absent in apps that serve no embed. */
  embed?: EmbedRoutesOptions;
  /** The /demo article page; off in production. */
  demo?: DemoRoutesOptions;
  /** Sign-in, the review queue API and the /admin dashboard. */
  moderation?: ModerationRoutesOptions;
  /** The admin's view of failed jobs: list, retry, discard. */
  deadLetters?: DeadLettersRoutesOptions;
  /** Site models: list, train, shadow, promote, roll back (owners and admins). */
  siteModels?: ModelsRoutesOptions;
  /** A site's webhook and its delivery log (owners and admins). */
  webhooks?: WebhooksRoutesOptions;
  /** Request counting, and GET /metrics when a token is configured. */
  metrics?: { countRequests: RequestHandler; countAnswer: (route: string, method: string, status: number) => void; routes?: MetricsRoutesOptions };
  /** BullMQ's queue view at /admin/queues, admins only. */
  queueBoard?: QueueBoardRoutesOptions;
  /** Express's `trust proxy`: set it when a reverse proxy sets X-Forwarded-For. */
  trustProxy?: TrustProxy;
}

/** The Express app (every route, for tests to list) and the listener the server runs: the app behind the comment intake. */
export interface ApiApp {
  app: Express;
  listener: RequestListener;
}

/** Builds the HTTP app: routes and one error handler. It does not listen. */
export function createApp({ logger, intake, comments, health, embed, demo, moderation, deadLetters, siteModels, webhooks, metrics, queueBoard, trustProxy = false }: AppOptions): ApiApp {
  const app = express();
  app.set('trust proxy', trustProxy);
  app.disable('x-powered-by');
  const logRequests = accessLog(logger);
  const counted = metrics ? [metrics.countRequests] : [];
  // The comment intake answers on Node's own request (intake-listener.ts)
  // with only what a JSON intake needs: see intake-headers.middleware.ts for
  // the headers kept. Its route is also mounted here, first, for the
  // spellings of the path the listener leaves to Express.
  const trust = app.get('trust proxy fn') as TrustProxyFn;
  const postComment = createIntake(intake, {
    logger,
    logRequest: logRequests,
    countAnswer: metrics?.countAnswer,
    ipOf: (req) => proxyaddr(req, trust),
    protocolOf: (req) => requestProtocol(req, trust),
  });
  if (postComment.cors) app.options(INTAKE_PATH, intakeHeaders, requestId, logRequests, ...counted, corsPreflight(postComment.cors));
  app.post(INTAKE_PATH, (req, res) => postComment.post(req, res, { siteId: String(req.params.siteId), articleId: String(req.params.articleId) }));
  app.use(helmet());
  app.use(requestId);
  app.use(logRequests);
  if (metrics) app.use(metrics.countRequests);
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  app.use(healthRoutes(health));
  app.use(apiDocsRoutes());
  if (metrics?.routes) app.use(metricsRoutes(metrics.routes));
  if (embed) app.use(embedRoutes(embed));
  app.use(commentsRoutes(comments));
  if (demo) app.use(demoRoutes(demo));
  if (moderation) app.use(moderationRoutes(moderation));
  if (queueBoard) app.use(queueBoardRoutes(queueBoard));
  if (deadLetters) app.use(deadLettersRoutes(deadLetters));
  if (siteModels) app.use(modelsRoutes(siteModels));
  if (webhooks) app.use(webhooksRoutes(webhooks));
  app.use(() => {
    throw notFound('route');
  });
  app.use(errorHandler(logger));
  return { app, listener: apiListener(app, postComment.post) };
}
