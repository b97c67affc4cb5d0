import { QueueEvents } from 'bullmq';
import { loadConfig } from '@moderato/config';
import { findSite } from '@moderato/db';
import {
  createRedisConnection,
  createTrainSiteModelQueue,
  enqueueSiteTraining,
  TRAIN_SITE_MODEL_QUEUE,
  waitForSiteTraining,
  type TrainSiteModelResult,
} from '@moderato/queue';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';
import { withDatabase } from '../with-database';
import { cliActor, metricsLine } from './model.command';

// Training 50,000 labels takes under a minute; the rest is room for a training of another site queued first.
const DEFAULT_TIMEOUT_SECONDS = 600;

function timeoutSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= 1 && seconds <= 86_400)) throw new UsageError(`--timeout ${value}: give whole seconds, from 1 to 86400 (default ${DEFAULT_TIMEOUT_SECONDS})`);
  return seconds;
}

/** The model live when the candidate was trained: a site model, or the shipped one. */
export const liveLabel = (liveVersion: number | null): string => (liveVersion === null ? 'live (shipped)' : `live v${liveVersion}`);

function print(result: TrainSiteModelResult, json: boolean): void {
  const { version, metrics, trainingData } = result;
  if (json) {
    console.log(JSON.stringify({ version, candidate: metrics.candidate, live: metrics.live, liveVersion: metrics.liveVersion, trainingData }));
    return;
  }
  console.log(`${metricsLine(`candidate v${version}`, metrics.candidate)}, trained on ${trainingData.trainLabels}`);
  console.log(metricsLine(liveLabel(metrics.liveVersion), metrics.live));
}

/**
 * `moderato model train --site ID [--json] [--timeout SECONDS]`: queues a
 * training of the site's model for the workers and waits for it, then prints
 * the new candidate's held-out figures beside live's. The candidate decides
 * nothing until it is shadowed or promoted.
 */
export async function modelTrainCommand(args: string[]): Promise<void> {
  const options = parseOptions(args, { site: { type: 'string' }, json: { type: 'boolean', default: false }, timeout: { type: 'string' } });
  if (!options.site) throw new UsageError('--site is required (the site’s id)');
  const siteId = options.site;
  const seconds = timeoutSeconds(options.timeout);
  const config = loadConfig();
  await withDatabase(async (db) => {
    if (!(await findSite(db, siteId))) throw new UsageError(`--site ${siteId}: no such site`);
  });

  // The queue fails fast when Redis is away; the events connection blocks, as BullMQ requires.
  const connection = createRedisConnection(config.redisUrl, 'producer');
  const eventsConnection = createRedisConnection(config.redisUrl, 'worker');
  connection.on('error', () => undefined);
  eventsConnection.on('error', () => undefined);
  const queue = createTrainSiteModelQueue({ connection, prefix: config.queuePrefix });
  const events = new QueueEvents(TRAIN_SITE_MODEL_QUEUE, { connection: eventsConnection, prefix: config.queuePrefix });
  try {
    await events.waitUntilReady();
    const jobId = await enqueueSiteTraining(queue, { siteId, requestedBy: cliActor() });
    if (!options.json) console.error(`training ${siteId} (job ${jobId}); waiting for a worker…`);
    const outcome = await waitForSiteTraining(queue, events, jobId, seconds * 1_000);
    if (outcome.status === 'completed') return print(outcome.result, options.json);
    if (outcome.status === 'failed') throw new Error(`training ${siteId} failed: ${outcome.reason}`);
    if (outcome.state === 'active') {
      throw new Error(`training ${siteId} is still running after ${seconds} s (job ${jobId}); the candidate is stored when it ends: see \`moderato model list --site ${siteId}\``);
    }
    if (outcome.state === 'delayed') throw new Error(`training ${siteId} failed and waits to be retried (job ${jobId}); see the worker's log`);
    throw new Error(
      `no worker took the training within ${seconds} s: is a worker running (\`moderato start\` or \`npm run start:worker\`) on this REDIS_URL and MODERATO_QUEUE_PREFIX? The job (${jobId}) stays queued and runs when one starts`,
    );
  } finally {
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    connection.disconnect();
    eventsConnection.disconnect();
  }
}
