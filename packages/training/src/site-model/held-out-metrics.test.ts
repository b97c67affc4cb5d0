import { heldOutMetrics, type JudgedLabel } from './held-out-metrics';

const judged = (bad: boolean, decision: JudgedLabel['decision'], score: number): JudgedLabel => ({ bad, decision, spam: score, toxicity: score / 2 });

describe('heldOutMetrics', () => {
  it('counts clean approved and bad rejected as agreement, and a hold as neither', () => {
    const sut = heldOutMetrics([
      judged(false, 'approve', 0.1),
      judged(false, 'hold', 0.5),
      judged(false, 'approve', 0.2),
      judged(true, 'reject', 0.99),
      judged(true, 'hold', 0.6),
      judged(true, 'approve', 0.15),
    ]);

    expect(sut).toEqual({ labels: 6, clean: 3, bad: 3, agreement: 3 / 6, cleanHeld: 1 / 3, badApproved: 1 / 3, rocAuc: 7 / 9 });
  });

  it('ranks by the larger of the two scores', () => {
    const sut = heldOutMetrics([
      { bad: true, decision: 'hold', spam: 0.01, toxicity: 0.9 },
      { bad: false, decision: 'approve', spam: 0.5, toxicity: 0.01 },
    ]);

    expect(sut.rocAuc).toBe(1);
  });

  it('has no ROC-AUC with one class, and no shares of an empty class', () => {
    const sut = heldOutMetrics([judged(false, 'approve', 0.1), judged(false, 'reject', 0.97)]);

    expect(sut).toMatchObject({ clean: 2, bad: 0, agreement: 0.5, cleanHeld: 0.5, badApproved: 0, rocAuc: null });
    expect(heldOutMetrics([])).toEqual({ labels: 0, clean: 0, bad: 0, agreement: 0, cleanHeld: 0, badApproved: 0, rocAuc: null });
  });
});
