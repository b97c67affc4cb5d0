import { z } from 'zod';
import { ANALYSERS } from './analysers/registry';
import type { LinearModel } from './linear-model';
import type { ModelPair } from './model-file';
import { createLanguageModels, type LanguageModels, type ModelBundle } from './text-classifier';

/**
 * One site's correction to one shipped classifier, learned from that site's
 * moderators: logit' = scale · logit_base + bias + Σ weights[i] · x[i], over
 * the same hashed features the base model reads. Trained with a prior toward
 * (scale 1, bias 0, no weights), so with few labels it stays the base model;
 * the weights are sparse (only n-grams the site's labelled comments held).
 */
export interface SiteAdjustment {
  scale: number;
  bias: number;
  /** Hashed feature indices, ascending, and their weights (same length). */
  indices: number[];
  weights: number[];
}

/** A language's adjustments; a kind without one (too few labels of it) is scored by the base model. */
export interface LanguageAdjustment {
  /** The feature recipe the weights were learned on; a model read another way is not applied. */
  featureScheme: string;
  spam?: SiteAdjustment;
  toxicity?: SiteAdjustment;
}

/** What a site model stores: adjustments per language (ISO 639-1). */
export type SiteModelWeights = Partial<Record<string, LanguageAdjustment>>;

const adjustmentSchema = z
  .object({
    scale: z.number(),
    bias: z.number(),
    indices: z.array(z.number().int().min(0)),
    weights: z.array(z.number()),
  })
  .refine((a) => a.indices.length === a.weights.length, { message: 'indices and weights differ in length' });

const siteModelWeightsSchema = z.record(
  z.string(),
  z.object({ featureScheme: z.string(), spam: adjustmentSchema.optional(), toxicity: adjustmentSchema.optional() }),
);

/** Reads stored weights (jsonb), refusing anything malformed rather than scoring with it. */
export function parseSiteModelWeights(stored: unknown): SiteModelWeights {
  return siteModelWeightsSchema.parse(stored);
}

/** The version recorded with each decision made under a site model: the base model's, then the site's. */
export function siteModelVersion(baseVersion: string, version: number): string {
  return `${baseVersion}+site-v${version}`;
}

/**
 * The base model with the adjustment folded in, as one linear model: the
 * composition is linear in the features, so scoring and explaining a comment
 * cost exactly what the base model costs.
 */
export function adjustLinearModel(base: LinearModel, adjustment: SiteAdjustment): LinearModel {
  const { slope, intercept } = base.calibration;
  const factor = adjustment.scale * slope;
  const weights = new Float32Array(base.weights.length);
  for (let i = 0; i < weights.length; i += 1) weights[i] = factor * base.weights[i]!;
  for (let k = 0; k < adjustment.indices.length; k += 1) {
    const index = adjustment.indices[k]!;
    if (index >= weights.length) throw new Error(`site model: feature ${index} is outside a ${weights.length}-bucket model`);
    weights[index] = weights[index]! + adjustment.weights[k]!;
  }
  return {
    hashBits: base.hashBits,
    weights,
    bias: factor * base.bias + adjustment.scale * intercept + adjustment.bias,
    calibration: { slope: 1, intercept: 0 },
  };
}

/**
 * The models a site's comments are scored with under a site model: each
 * adjusted language reads as the base does, with adjusted weights; every
 * other language (and kind) is the base model's own. A language whose
 * recipe changed since training keeps the base model.
 */
export function siteModelBundle(base: ModelBundle, weights: SiteModelWeights, version: number): ModelBundle {
  if (!base.linear) throw new Error('site model: the base bundle was built without its linear models');
  const languages: Record<string, LanguageModels> = {};
  for (const [language, models] of Object.entries(base.languages)) {
    const adjustment = weights[language];
    const pair: ModelPair | undefined = base.linear[language];
    const analyser = ANALYSERS[language];
    if (!models) continue;
    if (!adjustment || !pair || !analyser || adjustment.featureScheme !== analyser.featureScheme || (!adjustment.spam && !adjustment.toxicity)) {
      languages[language] = models;
      continue;
    }
    const spam = adjustment.spam ? adjustLinearModel(pair.spam, adjustment.spam) : pair.spam;
    const toxicity = adjustment.toxicity ? adjustLinearModel(pair.toxicity, adjustment.toxicity) : pair.toxicity;
    languages[language] = createLanguageModels(analyser, spam, toxicity);
  }
  return { version: siteModelVersion(base.version, version), languages, linear: base.linear };
}
