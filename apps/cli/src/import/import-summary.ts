import { STATUS_FOR_VERDICT, type Decision, type ImportVerdict, type StoredCommentStatus } from '@moderato/core';
import type { ImportOutcome } from '@moderato/db';
import type { ImportError } from './source-comment';

/** The most errors the summary lists one by one; `errorCount` has them all. */
export const MAX_LISTED_ERRORS = 100;

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const DECISIONS: readonly Decision[] = ['approve', 'hold', 'reject'];

/** How the scorer's decisions compare with the old system's verdicts (`--score`). */
export class ScoreComparison {
  private readonly byVerdict = new Map<ImportVerdict, Record<Decision, number>>();
  private scored = 0;

  constructor(private readonly modelVersion: string) {}

  add(verdict: ImportVerdict, decision: Decision): void {
    const row = this.byVerdict.get(verdict) ?? zeroes(DECISIONS);
    row[decision] += 1;
    this.byVerdict.set(verdict, row);
    this.scored += 1;
  }

  private count(verdicts: readonly ImportVerdict[], decision: Decision): number {
    return verdicts.reduce((sum, v) => sum + (this.byVerdict.get(v)?.[decision] ?? 0), 0);
  }

  toJSON() {
    const rejected: ImportVerdict[] = ['trash', 'deleted'];
    return {
      scored: this.scored,
      modelVersion: this.modelVersion,
      /** Rows: the old verdict; columns: what Moderato would have decided. */
      byVerdict: Object.fromEntries(this.byVerdict),
      approvedWouldHold: this.count(['approved'], 'hold'),
      approvedWouldReject: this.count(['approved'], 'reject'),
      spamWouldApprove: this.count(['spam'], 'approve'),
      rejectedWouldApprove: this.count(rejected, 'approve'),
    };
  }
}

/** Counts what one import did, for its one-line JSON summary. */
export class ImportTally {
  private imported = 0;
  private readonly byStatus = zeroes<StoredCommentStatus>(['approved', 'held', 'rejected']);
  private readonly byVerdict = zeroes<ImportVerdict>(['approved', 'pending', 'spam', 'trash', 'deleted']);
  private readonly skippedBy = { alreadyImported: 0, erasedAuthor: 0, notAComment: 0 };
  // Only the articles this run added comments to: as many as the site has pages, not comments.
  private readonly articles = new Set<string>();
  private readonly errors: ImportError[] = [];
  private errorCount = 0;
  private undated = 0;

  constructor(private readonly dryRun: boolean) {}

  outcome(outcome: ImportOutcome, verdict: ImportVerdict, articleId: string): void {
    if (outcome === 'already-imported') this.skippedBy.alreadyImported += 1;
    else if (outcome === 'erased-author') this.skippedBy.erasedAuthor += 1;
    else {
      this.imported += 1;
      this.byStatus[STATUS_FOR_VERDICT[verdict]] += 1;
      this.byVerdict[verdict] += 1;
      this.articles.add(articleId);
    }
  }

  notAComment(): void {
    this.skippedBy.notAComment += 1;
  }

  undatedComment(): void {
    this.undated += 1;
  }

  error(error: ImportError): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  toJSON(score?: ScoreComparison) {
    const skipped = this.skippedBy.alreadyImported + this.skippedBy.erasedAuthor + this.skippedBy.notAComment;
    return {
      imported: this.imported,
      skipped,
      byStatus: this.byStatus,
      articles: this.articles.size,
      errors: this.errors,
      errorCount: this.errorCount,
      byVerdict: this.byVerdict,
      skippedBy: this.skippedBy,
      undated: this.undated,
      dryRun: this.dryRun,
      ...(score ? { score: score.toJSON() } : {}),
    };
  }
}
