import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEVELOPMENT_HOST, DEVELOPMENT_SECRET, exposedDevelopmentSecret, isLoopbackHost } from './development-secret';
import { trustProxySchema, type TrustProxy } from './trust-proxy';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Unset: every interface with MODERATO_SECRET, loopback only without it.
  HOST: z.string().optional(),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/moderato'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  MODERATO_SECRET: z.string().optional(),
  MODERATO_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]+$/, 'letters, digits and _ : . - only')
    .default('moderato'),
  // Jobs in flight per worker: also the largest batch of look-ups and writes, so more than the cores.
  MODERATO_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
  MODERATO_TRUST_PROXY: trustProxySchema,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Intake abuse limits: `off` for load tests or behind a proxy that limits.
  MODERATO_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
  MODERATO_RATE_LIMIT_IP: z.coerce.number().int().min(1).max(100_000).default(10),
  MODERATO_RATE_LIMIT_SITE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  MODERATO_DUPLICATE_WINDOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  MODERATO_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
  // Postgres cancels a statement past this (0: never). The API's reads are small and a
  // request waits on them; the worker's retention batches and lock waits may take longer.
  MODERATO_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  MODERATO_WORKER_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  // Unset: no /metrics at all. Long enough not to be guessed.
  MODERATO_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  MODERATO_WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // API processes sharing the port (node:cluster): a number, or `auto` for one per core.
  MODERATO_API_PROCESSES: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(256)], { error: 'a whole number from 1 to 256, or auto' })
    .default(1),
  // Where people reach the dashboard (https://comments.example.org): links in webhook messages. Unset: no links.
  MODERATO_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
  // Webhooks call site owners' URLs from this server: https and public addresses only unless opened here.
  MODERATO_WEBHOOK_ALLOW_HTTP: z.enum(['on', 'off']).default('off'),
  MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.enum(['on', 'off']).default('off'),
  MODERATO_WEBHOOK_RETRY_DELAY_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** At least 32 characters; keys for email encryption and keyed hashes derive from it. */
  secret: string;
  /** MODERATO_SECRET was not set: the secret is the public development one, and the API listens on loopback only. */
  developmentSecret: boolean;
  queuePrefix: string;
  workerConcurrency: number;
  logLevel: string;
  /** Which X-Forwarded-For hops to believe: none, how many proxies, or which proxy addresses. */
  trustProxy: TrustProxy;
  /** Intake posts per minute per client IP and per site; null when turned off. */
  rateLimit: { perIpPerMinute: number; perSitePerMinute: number } | null;
  /** Same body, same email hash, same article within this many seconds is a 409; 0 turns it off. */
  duplicateWindowSeconds: number;
  /** Held/rejected comments and IP hashes older than this many days are purged (hourly, by the worker). */
  retentionDays: number;
  /** Postgres statement timeouts in ms for the API's and the worker's pools; 0: none. Migrations have none. */
  statementTimeoutMs: { api: number; worker: number };
  /** Bearer token for GET /metrics; null turns /metrics off (404). */
  metricsToken: string | null;
  /** When set, each worker serves its own /metrics on 127.0.0.1:port. */
  workerMetricsPort: number | null;
  /** API processes sharing the port; more than 1 runs a node:cluster primary that forks them. */
  apiProcesses: number;
  /** The dashboard's public base URL without a trailing slash, for links in webhook messages; null when unset. */
  publicUrl: string | null;
  webhooks: {
    /** Plain http:// webhook URLs (tests, a local relay); https only otherwise. */
    allowHttp: boolean;
    /** Private, loopback, unique-local and CGNAT addresses (never link-local); public addresses only otherwise. */
    allowPrivateNetworks: boolean;
    /** The first retry of a failed delivery waits this long, each next one twice as long. */
    retryDelayMs: number;
  };
}

/** Thrown at start with every problem in the environment listed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once, at start. Nothing else reads process.env:
 * the result is passed down to whatever needs it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const nodeEnv = parsed.success ? parsed.data.NODE_ENV : (env.NODE_ENV ?? 'development');
  const secret = env.MODERATO_SECRET ?? (nodeEnv === 'production' ? undefined : DEVELOPMENT_SECRET);
  if (secret === undefined) {
    problems.push('MODERATO_SECRET: required when NODE_ENV=production (at least 32 characters)');
  } else if (secret.length < 32) {
    problems.push(`MODERATO_SECRET: must be at least 32 characters (got ${secret.length})`);
  }
  const developmentSecret = env.MODERATO_SECRET === undefined;
  const host = env.HOST?.trim() || (developmentSecret ? DEVELOPMENT_HOST : '0.0.0.0');
  if (developmentSecret && secret !== undefined && !isLoopbackHost(host)) problems.push(exposedDevelopmentSecret(host));
  if (!parsed.success || problems.length > 0 || secret === undefined) throw new ConfigError(problems);
  const data = parsed.data;
  return {
    env: data.NODE_ENV,
    port: data.PORT,
    host,
    databaseUrl: data.DATABASE_URL,
    redisUrl: data.REDIS_URL,
    secret,
    developmentSecret,
    queuePrefix: data.MODERATO_QUEUE_PREFIX,
    workerConcurrency: data.MODERATO_WORKER_CONCURRENCY,
    logLevel: data.LOG_LEVEL,
    trustProxy: data.MODERATO_TRUST_PROXY,
    rateLimit:
      data.MODERATO_RATE_LIMIT === 'off'
        ? null
        : { perIpPerMinute: data.MODERATO_RATE_LIMIT_IP, perSitePerMinute: data.MODERATO_RATE_LIMIT_SITE },
    duplicateWindowSeconds: data.MODERATO_DUPLICATE_WINDOW_SECONDS,
    retentionDays: data.MODERATO_RETENTION_DAYS,
    statementTimeoutMs: { api: data.MODERATO_STATEMENT_TIMEOUT_MS, worker: data.MODERATO_WORKER_STATEMENT_TIMEOUT_MS },
    metricsToken: data.MODERATO_METRICS_TOKEN ?? null,
    workerMetricsPort: data.MODERATO_WORKER_METRICS_PORT ?? null,
    apiProcesses: data.MODERATO_API_PROCESSES === 'auto' ? availableParallelism() : data.MODERATO_API_PROCESSES,
    publicUrl: data.MODERATO_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    webhooks: {
      allowHttp: data.MODERATO_WEBHOOK_ALLOW_HTTP === 'on',
      allowPrivateNetworks: data.MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'on',
      retryDelayMs: data.MODERATO_WEBHOOK_RETRY_DELAY_MS,
    },
  };
}
