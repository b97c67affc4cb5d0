// Trains the spam and toxicity scorers and writes
// packages/core/models/scorer-model.json. Same data in, same bytes out.
//
//   npm run train [-- --data DIR] [-- --labels-from-db]
//
// --data DIR        labelled data (default ../shared/data from the repo root)
// --labels-from-db  also train on moderators' labels from Postgres
//                   (DATABASE_URL; table moderation_labels joined to comments),
//                   weighted ×3, see TASK_CONFIG. The result then depends on
//                   the database's contents, so it no longer reproduces the
//                   committed file: keep it for your own install.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../packages/config/src';
import { createDatabase } from '../packages/db/src';
import { DEFAULT_MODEL_PATH, modelVersion, serialiseModelPair } from '../packages/core/src/scoring/model-file';
import { readLabeledJsonl, type LabeledText } from '../packages/core/src/scoring/training/dataset';
import { MODERATOR_SOURCE, TASK_CONFIG, trainModel, type Task } from '../packages/core/src/scoring/training/train-model';

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
  const extra = labelsFromDb ? await readModeratorLabels() : { spam: [], toxicity: [] };
  const models = {} as Record<Task, ReturnType<typeof trainModel>>;
  for (const task of ['spam', 'toxicity'] as const) {
    const taskStarted = Date.now();
    const train = readLabeledJsonl(path.join(dataDir, task, 'train.jsonl'));
    const dev = readLabeledJsonl(path.join(dataDir, task, 'dev.jsonl'));
    models[task] = trainModel(TASK_CONFIG[task], [...train, ...extra[task]], dev);
    const { slope, intercept } = models[task].calibration;
    console.log(`${task}: ${train.length} data rows + ${extra[task].length} moderator labels, ${Date.now() - taskStarted} ms; Platt on dev: slope ${slope.toFixed(4)}, intercept ${intercept.toFixed(4)}`);
  }
  const json = serialiseModelPair(models);
  writeFileSync(DEFAULT_MODEL_PATH, json);
  console.log(`wrote ${path.relative(REPO_ROOT, DEFAULT_MODEL_PATH)} (${json.length} bytes, ${modelVersion(json)}) in ${Date.now() - started} ms`);
  console.log('metrics: npm run eval');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
