import cluster from 'node:cluster';
import { createLogger, loadConfig, runService } from '@moderato/config';
import { runApiCluster } from './cluster/api-cluster';
import { startApiServer } from './server';

// MODERATO_API_PROCESSES > 1: this process only forks and supervises the API
// processes (node:cluster shares the port between them); each runs as below.
const processes = cluster.isPrimary ? apiProcessesFromEnv() : 1;
if (processes > 1) {
  const config = loadConfig();
  runApiCluster({ processes, logger: createLogger({ level: config.logLevel, service: 'api-cluster' }) });
} else {
  runService('api', async (config, logger) => {
    const server = await startApiServer(config, logger);
    logger.info({ url: server.url, pid: process.pid }, 'api listening');
    return server;
  });
}

/** The configured count; a bad config is left for runService to report with every other problem. */
function apiProcessesFromEnv(): number {
  try {
    return loadConfig().apiProcesses;
  } catch {
    return 1;
  }
}
