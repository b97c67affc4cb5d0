import pLimit from 'p-limit';
import { verifyAgainstDecoy, verifyPassword } from './passwords';

/** Every slot for password checks is taken: the caller should answer "busy, try again". */
export class PasswordChecksBusyError extends Error {
  constructor() {
    super('too many password checks at once');
    this.name = 'PasswordChecksBusyError';
  }
}

export interface PasswordChecks {
  /** The password against the account's hash, or against a decoy when there is no account, at the same cost. */
  verify(passwordHash: string | undefined, password: string): Promise<boolean>;
}

export interface PasswordChecksOptions {
  /** argon2id checks running at once: each holds 64 MiB and most of a core for about half a second. */
  maxConcurrent: number;
  /** Checks allowed to wait for a slot; past that, `verify` fails at once with PasswordChecksBusyError. */
  maxWaiting: number;
}

/**
 * A process-wide cap on argon2id work. Unauthenticated clients can ask for
 * it, so without a cap a flood of sign-ins queues without bound on libuv's
 * threads, holding memory and starving everything else that uses them.
 */
export function createPasswordChecks({ maxConcurrent, maxWaiting }: PasswordChecksOptions): PasswordChecks {
  const limit = pLimit(maxConcurrent);
  return {
    verify(passwordHash, password) {
      if (limit.activeCount + limit.pendingCount >= maxConcurrent + maxWaiting) return Promise.reject(new PasswordChecksBusyError());
      return limit(() => (passwordHash === undefined ? verifyAgainstDecoy(password) : verifyPassword(passwordHash, password)));
    },
  };
}
