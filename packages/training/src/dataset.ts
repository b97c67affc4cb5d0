import { readFileSync } from 'node:fs';

/** One labelled example as stored in the shared data folder. */
export interface LabeledText {
  id: string;
  text: string;
  label: 0 | 1;
  source: string;
  /**
   * The share of raters who called it positive, where the file has it
   * (`toxicity` in the news data): a softer target than the 0/1 label.
   */
  target?: number;
}

/**
 * Reads a JSON-lines file of `{id, text, label, source}` rows, failing on the
 * first malformed row with its line number: a silently skipped row would
 * shift every metric we report.
 */
export function readLabeledJsonl(filePath: string): LabeledText[] {
  const rows: LabeledText[] = [];
  const lines = readFileSync(filePath, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line) as Partial<LabeledText> & { toxicity?: unknown };
    if (typeof row.id !== 'string' || typeof row.text !== 'string' || typeof row.source !== 'string' || (row.label !== 0 && row.label !== 1)) {
      throw new Error(`${filePath}:${index + 1}: expected {id, text, label: 0|1, source}`);
    }
    const target = typeof row.toxicity === 'number' && row.toxicity >= 0 && row.toxicity <= 1 ? { target: row.toxicity } : {};
    rows.push({ id: row.id, text: row.text, label: row.label, source: row.source, ...target });
  });
  return rows;
}
