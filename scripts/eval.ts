// Evaluates the shipped scorer on held-out labelled data and prints
// markdown: per language, task and source, ROC-AUC and what the default
// decisions do (clean rows held or rejected, toxic or spam rows approved);
// the thresholds that would meet the operating point on dev; the identity
// and reporting check lists; speed.
//
//   npm run eval [-- --data DIR]
import path from 'node:path';
import { DEFAULT_SITE_SETTINGS } from '../packages/core/src/site-settings';
import { createScorer } from '../packages/core/src/scoring/pipeline';
import { loadModelBundle } from '../packages/core/src/scoring/model-file';
import { loadCorpora } from '../packages/training/src/corpora';
import type { LabeledText } from '../packages/training/src/dataset';
import { decisionReport, formatReport, reportHeader, thresholdForCleanShare, type ScoredRow } from '../packages/training/src/evaluation/decision-report';
import { identityCheckList } from '../packages/training/src/evaluation/identity-check-list';
import { REPORTING_CHECK_LIST } from '../packages/training/src/evaluation/reporting-check-list';
import type { Task } from '../packages/training/src/train-model';

const REPO_ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? path.resolve(args[args.indexOf('--data') + 1]!) : path.resolve(REPO_ROOT, '../shared/data');
const settings = DEFAULT_SITE_SETTINGS;
// The operating point (MODEL.md): clean news comments held by each score.
const CLEAN_HELD_TARGET: Record<Task, number> = { toxicity: 0.1, spam: 0.03 };
const NEWS_SOURCE: Record<Task, string> = { toxicity: 'civil-comments-ccc', spam: 'civil-comments-ham' };
const CANDIDATE_THRESHOLDS = [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3];

const loadStarted = performance.now();
const bundle = loadModelBundle();
const loadMs = performance.now() - loadStarted;
const scorer = createScorer(bundle);
const score = (body: string) => scorer.score({ body, name: 'Reader', settings });

function bySource(rows: readonly LabeledText[]): Array<[string, LabeledText[]]> {
  const groups = new Map<string, LabeledText[]>();
  for (const row of rows) groups.set(row.source, [...(groups.get(row.source) ?? []), row]);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
}

const table = [reportHeader()];
const operatingPoints: string[] = [];
const corpora = loadCorpora(dataDir);
for (const language of Object.keys(corpora)) {
  for (const task of ['toxicity', 'spam'] as const) {
    const { dev } = corpora[language]![task];
    const scoredRows = (rows: readonly LabeledText[]): ScoredRow[] =>
      rows.map((row) => {
        const result = score(row.text);
        return { label: row.label, score: result[task], decision: result.decision };
      });
    table.push(formatReport(language, task, 'all dev', decisionReport(scoredRows(dev), settings[task].approveBelow)));
    for (const [source, rows] of bySource(dev)) {
      const scored = scoredRows(rows);
      table.push(formatReport(language, task, source, decisionReport(scored, settings[task].approveBelow)));
      if (source === NEWS_SOURCE[task]) {
        const threshold = thresholdForCleanShare(scored, CLEAN_HELD_TARGET[task]);
        operatingPoints.push(`- ${language} ${task}: holding ≤ ${CLEAN_HELD_TARGET[task] * 100} % of clean ${source} dev rows takes a hold threshold of ${threshold.toFixed(3)} (shipped: ${settings[task].approveBelow}).`);
      }
      if (source === NEWS_SOURCE.toxicity && task === 'toxicity') operatingPoints.push(...tradeOff(scored));
    }
  }
}

// Clean held and toxic caught by the toxicity score alone at other hold thresholds.
function tradeOff(scored: readonly ScoredRow[]): string[] {
  const clean = scored.filter((r) => r.label === 0);
  const bad = scored.filter((r) => r.label === 1);
  return CANDIDATE_THRESHOLDS.map((t) => {
    const held = clean.filter((r) => r.score >= t).length / clean.length;
    const caught = bad.filter((r) => r.score >= t).length / bad.length;
    return `  - hold at ${t}: ${(held * 100).toFixed(1)} % of clean held, ${(caught * 100).toFixed(1)} % of toxic caught`;
  });
}

function checkList(title: string, sentences: readonly string[]): string[] {
  const scored = sentences.map((text) => ({ text, result: score(text) })).sort((a, b) => Math.max(b.result.spam, b.result.toxicity) - Math.max(a.result.spam, a.result.toxicity));
  const notApproved = scored.filter((s) => s.result.decision !== 'approve');
  return [
    `${title}: ${sentences.length} sentences, ${notApproved.length} not approved at the defaults; highest:`,
    '',
    ...scored.slice(0, 5).map((s) => `- ${s.result.decision} (toxicity ${s.result.toxicity.toFixed(3)}, spam ${s.result.spam.toFixed(3)}) "${s.text.slice(0, 90)}"`),
  ];
}

function speed(): string[] {
  const english = 'Honestly I think the author misses the point about rent control here. Cities that tried it saw fewer new flats built, and the people it meant to help ended up on longer waiting lists. ';
  const russian = 'Честно говоря, автор упускает главное в вопросе о контроле арендной платы. Города, которые его ввели, построили меньше нового жилья, а очереди стали только длиннее. ';
  const lines: string[] = [`Model load ${loadMs.toFixed(0)} ms.`];
  for (const [label, base] of [['English', english], ['Russian', russian]] as const) {
    const comments = Array.from({ length: 200 }, (_, i) => `${base}${base}`.slice(0, 392) + ` #${String(i).padStart(5, '0')}`);
    const times: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const body of comments) {
        const started = performance.now();
        score(body);
        times.push((performance.now() - started) * 1000);
      }
    }
    const sorted = times.slice(200).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))]!.toFixed(0);
    lines.push(`${label} 400-character comment, whole pipeline: median ${at(0.5)} µs, p90 ${at(0.9)} µs (${sorted.length} runs after warm-up).`);
  }
  return lines;
}

console.log(`Shipped model ${bundle.version}; defaults: toxicity hold ≥ ${settings.toxicity.approveBelow}, reject ≥ ${settings.toxicity.rejectAbove}; spam hold ≥ ${settings.spam.approveBelow}, reject ≥ ${settings.spam.rejectAbove}.`);
console.log('');
console.log(table.join('\n'));
console.log(['', 'Operating point on dev:', ...operatingPoints].join('\n'));
console.log(['', ...checkList('Identity check list', identityCheckList())].join('\n'));
console.log(['', ...checkList('Reporting check list', REPORTING_CHECK_LIST)].join('\n'));
console.log(['', ...speed()].join('\n'));
