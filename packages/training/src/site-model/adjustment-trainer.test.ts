import { seededRandom } from '../sgd-trainer';
import { SITE_ADJUSTMENT_OPTIONS, trainSiteAdjustment, type AdjustmentExample } from './adjustment-trainer';
import { takeTurns } from './event-loop-turn';

const BITS = 10;
// Feature 7 is what this site's moderators object to; 100-199 are ordinary words.
const LOCAL_PATTERN = 7;

function examples(count: number, seed: number, withPattern: (i: number) => boolean): AdjustmentExample[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const words = [100 + Math.floor(random() * 50), 150 + Math.floor(random() * 50)];
    const pattern = withPattern(i);
    const indices = pattern ? [LOCAL_PATTERN, ...words] : words;
    // About what an n-gram of a short comment weighs; the base model misses the pattern and scores every comment alike.
    const values = Float32Array.from(indices.map(() => 0.2));
    return { vector: { indices: Int32Array.from(indices), values }, offset: -4 + random(), label: pattern ? 1 : 0 };
  });
}

const train = (rows: AdjustmentExample[]) => trainSiteAdjustment(rows, BITS, SITE_ADJUSTMENT_OPTIONS, takeTurns());
const weightOf = (adjustment: { indices: number[]; weights: number[] }, index: number) => adjustment.weights[adjustment.indices.indexOf(index)] ?? 0;

describe('trainSiteAdjustment', () => {
  it('learns a pattern the base model misses', async () => {
    const sut = await train(examples(400, 1, (i) => i % 4 === 0));

    expect(weightOf(sut, LOCAL_PATTERN)).toBeGreaterThan(3);
    expect(Math.abs(weightOf(sut, LOCAL_PATTERN))).toBeGreaterThan(Math.max(...sut.weights.filter((_, k) => sut.indices[k] !== LOCAL_PATTERN).map(Math.abs)));
  });

  it('leaves the base model as it is where the moderators agree with it', async () => {
    const random = seededRandom(5);
    const agreeing = examples(400, 5, () => false).map((e) => {
      const offset = -3 + 4 * random();
      return { ...e, offset, label: random() < 1 / (1 + Math.exp(-offset)) ? (1 as const) : (0 as const) };
    });

    const sut = await train(agreeing);

    expect(Math.abs(sut.scale - 1)).toBeLessThan(0.05);
    expect(Math.abs(sut.bias)).toBeLessThan(0.05);
    const shifts = agreeing.map((e) => e.vector.indices.reduce((sum, index, k) => sum + weightOf(sut, index) * e.vector.values[k]!, 0));
    // Noise in a few labels per word moves some comments a little (the prior is loose enough for the
    // site's own words to count), never far, and the typical comment hardly at all.
    const sizes = shifts.map(Math.abs);
    expect(Math.max(...sizes)).toBeLessThan(1);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThan(0.25);
  });

  it('moves less on a few labels than on many', async () => {
    const few = await train(examples(40, 2, (i) => i % 2 === 0));
    const many = await train(examples(2_000, 2, (i) => i % 2 === 0));

    expect(weightOf(few, LOCAL_PATTERN)).toBeGreaterThan(0);
    expect(weightOf(few, LOCAL_PATTERN)).toBeLessThan(weightOf(many, LOCAL_PATTERN) / 2);
  });

  it('stores only the features it saw, ascending, none of them zero', async () => {
    const sut = await train(examples(200, 3, (i) => i % 3 === 0));

    expect(sut.indices.length).toBe(sut.weights.length);
    expect(sut.indices).toEqual([...sut.indices].sort((a, b) => a - b));
    expect(new Set(sut.indices).size).toBe(sut.indices.length);
    for (const index of sut.indices) expect(index === LOCAL_PATTERN || (index >= 100 && index < 200)).toBe(true);
    for (const weight of sut.weights) expect(Math.abs(weight)).toBeGreaterThanOrEqual(SITE_ADJUSTMENT_OPTIONS.pruneBelow);
  });

  it('gives the same adjustment for the same examples', async () => {
    const rows = examples(300, 4, (i) => i % 5 === 0);

    expect(await train(rows)).toEqual(await train(rows));
  });

  it('is the base model when given nothing', async () => {
    expect(await train([])).toEqual({ scale: 1, bias: 0, indices: [], weights: [] });
  });
});
