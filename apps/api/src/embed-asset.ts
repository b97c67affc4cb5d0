import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_LANGUAGE, readCatalogues, type Catalogue } from './i18n/catalogues';

/** The embed script: plain JS, no build step. */
export const EMBED_SOURCE_PATH = path.join(__dirname, '..', '..', 'web', 'embed', 'embed.js');
/** Its message catalogues, one `<language>.json` each. */
export const EMBED_CATALOGUES_DIR = path.join(__dirname, '..', '..', 'web', 'embed', 'i18n');

/** Where embed.js expects its languages; without them it shows its message keys. */
const CATALOGUES_MARKER = '/* moderato:catalogues */ {}';

export interface StaticAsset {
  body: Buffer;
  gzipped: Buffer;
  /** Strong ETag of the plain bytes; the gzipped form has its own. */
  etag: string;
  gzipEtag: string;
}

/**
 * embed.js as served: the script with the list of languages and English's
 * catalogue written into it. The other catalogues are served on their own
 * (`GET /embed/i18n/<language>.json`) and fetched only by the readers who
 * need them, so the script does not grow with each language added.
 */
export function buildEmbedScript(
  scriptPath: string = EMBED_SOURCE_PATH,
  catalogues: Record<string, Catalogue> = readCatalogues(EMBED_CATALOGUES_DIR),
): Buffer {
  const source = readFileSync(scriptPath, 'utf8');
  const [before, after, ...rest] = source.split(CATALOGUES_MARKER);
  if (after === undefined || rest.length > 0) throw new Error(`${scriptPath} must contain ${CATALOGUES_MARKER} exactly once`);
  const bundled = { languages: Object.keys(catalogues), [DEFAULT_LANGUAGE]: catalogues[DEFAULT_LANGUAGE] };
  return Buffer.from(`${before}${scriptSafeJson(bundled)}${after}`, 'utf8');
}

/** JSON is a JavaScript expression; escaping `<` keeps a copy of the script inlined in a page from ending early. */
const scriptSafeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** Prepares both encodings of an asset and their ETags. */
export function staticAsset(body: Buffer): StaticAsset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  return { body, gzipped: gzipSync(body, { level: 9 }), etag: `"${hash}"`, gzipEtag: `"${hash}-gz"` };
}
