import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FEATURE_SCHEME } from './features';
import type { LinearModel } from './linear-model';
import { createLinearClassifier, createSharedExtractor, type ModelBundle } from './text-classifier';

/** Where `npm run train` writes the shipped model. */
export const DEFAULT_MODEL_PATH = path.join(__dirname, '../../models/scorer-model.json');

const FORMAT = 'moderato-linear-hash';
const FORMAT_VERSION = 1;
// Weights are stored as int16 with one scale per model: half the size of
// float32, and the rounding error (<1e-4 of the largest weight) moves
// probabilities far less than the calibration's own uncertainty.
const INT16_MAX = 32767;

/** The two models a bundle file holds. */
export interface ModelPair {
  spam: LinearModel;
  toxicity: LinearModel;
}

interface StoredModel {
  hashBits: number;
  bias: number;
  calibration: { slope: number; intercept: number };
  weightScale: number;
  weightsInt16Base64: string;
}

interface StoredBundle {
  format: string;
  formatVersion: number;
  featureScheme: string;
  models: { spam: StoredModel; toxicity: StoredModel };
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

/** Serialises both models to the JSON text of a model file (same input, same bytes). */
export function serialiseModelPair(pair: ModelPair): string {
  const bundle: StoredBundle = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    featureScheme: FEATURE_SCHEME,
    models: { spam: storeModel(pair.spam), toxicity: storeModel(pair.toxicity) },
  };
  return `${JSON.stringify(bundle, null, 1)}\n`;
}

/** Parses model-file JSON, refusing files written for another feature recipe. */
export function parseModelPair(json: string): ModelPair {
  const bundle = JSON.parse(json) as Partial<StoredBundle>;
  if (bundle.format !== FORMAT || bundle.formatVersion !== FORMAT_VERSION) {
    throw new Error(`model file: expected ${FORMAT} v${FORMAT_VERSION}, got ${bundle.format} v${bundle.formatVersion}`);
  }
  if (bundle.featureScheme !== FEATURE_SCHEME) {
    throw new Error(`model file: trained with features "${bundle.featureScheme}", code computes "${FEATURE_SCHEME}"`);
  }
  if (!bundle.models?.spam || !bundle.models.toxicity) throw new Error('model file: missing spam or toxicity model');
  return { spam: restoreModel(bundle.models.spam, 'spam'), toxicity: restoreModel(bundle.models.toxicity, 'toxicity') };
}

/** Version string recorded with each decision: scheme plus a digest of the file's bytes. */
export function modelVersion(json: string): string {
  return `linear-hash-v1+${createHash('sha256').update(json).digest('hex').slice(0, 12)}`;
}

/** Builds a bundle of classifiers from model-file JSON. */
export function bundleFromJson(json: string): ModelBundle {
  const pair = parseModelPair(json);
  const extract = createSharedExtractor();
  return {
    version: modelVersion(json),
    spam: createLinearClassifier(pair.spam, extract),
    toxicity: createLinearClassifier(pair.toxicity, extract),
  };
}

/**
 * Loads the spam and toxicity scorers (synchronously: call once at start-up).
 * @param modelPath defaults to packages/core/models/scorer-model.json.
 */
export function loadModelBundle(modelPath: string = DEFAULT_MODEL_PATH): ModelBundle {
  return bundleFromJson(readFileSync(modelPath, 'utf8'));
}
