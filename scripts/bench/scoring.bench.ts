import { existsSync } from 'node:fs';
import path from 'node:path';
import { createScorer, DEFAULT_SITE_SETTINGS, loadModelBundle, MODERATION_POLICY, type PhaseContext } from '@moderato/core';
import { classifyText } from '../../packages/core/src/scoring/text-classifier';
import { readLabeledJsonl } from '../../packages/training/src/dataset';
import { REPO_ROOT } from './bench-processes';
import { mean, median } from './stats';

export interface ScoringFigures {
  comments: number;
  warmupComments: number;
  loadMs: number;
  /** Median µs per comment: each model's classify, each phase, and the whole scorer. */
  medianUs: Record<string, number>;
  /** Mean µs per comment, which is what throughput pays. */
  meanUs: Record<string, number>;
  /** Mean µs of the whole pipeline on the warm-up comments, in a fresh process. */
  coldMeanUs: number;
}

/** Read in place from ../shared/data (never copied into the repository); `--data DIR` elsewhere. */
export const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data');

/**
 * `count` real comment bodies: every dev file first, then the train files,
 * interleaving spam and toxicity so both kinds of text are in the sample.
 */
export function loadRealBodies(count: number, dataDir = DEFAULT_DATA_DIR): string[] {
  const files = ['spam/dev.jsonl', 'toxicity/dev.jsonl', 'spam/train.jsonl', 'toxicity/train.jsonl'];
  const missing = files.filter((f) => !existsSync(path.join(dataDir, f)));
  if (missing.length > 0) throw new Error(`the labelled data is not in ${dataDir} (missing ${missing.join(', ')}): pass --data DIR`);
  const [spamDev, toxDev, spamTrain, toxTrain] = files.map((f) => readLabeledJsonl(path.join(dataDir, f)).map((r) => r.text));
  const train: string[] = [];
  for (let i = 0; train.length < count && i < Math.max(spamTrain?.length ?? 0, toxTrain?.length ?? 0); i += 1) {
    if (spamTrain?.[i] !== undefined) train.push(spamTrain[i]!);
    if (toxTrain?.[i] !== undefined) train.push(toxTrain[i]!);
  }
  return [...(spamDev ?? []), ...(toxDev ?? []), ...train].slice(0, count);
}


/**
 * Times the whole scorer, the models and each policy phase over real
 * comments the process has not seen: a worker warms up on earlier comments
 * (JIT, the stem memo; `coldMeanUs` is that first pass), then scores new
 * ones. The whole scorer goes first, so no step before it has seen the text.
 */
export function benchScoring(warmupBodies: readonly string[], bodies: readonly string[]): ScoringFigures {
  const loadStartedAt = performance.now();
  const models = loadModelBundle();
  const loadMs = performance.now() - loadStartedAt;
  const scorer = createScorer(models);
  const settings = DEFAULT_SITE_SETTINGS;
  const history = { approved: 3, rejected: 0 };
  const recent = ['an earlier comment by the same author', 'another earlier comment'];
  const wholePipeline = (body: string) => scorer.score({ body, name: 'Bench Reader', settings, authorHistory: history, recentBodies: recent });
  const times: Record<string, number[]> = {};
  const time = (label: string, run: () => void) => {
    const startedAt = performance.now();
    run();
    (times[label] ??= []).push((performance.now() - startedAt) * 1000);
  };
  for (const body of warmupBodies) time('cold', () => wholePipeline(body));
  const coldMeanUs = mean(times.cold ?? []);
  delete times.cold;
  // Separate loops, each over every body: the extractor and the folding
  // remember their last input, so timing one step right after another on the
  // same body would measure a cache hit. Within the phase loop those hits are
  // real (the pipeline's own order).
  const steps: Array<[string, (body: string) => void]> = [
    ['whole pipeline (scorer.score)', wholePipeline],
    ['spam model (read + classify)', (body) => classifyText(models.languages.en!, 'spam', body)],
    ['toxicity model (read + classify)', (body) => classifyText(models.languages.en!, 'toxicity', body)],
  ];
  for (const [label, step] of steps) for (const body of bodies) time(label, () => step(body));
  for (const body of bodies) {
    let context: PhaseContext = { body, name: 'Bench Reader', settings, authorHistory: history, recentBodies: recent, models };
    for (const phase of MODERATION_POLICY) {
      time(`phase ${phase.name}`, () => {
        const result = phase(context);
        if (result?.derived) context = { ...context, ...result.derived };
      });
    }
  }
  return { comments: bodies.length, warmupComments: warmupBodies.length, loadMs, medianUs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
    meanUs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, mean(v)])),
    coldMeanUs,
  };
}
