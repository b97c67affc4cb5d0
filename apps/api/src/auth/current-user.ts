import type { Response } from 'express';
import type { User } from '@moderato/db';
import { HttpError } from '../errors';

/** How the request proved who it is: bearer tokens need no CSRF token, cookies do. */
export type AuthMethod = 'token' | 'session';

export interface Authenticated {
  user: User;
  method: AuthMethod;
}

export function setAuthenticated(res: Response, value: Authenticated): void {
  res.locals.auth = value;
}

/** The signed-in user, or a 401 when there is none. */
export function currentUser(res: Response): User {
  const auth = res.locals.auth as Authenticated | undefined;
  if (!auth) throw new HttpError(401, 'unauthenticated', 'sign in or send an API token');
  return auth.user;
}

export function authMethod(res: Response): AuthMethod | undefined {
  return (res.locals.auth as Authenticated | undefined)?.method;
}
