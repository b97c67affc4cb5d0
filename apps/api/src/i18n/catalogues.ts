import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The embed's and the dashboard's words: one JSON file per language, named by
 * its lower-case language tag (`ru.json`, `pt-br.json`). A message is text
 * with {placeholders}, or its plural forms (the categories of
 * Intl.PluralRules) of which the browser picks one by the {count} it is given.
 */
const pluralFormsSchema = z
  .object({ zero: z.string(), one: z.string(), two: z.string(), few: z.string(), many: z.string(), other: z.string() })
  .partial()
  .required({ other: true })
  .strict();

export const messageSchema = z.union([z.string(), pluralFormsSchema]);
export const catalogueSchema = z.record(z.string().regex(/^[A-Za-z][\w.-]*$/, 'keys are letters, digits, _ . or -'), messageSchema);

export type Message = z.infer<typeof messageSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

/** The language every catalogue is checked against and every reader falls back to. */
export const DEFAULT_LANGUAGE = 'en';

const CATALOGUE_FILE = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.json$/;

/**
 * Every catalogue in a directory by language. Read once at start: a file
 * that is not valid JSON or not a catalogue stops the start, naming itself.
 */
export function readCatalogues(dir: string): Record<string, Catalogue> {
  const catalogues: Record<string, Catalogue> = {};
  for (const file of readdirSync(dir).sort()) {
    const language = CATALOGUE_FILE.exec(file)?.[1];
    if (!language) continue;
    const where = path.join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(where, 'utf8'));
    } catch (error) {
      throw new Error(`${where} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = catalogueSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${where} is not a message catalogue: ${z.prettifyError(parsed.error)}`);
    catalogues[language] = parsed.data;
  }
  if (!catalogues[DEFAULT_LANGUAGE]) throw new Error(`${dir} has no ${DEFAULT_LANGUAGE}.json, which every other language falls back to`);
  return catalogues;
}
