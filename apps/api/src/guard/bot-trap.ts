import { z } from 'zod';
import type { FormTokens } from './form-token';

/** A human needs longer than this to fill in the form after it rendered. */
export const MIN_FILL_TIME_MS = 2_000;

/**
 * The embed's extra fields: the signed form token and the honeypot (named
 * like a real field so bots fill it). Both optional: a site's own server
 * posting through the API sends neither.
 */
export const formEvidenceSchema = z.object({
  formToken: z.string().max(200).optional().catch(undefined),
  website: z.string().max(2_000).optional().catch(undefined),
});

export type FormEvidence = z.infer<typeof formEvidenceSchema>;

export type TrapReason = 'honeypot' | 'too-fast' | 'bad-token';

export interface BotTrapOptions {
  tokens: FormTokens;
  /** Counts a trapped post; must not throw (a failed count must not reveal the trap). */
  count: (siteId: string, reason: TrapReason) => Promise<void>;
}

export interface BotTrap {
  /** Why this post looks like a bot, or undefined for a post to score as usual. */
  check(siteId: string, articleId: string, evidence: FormEvidence, now?: number): Promise<TrapReason | undefined>;
}

/**
 * Decides from the honeypot and the form token alone. A missing or stale
 * token is no evidence either way; a forged one, or one used too soon, is.
 */
export function createBotTrap({ tokens, count }: BotTrapOptions): BotTrap {
  const judge = (siteId: string, articleId: string, evidence: FormEvidence, now: number | undefined): TrapReason | undefined => {
    if (evidence.website && evidence.website.trim() !== '') return 'honeypot';
    if (evidence.formToken === undefined) return undefined;
    const verdict = tokens.verify(evidence.formToken, siteId, articleId, now);
    if (verdict.kind === 'invalid') return 'bad-token';
    if (verdict.kind === 'valid' && verdict.ageMs < MIN_FILL_TIME_MS) return 'too-fast';
    return undefined;
  };
  return {
    // Without `now`, the tokens' own clock decides the age.
    async check(siteId, articleId, evidence, now) {
      const reason = judge(siteId, articleId, evidence, now);
      if (reason) await count(siteId, reason);
      return reason;
    },
  };
}
