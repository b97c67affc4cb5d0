/**
 * Real time plus an offset a test moves forward: code that checks how much
 * time has passed sees it pass at once, without the test sleeping.
 */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function createTestClock(): TestClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(ms) {
      offsetMs += ms;
    },
  };
}
