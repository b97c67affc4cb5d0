export { loadConfig, ConfigError, type Config } from './config';
export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger';
export { runService, type RunningService } from './run-service';
