import type { ScoringPhase } from '../phase';

// Schemes, `www.` hosts and bare domains with a path: what spammers paste.
const LINK_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|ru|info|biz|xyz|top|io|ly|co|me)\/[^\s<>"']*/gi;

/** Counts links; more than the site allows holds the comment. */
export const linkCount: ScoringPhase = ({ body, settings }) => {
  const links = body.match(LINK_PATTERN) ?? [];
  if (links.length <= settings.maxLinks) return undefined;
  const reason = {
    code: 'links',
    message: `${links.length} links, more than the ${settings.maxLinks} allowed`,
    value: links.length,
    matches: links.slice(0, 5),
  };
  return { holdRules: [reason] };
};
