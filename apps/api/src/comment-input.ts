import { z } from 'zod';
import { cleanText } from '@moderato/core';
import { formEvidenceSchema } from './guard/bot-trap';

/** The largest request body accepted; a comment is at most 20,000 characters. */
export const BODY_LIMIT = '64kb';

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .transform(cleanText)
    .pipe(z.string().min(1, `${field} is required`).max(max, `${field} must be at most ${max} characters`))
    // The OpenAPI document shows what a client sends, the pipe's input: say what the output checks.
    .meta({ minLength: 1, maxLength: max, pattern: '\\S', description: `Cleaned (control characters stripped, NFC, trimmed), then 1 to ${max} characters.` });

/** Hard ceiling for any site; each site's own `maxBodyLength` is checked after. */
export const MAX_BODY_LENGTH = 20_000;

export const newCommentSchema = z.object({
  name: text('name', 100),
  email: z
    .string({ error: 'email must be a string' })
    .trim()
    .max(254, 'email must be at most 254 characters')
    .pipe(z.email({ error: 'email is not a valid address' }))
    .meta({ format: 'email', description: 'Sealed at once; never shown to readers or in logs.' }),
  body: text('body', MAX_BODY_LENGTH),
  parentId: z.uuid({ error: 'parentId must be a UUID' }).nullish(),
});

export type NewComment = z.infer<typeof newCommentSchema>;

/** What the intake reads from a post in one pass: the comment and the embed's bot-trap fields. */
export const intakeBodySchema = newCommentSchema.extend(formEvidenceSchema.shape);

// Site ids are made by `moderato site create`; article ids are the site's own
// (slugs, numbers, paths) and only need to be printable and bounded.
export const siteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'siteId must be 1-64 letters, digits, _ or -');
export const articleIdSchema = z.string().min(1).max(256).regex(/^[^\u0000-\u001F\u007F]+$/, 'articleId must be printable');

export const threadQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be 1 to 1000').max(1000, 'limit must be 1 to 1000').default(50),
});
