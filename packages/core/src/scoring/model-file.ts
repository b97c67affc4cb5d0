import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ANALYSERS } from './analysers/registry';
import type { LinearModel } from './linear-model';
import { createLanguageModels, type LanguageModels, type ModelBundle } from './text-classifier';

/** Where `npm run train` writes the shipped model. */
export const DEFAULT_MODEL_PATH = path.join(__dirname, '../../models/scorer-model.json');

const FORMAT = 'moderato-linear-hash';
// v2: models per language, each with the feature recipe it was trained on.
const FORMAT_VERSION = 2;
// Weights are stored as int16 with one scale per model: half the size of
// float32, and the rounding error (<1e-4 of the largest weight) moves
// probabilities far less than the calibration's own uncertainty.
const INT16_MAX = 32767;

/** One language's two models. */
export interface ModelPair {
  spam: LinearModel;
  toxicity: LinearModel;
}

/** What a model file holds: a pair per language (ISO 639-1), and the recipe each was trained on. */
export type ModelSet = Record<string, ModelPair & { featureScheme: string }>;

interface StoredModel {
  hashBits: number;
  bias: number;
  calibration: { slope: number; intercept: number };
  weightScale: number;
  weightsInt16Base64: string;
}

interface StoredLanguage {
  featureScheme: string;
  spam: StoredModel;
  toxicity: StoredModel;
}

interface StoredBundle {
  format: string;
  formatVersion: number;
  languages: Record<string, StoredLanguage>;
}

function storeModel(model: LinearModel): StoredModel {
  let largest = 0;
  for (const w of model.weights) largest = Math.max(largest, Math.abs(w));
  const weightScale = largest > 0 ? largest / INT16_MAX : 1;
  const quantised = new Int16Array(model.weights.length);
  for (let i = 0; i < quantised.length; i += 1) quantised[i] = Math.round(model.weights[i]! / weightScale);
  return {
    hashBits: model.hashBits,
    bias: model.bias,
    calibration: { slope: model.calibration.slope, intercept: model.calibration.intercept },
    weightScale,
    // Buffer.from on a typed array's buffer is little-endian on every platform we run.
    weightsInt16Base64: Buffer.from(quantised.buffer).toString('base64'),
  };
}

function restoreModel(stored: StoredModel, name: string): LinearModel {
  const bytes = Buffer.from(stored.weightsInt16Base64, 'base64');
  const size = 1 << stored.hashBits;
  if (bytes.length !== size * 2) throw new Error(`model file: ${name} has ${bytes.length} weight bytes, expected ${size * 2}`);
  const quantised = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i += 1) weights[i] = quantised[i]! * stored.weightScale;
  return { hashBits: stored.hashBits, bias: stored.bias, calibration: { ...stored.calibration }, weights };
}

/** Serialises every language's models to the JSON text of a model file (same input, same bytes; languages sorted). */
export function serialiseModelSet(set: ModelSet): string {
  const languages: Record<string, StoredLanguage> = {};
  for (const language of Object.keys(set).sort()) {
    const { featureScheme, spam, toxicity } = set[language]!;
    languages[language] = { featureScheme, spam: storeModel(spam), toxicity: storeModel(toxicity) };
  }
  const bundle: StoredBundle = { format: FORMAT, formatVersion: FORMAT_VERSION, languages };
  return `${JSON.stringify(bundle, null, 1)}\n`;
}

/**
 * Parses model-file JSON, refusing a language whose recipe differs from the
 * code's (a changed recipe silently scrambles weights) or that no analyser reads.
 */
export function parseModelSet(json: string): ModelSet {
  const bundle = JSON.parse(json) as Partial<StoredBundle>;
  if (bundle.format !== FORMAT || bundle.formatVersion !== FORMAT_VERSION) {
    throw new Error(`model file: expected ${FORMAT} v${FORMAT_VERSION}, got ${bundle.format} v${bundle.formatVersion}`);
  }
  const set: ModelSet = {};
  for (const [language, stored] of Object.entries(bundle.languages ?? {})) {
    const analyser = ANALYSERS[language];
    if (!analyser) throw new Error(`model file: no analyser for language "${language}"`);
    if (stored.featureScheme !== analyser.featureScheme) {
      throw new Error(`model file: ${language} trained with features "${stored.featureScheme}", code computes "${analyser.featureScheme}"`);
    }
    if (!stored.spam || !stored.toxicity) throw new Error(`model file: ${language} lacks its spam or toxicity model`);
    set[language] = { featureScheme: stored.featureScheme, spam: restoreModel(stored.spam, `${language} spam`), toxicity: restoreModel(stored.toxicity, `${language} toxicity`) };
  }
  return set;
}

/** Version string recorded with each decision: scheme plus a digest of the file's bytes. */
export function modelVersion(json: string): string {
  return `linear-hash-v2+${createHash('sha256').update(json).digest('hex').slice(0, 12)}`;
}

/** Builds the per-language scorers from model-file JSON. */
export function bundleFromJson(json: string): ModelBundle {
  const languages: Record<string, LanguageModels> = {};
  const linear: Record<string, ModelPair> = {};
  for (const [language, pair] of Object.entries(parseModelSet(json))) {
    languages[language] = createLanguageModels(ANALYSERS[language]!, pair.spam, pair.toxicity);
    linear[language] = { spam: pair.spam, toxicity: pair.toxicity };
  }
  return { version: modelVersion(json), languages, linear };
}

/**
 * Loads every language's spam and toxicity scorers (synchronously: call once at start-up).
 * @param modelPath defaults to packages/core/models/scorer-model.json.
 */
export function loadModelBundle(modelPath: string = DEFAULT_MODEL_PATH): ModelBundle {
  return bundleFromJson(readFileSync(modelPath, 'utf8'));
}
