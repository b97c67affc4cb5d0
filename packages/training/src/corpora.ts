import path from 'node:path';
import { fnv1a } from '@moderato/core/src/scoring/features';
import { detectLanguage } from '@moderato/core/src/scoring/language/detect-language';
import { readLabeledJsonl, type LabeledText } from './dataset';
import type { Task } from './train-model';

/** Rows to train on and rows to calibrate and report on, for one language's task. */
export interface Corpus {
  train: LabeledText[];
  /** Every held-out row, reported per source. */
  dev: LabeledText[];
  /** The held-out rows Platt scaling is fitted on: the comments the service will really get. */
  calibration: LabeledText[];
}

// Sets without a dev file are split by a hash of the row id: fixed, and
// independent of row order, so a re-export of the file splits the same way.
const DEV_SHARE = 0.2;
const isDev = (row: LabeledText): boolean => fnv1a(row.id) % 1000 < DEV_SHARE * 1000;

// Tweets (OLID) are reported, not calibrated on: news comments are what the sites get.
const NOT_CALIBRATED_ON = new Set(['olid', 'olid-test']);
const corpus = (train: LabeledText[], dev: LabeledText[]): Corpus => ({ train, dev, calibration: dev.filter((row) => !NOT_CALIBRATED_ON.has(row.source)) });

/** Reads the labelled files and routes every row to the language it is written in, as the scorer will. */
export function loadCorpora(dataDir: string): Record<string, Record<Task, Corpus>> {
  const read = (file: string) => readLabeledJsonl(path.join(dataDir, file));
  // Comments that are not spam, whatever else they are: clean rows for the spam models.
  const asHam = (rows: LabeledText[], source: string) => rows.map((row) => ({ ...row, label: 0 as const, source }));
  const newsTrain = read('toxicity-news/train.jsonl');
  const newsDev = read('toxicity-news/dev.jsonl');
  const blogSpam = read('spam/blog-spam-extra.jsonl');
  const chatSpam = read('spam-ru/train.jsonl');
  const ruTrain = read('toxicity-ru/train.jsonl');
  const ruDev = read('toxicity-ru/dev.jsonl');

  const spamTrain = [...read('spam/train.jsonl'), ...blogSpam.filter((r) => !isDev(r)), ...asHam(newsTrain, 'civil-comments-ham'), ...chatSpam.filter((r) => !isDev(r)), ...asHam(ruTrain, 'ru-paradetox-ham')];
  // Held-out ham is the clean comments only, so "clean held" means clean.
  const clean = (rows: LabeledText[]) => rows.filter((row) => row.label === 0);
  const spamDev = [...read('spam/dev.jsonl'), ...blogSpam.filter(isDev), ...asHam(clean(newsDev), 'civil-comments-ham'), ...chatSpam.filter(isDev), ...asHam(clean(ruDev), 'ru-paradetox-ham')];
  const toxicityTrain = [...newsTrain, ...read('toxicity-news/toxic-extra.jsonl'), ...read('toxicity/train.jsonl'), ...ruTrain];
  const toxicityDev = [...newsDev, ...read('toxicity/dev.jsonl'), ...ruDev];

  const inLanguage = (rows: LabeledText[], language: string) => rows.filter((row) => detectLanguage(row.text) === language || (language === 'en' && detectLanguage(row.text) === 'und'));
  const corpora: Record<string, Record<Task, Corpus>> = {};
  for (const language of ['en', 'ru']) {
    corpora[language] = {
      spam: corpus(inLanguage(spamTrain, language), inLanguage(spamDev, language)),
      toxicity: corpus(inLanguage(toxicityTrain, language), inLanguage(toxicityDev, language)),
    };
  }
  return corpora;
}
