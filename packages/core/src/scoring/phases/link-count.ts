import { EMAIL_PATTERN, LINK_PATTERN } from '../normalise/characters';
import type { ScoringPhase } from '../phase';

/** Counts links and email addresses; more than the site allows holds the comment. */
export const linkCount: ScoringPhase = ({ body, settings }) => {
  const emails = [...body.matchAll(EMAIL_PATTERN)];
  const links = [...body.matchAll(LINK_PATTERN)].filter((l) => !emails.some((e) => overlaps(l, e)));
  const found = [...links, ...emails].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  if (found.length <= settings.maxLinks) return undefined;
  const counted = emails.length > 0 ? `${links.length} links and ${emails.length} email addresses` : `${links.length} links`;
  const reason = {
    code: 'links',
    message: `${counted}, more than the ${settings.maxLinks} allowed`,
    value: found.length,
    matches: found.slice(0, 5).map((m) => m[0]),
    spans: found.slice(0, 5).map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] })),
  };
  return { holdRules: [reason] };
};

function overlaps(a: RegExpMatchArray, b: RegExpMatchArray): boolean {
  const aStart = a.index ?? 0;
  const bStart = b.index ?? 0;
  return aStart < bStart + b[0].length && bStart < aStart + a[0].length;
}
