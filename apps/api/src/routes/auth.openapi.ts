import { z } from 'zod';
import { USER_ROLES } from '@moderato/core';
import type { User } from '@moderato/db';
import { loginSchema } from '../auth/login-credentials';
import { answerSchema } from '../openapi/answer-schema';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';

const userSchema = answerSchema<User>()(
  z
    .object({
      id: z.string(),
      email: z.string(),
      role: z.enum(USER_ROLES),
      siteIds: z.array(z.string()).meta({ description: 'The sites an owner or moderator works on; admins work on every site.' }),
      language: z.string().nullable().meta({ description: "The dashboard's language the user chose (PUT /api/v1/me/preferences); null follows the browser." }),
    })
    .meta({ id: 'User' }),
);

export const signedInSchema = z.object({ user: userSchema, csrfToken: z.string().meta({ description: 'Send it as X-CSRF-Token on every write with this session.' }) });
export type SignedIn = z.infer<typeof signedInSchema>;
export const sessionAnswerSchema = z.object({ user: userSchema, csrfToken: z.string().nullable().meta({ description: 'null when signed in with an API token.' }) });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;
export const signedOutSchema = z.object({ signedOut: z.literal(true) });
export type SignedOut = z.infer<typeof signedOutSchema>;

export const authApi: ApiOperation[] = operationsTagged('moderation', [
  { id: 'signIn', route: 'POST /api/v1/auth/login', access: 'public', summary: 'Sign in: a session cookie and its CSRF token', description: 'Per-address and per-account limits apply (429); a password check waits for a free slot (503 sign_in_busy with Retry-After).', body: loginSchema, responses: { 200: { description: 'Signed in; the session cookie is set.', schema: signedInSchema, headers: z.object({ 'Set-Cookie': z.string().meta({ description: 'moderato.sid: httpOnly, SameSite=Strict, 8 hours.' }) }) } }, errors: [401, 429] },
  { id: 'getSession', route: 'GET /api/v1/auth/session', summary: 'Who is signed in', responses: { 200: sessionAnswerSchema } },
  { id: 'signOut', route: 'POST /api/v1/auth/logout', summary: 'Sign out: the session is destroyed', responses: { 200: signedOutSchema } },
]);
