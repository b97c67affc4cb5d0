import type { Expression, ExpressionBuilder } from 'kysely';

/**
 * For an upsert's `do update set`: each named column takes the value the
 * insert proposed (`excluded.<column>`), so the new row wins on those columns
 * and keeps its stored value on the others. A misspelt column fails in
 * Postgres on the first upsert; the repositories' tests run each one.
 */
export function proposedValues<C extends string>(eb: ExpressionBuilder<any, any>, columns: readonly C[]): Record<C, Expression<any>> {
  const values = {} as Record<C, Expression<any>>;
  for (const column of columns) values[column] = eb.ref(`excluded.${column}`);
  return values;
}
