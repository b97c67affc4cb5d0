export { hashPassword, verifyPassword, verifyAgainstDecoy, MIN_PASSWORD_LENGTH } from './passwords';
export { API_TOKEN_LIFETIME_DAYS, generateApiToken, hashApiToken, looksLikeApiToken } from './api-tokens';
export { bearerTokenMatches } from './bearer-token';
export { createPasswordChecks, PasswordChecksBusyError, type PasswordChecks, type PasswordChecksOptions } from './password-checks';
