export { loadConfig, ConfigError, type Config } from './config';
export { DEVELOPMENT_SECRET_WARNING } from './development-secret';
export type { TrustProxy } from './trust-proxy';
export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger';
export { runService, type RunningService } from './run-service';
export { SOCKET_ERROR_CODES } from './socket-errors';
