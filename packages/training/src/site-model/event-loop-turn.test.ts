import { takeTurns } from './event-loop-turn';

describe('takeTurns', () => {
  it('lets callbacks waiting on the event loop run once a slice is used up', async () => {
    const sut = takeTurns(0);
    let ran = false;
    setImmediate(() => (ran = true));

    for (let i = 0; i < 3 && !ran; i += 1) await sut();

    expect(ran).toBe(true);
  });

  it('costs nothing but a microtask within a slice', async () => {
    const sut = takeTurns(60_000);
    let ran = false;
    setImmediate(() => (ran = true));

    for (let i = 0; i < 1_000; i += 1) await sut();

    expect(ran).toBe(false);
  });
});
