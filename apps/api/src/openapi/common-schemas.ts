import { z } from 'zod';
import type { Decision, Reason, StoredCommentStatus } from '@moderato/core';
import { answerSchema } from './answer-schema';

/** Answer schemas more than one route file's document uses. */
export const storedStatusSchema = answerSchema<StoredCommentStatus>()(z.enum(['held', 'approved', 'rejected']));

export const decisionSchema = answerSchema<Decision>()(z.enum(['approve', 'hold', 'reject']));

export const reasonSchema = answerSchema<Reason>()(
  z
    .object({
      code: z.string().meta({ description: 'Stable machine name: links, spam-model, toxicity-model, threshold, premoderate, trusted-commenter …' }),
      message: z.string(),
      value: z.number().optional(),
      matches: z.array(z.string()).optional().meta({ description: 'Words or n-grams from the comment that triggered it.' }),
      spans: z
        .array(z.object({ start: z.int(), end: z.int(), text: z.string() }))
        .optional()
        .meta({ description: 'Where the matches are in the body (UTF-16 offsets, end exclusive), for highlighting.' }),
    })
    .meta({ id: 'Reason' }),
);

/** Keyset pagination: pass `next` back as `cursor`; null on the last page. */
export const nextCursorSchema = z.string().nullable().meta({ description: 'Pass back as `cursor` for the next page; null on the last page.' });

/** A moment as the API writes it: ISO 8601 in UTC. */
export const timestampSchema = z.iso.datetime().meta({ id: 'Timestamp', description: 'ISO 8601, UTC.', examples: ['2026-11-25T10:00:00.000Z'] });
