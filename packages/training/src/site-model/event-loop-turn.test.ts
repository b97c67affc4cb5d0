import { takeTurns } from './event-loop-turn';

describe('takeTurns', () => {
  it('lets callbacks waiting on the event loop run once a slice is used up', async () => {
    const sut = takeTurns({ sliceMs: 0, restMs: 0 });
    let ran = false;
    setImmediate(() => (ran = true));

    for (let i = 0; i < 3 && !ran; i += 1) await sut();

    expect(ran).toBe(true);
  });

  it('costs nothing but a microtask within a slice', async () => {
    const sut = takeTurns({ sliceMs: 60_000, restMs: 0 });
    let ran = false;
    setImmediate(() => (ran = true));

    for (let i = 0; i < 1_000; i += 1) await sut();

    expect(ran).toBe(false);
  });

  it('rests between slices when paced, so the loop takes only its share of a core', async () => {
    const sut = takeTurns({ sliceMs: 5, restMs: 15 });
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();

    // Busy work in 50 µs steps, asking for a turn after each, for 200 ms of wall time.
    while (performance.now() - startedAt < 200) {
      for (const end = performance.now() + 0.05; performance.now() < end; );
      await sut();
    }

    const cpu = process.cpuUsage(cpuBefore);
    const share = (cpu.user + cpu.system) / 1000 / (performance.now() - startedAt);
    expect(share).toBeLessThan(0.5);
  });
});
