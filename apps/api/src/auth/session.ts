import RedisStore from 'connect-redis';
import session from 'express-session';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { deriveSecretKey } from '@moderato/core';

export const SESSION_COOKIE = 'moderato.sid';
const SESSION_HOURS = 8;

declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

export interface SessionOptions {
  redis: Redis;
  keyPrefix: string;
  secret: string;
}

/**
 * Dashboard sessions, kept in Redis: an httpOnly, SameSite=Strict cookie
 * holding only a random id, secure whenever the request came over HTTPS.
 */
export function createSessionMiddleware({ redis, keyPrefix, secret }: SessionOptions): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    store: new RedisStore({ client: redis, prefix: `${keyPrefix}:session:` }),
    secret: deriveSecretKey(secret, 'session-cookie-v1').toString('hex'),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: SESSION_HOURS * 3600 * 1000, path: '/' },
  });
}
