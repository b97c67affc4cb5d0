/** The overview's time ranges, in days up to and including today (UTC). */
export const OVERVIEW_RANGES = [7, 30, 90] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

/**
 * One UTC day's comments, counted on the day each arrived, by where it
 * stands now: approved by the scorer and left so, approved by a moderator
 * (after a hold, or against a rejection), waiting in the queue, or rejected
 * (by the scorer or a moderator).
 */
export interface OverviewDay {
  /** YYYY-MM-DD, UTC. */
  day: string;
  autoApproved: number;
  moderatorApproved: number;
  held: number;
  rejected: number;
}

/**
 * One ISO week's moderator actions (Monday to Sunday, UTC), the first and
 * last week cut to the range. An override turns the scorer's automatic
 * decision around: a moderator rejects (or marks as spam) a comment the
 * scorer approved, or approves one it rejected. A resolved hold is a
 * moderator's approval or rejection of a comment the scorer held.
 */
export interface OverviewWeek {
  /** The Monday, YYYY-MM-DD. */
  week: string;
  /** How many of its days fall in the range: fewer than 7 for a cut week. */
  days: number;
  approvalsOverturned: number;
  rejectionsOverturned: number;
  holdsResolved: number;
}

export interface OverviewCount {
  comments: number;
}

/** What an owner or moderator sees first: a site's recent comments in aggregate. */
export interface SiteOverview {
  range: { days: OverviewRange; from: string; to: string };
  perDay: OverviewDay[];
  /** Auto-approved among all comments of the range; null when none arrived. */
  autoApprovedShare: number | null;
  /** The queue now, whatever the range: held comments (counted up to `cap`) and the oldest one's age. */
  queue: { held: number; cap: number; oldestHeldAt: string | null; oldestHeldSeconds: number | null };
  weeks: OverviewWeek[];
  /** The ten reason codes given most often on the range's comments, each comment counted once per code. */
  reasons: Array<OverviewCount & { code: string }>;
  /** Comments per detected language, most first; null: decided before languages were detected. */
  languages: Array<OverviewCount & { language: string | null }>;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a moment, in UTC. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The first moment of the range: midnight UTC `days - 1` days before the day of `now`. */
export function rangeStart(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

/** The range's days, oldest first, as YYYY-MM-DD. */
export function rangeDays(now: Date, days: number): string[] {
  const start = rangeStart(now, days).getTime();
  return Array.from({ length: days }, (_, i) => utcDay(new Date(start + i * DAY_MS)));
}

/** The ISO weeks the range touches, oldest first: each Monday and how many of the range's days fall in it. */
export function rangeWeeks(now: Date, days: number): Array<{ week: string; days: number }> {
  const weeks: Array<{ week: string; days: number }> = [];
  for (const day of rangeDays(now, days)) {
    const at = new Date(`${day}T00:00:00Z`);
    // getUTCDay: Sunday 0 … Saturday 6; the ISO week starts on Monday.
    const monday = utcDay(new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * DAY_MS));
    const last = weeks[weeks.length - 1];
    if (last?.week === monday) last.days += 1;
    else weeks.push({ week: monday, days: 1 });
  }
  return weeks;
}
