import { estimateBadShare, wilsonInterval as sut } from './qa-estimate';

const rounded = (interval: { low: number; high: number } | undefined) => interval && [Number(interval.low.toFixed(4)), Number(interval.high.toFixed(4))];

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3.
  it.each([
    [81, 263, [0.2553, 0.3662]],
    [15, 148, [0.0624, 0.1605]],
    [0, 20, [0, 0.1611]],
    [1, 29, [0.0061, 0.1718]],
  ])('%i of %i → %j', (successes, trials, expected) => {
    expect(rounded(sut(successes, trials))).toEqual(expected);
  });

  it('stays inside [0, 1] at the extremes and is symmetric about a half', () => {
    expect(sut(0, 1)).toEqual({ low: 0, high: expect.closeTo(0.7935, 4) });
    expect(sut(10, 10)!.high).toBe(1);
    expect(rounded(sut(5, 10))).toEqual([0.2366, 0.7634]);
  });

  it('has no interval without trials, and refuses impossible counts', () => {
    expect(sut(0, 0)).toBeUndefined();
    expect(() => sut(3, 2)).toThrow(RangeError);
    expect(() => sut(-1, 2)).toThrow(RangeError);
    expect(() => sut(0.5, 2)).toThrow(RangeError);
  });
});

describe('estimateBadShare', () => {
  const week = (week: string, start: string, sampled: number, reviewed: number, bad: number) => ({ week, start, sampled, reviewed, bad });

  it('estimates each week and the weeks pooled', () => {
    const result = estimateBadShare([week('2026-W47', '2026-11-16', 20, 15, 0), week('2026-W48', '2026-11-23', 30, 29, 1)]);
    expect(result.weeks[0]).toMatchObject({ week: '2026-W47', start: '2026-11-16', sampled: 20, reviewed: 15, bad: 0, share: 0, low: 0 });
    expect(result.weeks[0]!.high).toBeCloseTo(0.2039, 4);
    expect(result.weeks[1]).toMatchObject({ reviewed: 29, bad: 1, share: 1 / 29, low: expect.closeTo(0.0061, 4), high: expect.closeTo(0.1718, 4) });
    expect(result.overall).toMatchObject({ sampled: 50, reviewed: 44, bad: 1, share: 1 / 44 });
  });

  it('gives no share for a week nobody checked', () => {
    const result = estimateBadShare([week('2026-W48', '2026-11-23', 4, 0, 0)]);
    expect(result.weeks[0]).toMatchObject({ share: null, low: null, high: null });
    expect(estimateBadShare([]).overall).toEqual({ sampled: 0, reviewed: 0, bad: 0, share: null, low: null, high: null });
  });
});
