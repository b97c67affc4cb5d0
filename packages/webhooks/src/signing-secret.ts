import { createHmac, randomBytes } from 'node:crypto';
import { deriveSecretKey } from '@moderato/core';

export interface WebhookSecrets {
  /** The signing secret of the webhook with this salt: `whsec_` and 43 base64url characters. */
  secretFor(salt: string): string;
  /** A fresh salt, for a new webhook or a rotated secret. */
  newSalt(): string;
}

/**
 * Each webhook's signing secret is worked out from MODERATO_SECRET and a
 * random salt stored with the webhook: the database holds only the salt, so
 * a copy of it (a backup, a leaked dump) cannot sign events. The API shows
 * the secret once, when it is made; the worker works it out to sign.
 */
export function createWebhookSecrets(masterSecret: string): WebhookSecrets {
  const key = deriveSecretKey(masterSecret, 'webhook signing secrets v1');
  return {
    secretFor: (salt) => `whsec_${createHmac('sha256', key).update(salt, 'utf8').digest('base64url')}`,
    newSalt: () => randomBytes(18).toString('base64url'),
  };
}
