import type { TrainingLabel } from '@moderato/core';
import { splitByLabelTime } from './split-labels';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute));
const label = (id: string, minute: number): TrainingLabel => ({ id, body: id, language: 'en', spam: false, toxic: false, labelledAt: at(minute) });

describe('splitByLabelTime', () => {
  it('holds out the newest 20 % by the time the label was given, whatever the input order', () => {
    const labels = Array.from({ length: 10 }, (_, i) => label(`c${i}`, i)).reverse();

    const sut = splitByLabelTime(labels);

    expect(sut.train.map((l) => l.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(sut.heldOut.map((l) => l.id)).toEqual(['c8', 'c9']);
    expect(sut.heldOutFrom).toEqual(at(8));
  });

  it('orders labels given in the same instant by comment id, so the split is always the same', () => {
    const labels = ['e', 'b', 'd', 'a', 'c'].map((id) => label(id, 0));

    const first = splitByLabelTime(labels);
    const again = splitByLabelTime([...labels].reverse());

    expect(first.heldOut.map((l) => l.id)).toEqual(['e']);
    expect(again).toEqual(first);
  });

  it('holds out nothing when there are too few labels to spare one', () => {
    const sut = splitByLabelTime([label('a', 0), label('b', 1)]);

    expect(sut).toEqual({ train: [label('a', 0), label('b', 1)], heldOut: [], heldOutFrom: null });
  });
});
