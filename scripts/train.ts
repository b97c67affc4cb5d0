// Trains every language's spam and toxicity scorers and writes
// packages/core/models/scorer-model.json. Same data in, same bytes out.
//
//   npm run train [-- --data DIR] [-- --labels-from-db]
//
// --data DIR        labelled data (default ../shared/data from the repo root)
// --labels-from-db  also train on moderators' labels from Postgres
//                   (DATABASE_URL; table moderation_labels joined to comments),
//                   routed by the language of each comment and weighted ×3
//                   (see training-plan.ts). The result then depends on the
//                   database's contents, so it no longer reproduces the
//                   committed file: keep it for your own install.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../packages/config/src';
import { createDatabase } from '../packages/db/src';
import { ANALYSERS } from '../packages/core/src/scoring/analysers/registry';
import { detectLanguage } from '../packages/core/src/scoring/language/detect-language';
import { DEFAULT_MODEL_PATH, modelVersion, serialiseModelSet, type ModelSet } from '../packages/core/src/scoring/model-file';
import { loadCorpora } from '../packages/training/src/corpora';
import type { LabeledText } from '../packages/training/src/dataset';
import { cachedFeaturiser, MODERATOR_SOURCE, trainModel, type Task } from '../packages/training/src/train-model';
import { TRAINING_PLAN } from '../packages/training/src/training-plan';

const REPO_ROOT = path.resolve(__dirname, '..');

function parseArgs(argv: readonly string[]): { dataDir: string; labelsFromDb: boolean } {
  let dataDir = path.resolve(REPO_ROOT, '../shared/data');
  let labelsFromDb = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--data' && argv[i + 1]) dataDir = path.resolve(argv[(i += 1)]!);
    else if (argv[i] === '--labels-from-db') labelsFromDb = true;
    else throw new Error(`unknown argument ${argv[i]}; usage: train.ts [--data DIR] [--labels-from-db]`);
  }
  return { dataDir, labelsFromDb };
}

/** Moderator labels as training rows, per task; a null label says nothing about that task. */
async function readModeratorLabels(): Promise<Record<Task, LabeledText[]>> {
  const db = createDatabase({ url: loadConfig().databaseUrl, maxConnections: 1 });
  try {
    const rows = await db
      .selectFrom('moderation_labels as l')
      .innerJoin('comments as c', 'c.id', 'l.comment_id')
      .select(['l.comment_id', 'l.spam', 'l.toxic', 'c.body'])
      // A stable order keeps the shuffle, and so the weights, reproducible for the same rows.
      .orderBy('l.comment_id')
      .execute();
    const as = (label: boolean | null, row: (typeof rows)[number]): LabeledText[] =>
      label === null ? [] : [{ id: `label-${row.comment_id}`, text: row.body, label: label ? 1 : 0, source: MODERATOR_SOURCE }];
    return { spam: rows.flatMap((r) => as(r.spam, r)), toxicity: rows.flatMap((r) => as(r.toxic, r)) };
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const { dataDir, labelsFromDb } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const corpora = loadCorpora(dataDir);
  const extra = labelsFromDb ? await readModeratorLabels() : { spam: [], toxicity: [] };
  const set: ModelSet = {};
  for (const [language, plan] of Object.entries(TRAINING_PLAN)) {
    const analyser = ANALYSERS[language]!;
    // One cache per language: both tasks read the same comments the same way.
    const featurise = cachedFeaturiser(analyser, plan.spam.hashBits);
    const trained = {} as Record<Task, ReturnType<typeof trainModel>>;
    for (const task of ['spam', 'toxicity'] as const) {
      const taskStarted = Date.now();
      const { train, calibration } = corpora[language]![task];
      const labels = extra[task].filter((row) => detectLanguage(row.text) === language);
      trained[task] = trainModel(plan[task], [...train, ...labels], calibration, featurise);
      const { slope, intercept } = trained[task].calibration;
      console.log(`${language} ${task}: ${train.length} data rows + ${labels.length} moderator labels, ${Date.now() - taskStarted} ms; Platt on ${calibration.length} dev rows: slope ${slope.toFixed(4)}, intercept ${intercept.toFixed(4)}`);
    }
    set[language] = { featureScheme: analyser.featureScheme, ...trained };
  }
  const json = serialiseModelSet(set);
  writeFileSync(DEFAULT_MODEL_PATH, json);
  console.log(`wrote ${path.relative(REPO_ROOT, DEFAULT_MODEL_PATH)} (${json.length} bytes, ${modelVersion(json)}) in ${Date.now() - started} ms`);
  console.log('metrics: npm run eval');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
