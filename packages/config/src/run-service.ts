import { ConfigError, loadConfig, type Config } from './config';
import { DEVELOPMENT_SECRET_WARNING } from './development-secret';
import { createLogger, type Logger } from './logger';

export interface RunningService {
  /** Finishes the work in hand, then releases connections. */
  close(): Promise<void>;
}

/**
 * A process's life: parse the config, start the service, and on SIGTERM or
 * SIGINT close it and exit 0. A bad config or a failed start exits 1 with the
 * reason (every config problem listed).
 */
export function runService(name: string, start: (config: Config, logger: Logger) => Promise<RunningService>): void {
  const main = async () => {
    const config = loadConfig();
    const logger = createLogger({ level: config.logLevel, service: name });
    if (config.developmentSecret) logger.warn(DEVELOPMENT_SECRET_WARNING);
    const service = await start(config, logger);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, `${name} shutting down: finishing the work in hand`);
      await service.close();
      logger.info(`${name} stopped`);
      // The log destination writes asynchronously: let the last lines out.
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  };
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
