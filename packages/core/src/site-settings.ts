import { z } from 'zod';

const probability = z.number().min(0).max(1);
// Bounded so one site's list cannot make every comment's scan slow.
const wordList = z.array(z.string().trim().min(1).max(100)).max(5_000);
// Only what a browser sends in an Origin header: javascript:, file: or data:
// would never match one, and could end up as a link in the dashboard.
const webOrigin = z.url({ protocol: /^https?$/, error: 'each allowed origin must be an http:// or https:// URL' }).max(2_048);

const bandsSchema = z
  .object({ approveBelow: probability, rejectAbove: probability })
  .strict()
  .refine((b) => b.approveBelow <= b.rejectAbove, {
    message: 'approveBelow must not be greater than rejectAbove',
    path: ['approveBelow'],
  });

/** Per-site moderation policy. Unknown keys are refused so typos never pass silently. */
export const siteSettingsSchema = z
  .object({
    spam: bandsSchema,
    toxicity: bandsSchema,
    /** More links than this holds the comment. */
    maxLinks: z.number().int().min(0).max(1000),
    /** Hold every comment for a moderator. */
    premoderate: z.boolean(),
    maxBodyLength: z.number().int().min(1).max(20_000),
    allowedOrigins: z.array(webOrigin).max(100),
    /** How the embed shows links in bodies: plain text, or `rel="nofollow ugc noopener"` links. */
    linkStyle: z.enum(['text', 'nofollow']),
    /** Words or phrases that reject a comment (whole words, case-insensitive, seen through l33t and spacing). */
    blockWords: wordList,
    /** Words or phrases that hold a comment for a moderator. */
    holdWords: wordList,
    /** Hold an author's comments until this many earlier ones (same email hash) were approved; 0: off. */
    newCommenterHold: z.number().int().min(0).max(100),
    /** Hold comments in a language no model reads (they are scored by the rules only). */
    holdUnscoredLanguages: z.boolean(),
    /** Share of auto-approved comments also sent to the QA list (they stay published). */
    qaSampleRate: probability,
    /** An author with this many approved comments and none rejected is not held by the model's hold band; 0: off. */
    trustAfterApproved: z.number().int().min(0).max(1000),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type ScoreBands = SiteSettings['spam'];

/**
 * Defaults: three bands per score, so only the confident extremes skip a
 * human. Chosen on dev (packages/core/models/MODEL.md): toxicity holds from
 * 0.09, which holds 8.6 % of clean news comments and catches 70 % of toxic
 * ones (the 10 % line is 0.079, but a short neutral sentence naming an
 * identity scores 0.086); spam holds from 0.3, which holds 0.4 % of clean
 * news comments and catches 93 % of held-out blog spam.
 */
export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  spam: { approveBelow: 0.3, rejectAbove: 0.95 },
  toxicity: { approveBelow: 0.09, rejectAbove: 0.95 },
  maxLinks: 2,
  premoderate: false,
  maxBodyLength: 5000,
  allowedOrigins: [],
  linkStyle: 'text',
  blockWords: [],
  holdWords: [],
  newCommenterHold: 0,
  holdUnscoredLanguages: false,
  qaSampleRate: 0.02,
  trustAfterApproved: 3,
};

/**
 * Reads stored settings, filling keys added after they were saved with
 * defaults. Origins saved before only http(s) was accepted are dropped, not
 * fatal: they never matched a browser's Origin header anyway.
 */
export function parseSiteSettings(stored: unknown): SiteSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SITE_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
  if (Array.isArray(merged.allowedOrigins)) merged.allowedOrigins = merged.allowedOrigins.filter((origin) => webOrigin.safeParse(origin).success);
  return siteSettingsSchema.parse(merged);
}
