import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '../validate';

// The longest address SMTP allows; a passphrase far past any real one. Both
// bound what an unauthenticated client can make the limits and argon2 handle.
const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1024;

export const loginSchema = z.object({
  email: z
    .string({ error: 'email must be a string' })
    .trim()
    .min(1, 'email is required')
    .max(MAX_EMAIL_LENGTH, `email must be at most ${MAX_EMAIL_LENGTH} characters`)
    .regex(/^[^\s@]+@[^\s@]+$/, 'email must be an email address')
    .toLowerCase(),
  password: z
    .string({ error: 'password must be a string' })
    .min(1, 'password is required')
    .max(MAX_PASSWORD_LENGTH, `password must be at most ${MAX_PASSWORD_LENGTH} characters`),
});

export type LoginCredentials = z.infer<typeof loginSchema>;

/** Validates the sign-in body first, before any limit writes to Redis or any password check runs. */
export const parseLoginCredentials: RequestHandler = (req, res, next) => {
  res.locals.loginCredentials = parseOrThrow(loginSchema, req.body, 'body');
  next();
};

/** The sign-in `parseLoginCredentials` validated for this request. */
export const loginCredentials = (res: Response): LoginCredentials => res.locals.loginCredentials as LoginCredentials;
