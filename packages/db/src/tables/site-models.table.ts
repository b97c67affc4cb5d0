import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Decision, QaVerdict, Reason, SiteModelStatus } from '@moderato/core';

export type { QaVerdict };

export interface SiteModelsTable {
  site_id: string;
  version: number;
  status: SiteModelStatus;
  base_model_version: string;
  label_cutoff: Date;
  training_data: JSONColumnType<Record<string, unknown>>;
  metrics: JSONColumnType<Record<string, unknown>>;
  weights: JSONColumnType<Record<string, unknown>>;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  status_changed_at: ColumnType<Date, Date | undefined, Date>;
  went_live_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type SiteModelAction = 'train' | 'shadow' | 'unshadow' | 'promote' | 'rollback';

export interface SiteModelEventsTable {
  id: Generated<string>;
  site_id: string;
  version: number | null;
  action: SiteModelAction;
  forced: ColumnType<boolean, boolean | undefined, never>;
  actor: string;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: ColumnType<Date, never, never>;
}

export interface ShadowDecisionsTable {
  comment_id: string;
  site_id: string;
  model_version: number;
  decision: Decision;
  spam_score: number;
  toxicity_score: number;
  reasons: JSONColumnType<Reason[]>;
  created_at: ColumnType<Date, never, never>;
}

export interface QaSamplesTable {
  comment_id: string;
  site_id: string;
  sampled_at: ColumnType<Date, Date | undefined, never>;
  verdict: QaVerdict | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}
