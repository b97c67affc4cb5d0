import { heldOutMistakes, isWorseThanLive, type HeldOutMetrics } from './site-models';

const heldOut = (overrides: Partial<HeldOutMetrics>): HeldOutMetrics => ({
  labels: 100,
  clean: 80,
  bad: 20,
  agreement: 0.8,
  cleanHeld: 0.1,
  badApproved: 0.25,
  rocAuc: 0.9,
  ...overrides,
});

describe('isWorseThanLive', () => {
  it('counts the mistakes a moderator lives with: clean held plus bad approved', () => {
    expect(heldOutMistakes(heldOut({}))).toBe(8 + 5);
  });

  it('calls a candidate worse when it makes more of those mistakes, whatever its agreement', () => {
    expect(isWorseThanLive({ candidate: heldOut({ cleanHeld: 0.2, agreement: 0.95 }), live: heldOut({}), liveVersion: null })).toBe(true);
    expect(isWorseThanLive({ candidate: heldOut({ badApproved: 0.1, agreement: 0.7 }), live: heldOut({}), liveVersion: null })).toBe(false);
  });

  it('breaks a tie on agreement with the moderators', () => {
    expect(isWorseThanLive({ candidate: heldOut({ agreement: 0.7 }), live: heldOut({}), liveVersion: 3 })).toBe(true);
    expect(isWorseThanLive({ candidate: heldOut({}), live: heldOut({}), liveVersion: 3 })).toBe(false);
  });
});
