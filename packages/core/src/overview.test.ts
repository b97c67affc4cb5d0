import { rangeDays, rangeStart, rangeWeeks } from './overview';

describe('the overview range', () => {
  // A Wednesday evening, UTC.
  const now = new Date('2026-12-02T21:30:00Z');

  it('starts at midnight UTC and counts today as its last day', () => {
    expect(rangeStart(now, 7).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(rangeDays(now, 7)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('has one entry per day across month ends', () => {
    const days = rangeDays(now, 90);
    expect(days).toHaveLength(90);
    expect(days[0]).toBe('2026-09-04');
    expect(days.at(-1)).toBe('2026-12-02');
    expect(new Set(days).size).toBe(90);
  });

  it('groups its days in ISO weeks, Monday first, cutting the first and last', () => {
    // Thursday 26 Nov to Wednesday 2 Dec: four days of the week of Monday 23 Nov, three of the next.
    expect(rangeWeeks(now, 7)).toEqual([
      { week: '2026-11-23', days: 4 },
      { week: '2026-11-30', days: 3 },
    ]);
    const weeks = rangeWeeks(now, 30);
    expect(weeks.map((w) => w.days).reduce((a, b) => a + b)).toBe(30);
    expect(weeks.every((w) => new Date(`${w.week}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('reads the day in UTC whatever the moment', () => {
    expect(rangeDays(new Date('2026-12-02T00:00:00Z'), 1)).toEqual(['2026-12-02']);
    expect(rangeDays(new Date('2026-12-02T23:59:59.999Z'), 1)).toEqual(['2026-12-02']);
  });
});
