/** A moderator's label on one comment, with the text it was given on: what a site model learns from. */
export interface TrainingLabel {
  /** The comment's id. */
  id: string;
  body: string;
  /** As the scorer detected it when the comment was decided; null for comments decided before detection existed. */
  language: string | null;
  /** null: the action said nothing about spam (a rejection for abuse). */
  spam: boolean | null;
  /** null: the action said nothing about abuse (marked as spam). */
  toxic: boolean | null;
  labelledAt: Date;
}

/**
 * How a label counts when decisions are scored against it: "clean" when the
 * moderator approved (neither spam nor toxic), "bad" when they rejected or
 * marked spam; null when it says neither.
 */
export function labelClass(label: Pick<TrainingLabel, 'spam' | 'toxic'>): 'clean' | 'bad' | null {
  if (label.spam === true || label.toxic === true) return 'bad';
  if (label.spam === false && label.toxic === false) return 'clean';
  return null;
}
