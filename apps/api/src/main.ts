import { runService } from '@moderato/config';
import { startApiServer } from './server';

runService('api', async (config, logger) => {
  const server = await startApiServer(config, logger);
  logger.info({ url: server.url }, 'api listening');
  return server;
});
