import { request } from 'node:http';

export type Outcome =
  | { kind: 'answered'; status: number; id?: string }
  /** No connection: nobody was listening (the API between two processes). */
  | { kind: 'refused' }
  /** The connection broke after it was made: a request that may or may not have been handled. */
  | { kind: 'dropped'; code: string; atMs: number };

export interface LoadOptions {
  url: string;
  ratePerSecond: number;
  durationMs: number;
  /** Never more than this many requests open at once: the drill must stay bounded. */
  maxInFlight: number;
}

export interface LoadResult {
  outcomes: Outcome[];
  /** Ticks skipped because maxInFlight requests were already open. */
  skipped: number;
}

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * One POST on a fresh connection (no keep-alive), so "refused" is exact:
 * a request either reached a listening server or never left.
 */
function postOnce(url: string, body: string, startedAt: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let id: string | undefined;
        try {
          id = (JSON.parse(text) as { id?: string }).id;
        } catch {
          id = undefined;
        }
        resolve({ kind: 'answered', status: res.statusCode ?? 0, id });
      });
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'dropped', code: error.code ?? error.message, atMs: Date.now() - startedAt }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'dropped', code: error.code ?? error.message, atMs: Date.now() - startedAt }),
    );
    req.end(body);
  });
}

/** Offers comments at a steady rate for a fixed time; resolves once every request has an outcome. */
export async function runSteadyLoad({ url, ratePerSecond, durationMs, maxInFlight }: LoadOptions): Promise<LoadResult> {
  const pending: Promise<Outcome>[] = [];
  let inFlight = 0;
  let skipped = 0;
  const startedAt = Date.now();
  for (let n = 0; ; n++) {
    const due = startedAt + (n * 1000) / ratePerSecond;
    if (due - startedAt >= durationMs) break;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    inFlight++;
    const body = JSON.stringify({ name: `Drill ${n}`, email: `drill-${n}@example.org`, body: `Drill comment number ${n}: a calm and friendly remark.` });
    pending.push(postOnce(url, body, startedAt).finally(() => inFlight--));
  }
  return { outcomes: await Promise.all(pending), skipped };
}
