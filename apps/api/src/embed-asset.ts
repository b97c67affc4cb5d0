import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The embed script, as shipped: plain JS, no build step. */
export const EMBED_SOURCE_PATH = path.join(__dirname, '..', '..', 'web', 'embed', 'embed.js');

export interface StaticAsset {
  body: Buffer;
  gzipped: Buffer;
  /** Strong ETag of the plain bytes; the gzipped form has its own. */
  etag: string;
  gzipEtag: string;
}

/** Reads a file once and prepares both encodings and their ETags. */
export function loadStaticAsset(file: string): StaticAsset {
  const body = readFileSync(file);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  return { body, gzipped: gzipSync(body, { level: 9 }), etag: `"${hash}"`, gzipEtag: `"${hash}-gz"` };
}
