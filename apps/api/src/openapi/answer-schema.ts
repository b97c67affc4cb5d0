import { z } from 'zod';

/** What JSON.stringify makes of a value: a Date becomes its ISO string. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A response schema written for the document, tied to the type the code
 * answers with: the compiler refuses a schema whose parsed value is not
 * exactly that type as JSON (a field missing, extra, optional or of another
 * type), so the document cannot drift from the code.
 *
 * `answerSchema<ThreadPage>()(z.object({ … }))`
 */
export const answerSchema =
  <Answer>() =>
  <Schema extends z.ZodType>(schema: Schema, ..._mismatch: Same<z.output<Schema>, Json<Answer>> extends true ? [] : [schemaDoesNotMatchTheAnswerType: never]): Schema =>
    schema;

/** Every error answer: `{"error": {"code", "message", "field"?}}` (apps/api/src/errors.ts). */
export const errorAnswerSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine name: invalid_field, not_found, csrf_token_invalid, status_changed …', examples: ['invalid_field'] }),
      message: z.string().meta({ description: 'One line for a person.', examples: ['email is not a valid address'] }),
      field: z.string().optional().meta({ description: 'The input that is wrong, when one is.', examples: ['email'] }),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;
