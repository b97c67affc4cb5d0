import cluster from 'node:cluster';
import { createLogger, loadConfig, runService, type Config } from '@moderato/config';
import { runApiCluster } from './cluster/api-cluster';
import { startApiServer } from './server';

// MODERATO_API_PROCESSES > 1: this process only forks and supervises the API
// processes (node:cluster shares the port between them); each runs as below.
const clusterConfig = cluster.isPrimary ? validConfig() : undefined;
if (clusterConfig && clusterConfig.apiProcesses > 1) {
  runApiCluster({ processes: clusterConfig.apiProcesses, logger: createLogger({ level: clusterConfig.logLevel, service: 'api-cluster' }) });
} else {
  runService('api', async (config, logger) => {
    const server = await startApiServer(config, logger);
    logger.info({ url: server.url, pid: process.pid }, 'api listening');
    return server;
  });
}

/** The config, or undefined when invalid: runService then reports every problem. */
function validConfig(): Config | undefined {
  try {
    return loadConfig();
  } catch {
    return undefined;
  }
}
