import { z } from 'zod';
import { HttpError, invalidField } from './errors';

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );
}

/**
 * Parses a value or throws a 400 naming the first field that is wrong.
 * `where` names what is parsed (`body`, `query`, `path`); `field` names a
 * single parsed value (a path parameter).
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string, field?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const name = [...issue.path.map(String), issue.keys[0]].join('.');
    throw invalidField(name, `unknown field ${name}`);
  }
  if (!issue || issue.path.length === 0) {
    if (field) throw invalidField(field, issue?.message ?? `${field} is invalid`);
    throw new HttpError(400, 'invalid_request', `the request ${where} must be a JSON object`);
  }
  const name = issue.path.map(String).join('.');
  const missing = issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined;
  throw invalidField(name, missing ? `${name} is required` : issue.message);
}

/**
 * A whole number read from the query string, within [min, max], with a
 * default; its messages name the parameter and the range.
 */
export function queryInteger(name: string, { min, max, fallback }: { min: number; max: number; fallback: number }) {
  const range = `${name} must be ${min} to ${max}`;
  return z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, range).max(max, range).default(fallback);
}
