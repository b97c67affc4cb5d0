import type { Decision } from '@moderato/core';
import { rocAuc } from '../metrics';

/** One scored held-out row: its label, the model's score and the decision at the site's settings. */
export interface ScoredRow {
  label: 0 | 1;
  score: number;
  decision: Decision;
}

/** What the default decisions do to one source's rows. */
export interface DecisionReport {
  n: number;
  positives: number;
  rocAuc: number;
  /** Clean rows held, for any reason (what a moderator works through). */
  cleanHeld: number;
  /** Clean rows at or above this score's hold threshold. */
  cleanHeldByScore: number;
  cleanRejected: number;
  /** Toxic or spam rows approved (what readers see). */
  badApproved: number;
}

const share = (rows: readonly ScoredRow[], test: (row: ScoredRow) => boolean): number => (rows.length === 0 ? Number.NaN : rows.filter(test).length / rows.length);

/** Summarises scored rows at a hold threshold (the site default's for the score reported). */
export function decisionReport(rows: readonly ScoredRow[], holdThreshold: number): DecisionReport {
  const clean = rows.filter((r) => r.label === 0);
  const bad = rows.filter((r) => r.label === 1);
  return {
    n: rows.length,
    positives: bad.length,
    rocAuc: clean.length > 0 && bad.length > 0 ? rocAuc(rows.map((r) => r.score), rows.map((r) => r.label)) : Number.NaN,
    cleanHeld: share(clean, (r) => r.decision === 'hold'),
    cleanHeldByScore: share(clean, (r) => r.score >= holdThreshold),
    cleanRejected: share(clean, (r) => r.decision === 'reject'),
    badApproved: share(bad, (r) => r.decision === 'approve'),
  };
}

/** The clean share held by a score at its hold threshold is at most `target`: the lowest such threshold. */
export function thresholdForCleanShare(rows: readonly ScoredRow[], target: number): number {
  const clean = rows.filter((r) => r.label === 0).map((r) => r.score).sort((a, b) => b - a);
  const allowed = Math.floor(clean.length * target);
  // Strictly above the first clean score that must stay below the threshold.
  return clean.length === 0 ? 0 : clean[allowed]! + 1e-6;
}

const HEADER = '| language | task | source | n (bad) | ROC-AUC | clean held | clean held by this score | clean rejected | bad approved |';

/** Markdown table header for {@link formatReport}. */
export function reportHeader(): string {
  return `${HEADER}\n|${'---|'.repeat(9)}`;
}

/** One markdown table line. */
export function formatReport(language: string, task: string, source: string, r: DecisionReport): string {
  const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(1)} %`);
  const auc = Number.isNaN(r.rocAuc) ? 'n/a' : r.rocAuc.toFixed(3);
  return `| ${language} | ${task} | ${source} | ${r.n} (${r.positives}) | ${auc} | ${pct(r.cleanHeld)} | ${pct(r.cleanHeldByScore)} | ${pct(r.cleanRejected)} | ${pct(r.badApproved)} |`;
}
