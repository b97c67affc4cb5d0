import type { HeldOutMetrics } from '@moderato/core';
import { heldOutLine, liveLabel } from './held-out-line';

const metrics: HeldOutMetrics = { labels: 120, clean: 100, bad: 20, agreement: 0.9116, cleanHeld: 0.041, badApproved: 0.06, rocAuc: 0.95123 };

describe('heldOutLine', () => {
  it('prints agreement and ROC-AUC as ratios and the two error shares as percentages', () => {
    expect(heldOutLine('candidate v3', metrics)).toBe('candidate v3  agreement 0.912  clean held 4.1 %  bad approved 6.0 %  ROC-AUC 0.951');
  });

  it('pads the label so lines align, and says when ROC-AUC cannot be had', () => {
    expect(heldOutLine(liveLabel(null), { ...metrics, rocAuc: null }, 16)).toBe('live (shipped)    agreement 0.912  clean held 4.1 %  bad approved 6.0 %  ROC-AUC n/a (one class)');
    expect(liveLabel(2)).toBe('live v2');
  });
});
