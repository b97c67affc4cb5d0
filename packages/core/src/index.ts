export * from './comment';
export * from './decision';
export * from './site-settings';
export * from './privacy';
export type { Scorer, ScoreResult, ScoringInput } from './scoring/scorer';
export type { ScoringPhase, PhaseContext, PhaseResult } from './scoring/phase';
export type { ModelBundle, TextClassifier, Classification, Evidence } from './scoring/text-classifier';
export { createScorer, MODERATION_POLICY } from './scoring/pipeline';
export { loadModelBundle } from './scoring/model-file';
export {
  parseSiteModelWeights,
  siteModelBundle,
  siteModelVersion,
  type LanguageAdjustment,
  type SiteAdjustment,
  type SiteModelWeights,
} from './scoring/site-model';
export { bodyFingerprint } from './scoring/normalise/text-fingerprint';
export { cleanText } from './clean-text';
export { isUuid } from './uuid';
export * from './moderation';
export * from './site-models';
export * from './training-label';
export { mergeSettingsPatch } from './settings-patch';
export {
  previewSettings,
  rulesDiffer,
  storedRuleHits,
  type PreviewComment,
  type RuleEvaluator,
  type RuleHits,
  type SettingsPreview,
  type Agreement,
  type ChangedDecision,
  type ChangedCommentText,
  type SettingsPreviewWithText,
  PREVIEW_EXCERPT_LENGTH,
  type ChangeKind,
  type DecisionCounts,
} from './preview/settings-preview';
export { flipReasons, type FlipInput } from './preview/flip-reason';
export { evaluateStoredRules } from './preview/rule-evaluator';
export * from './qa';
export * from './qa-estimate';
export * from './overview';
export * from './imported-comment';
export * from './webhook-events';
