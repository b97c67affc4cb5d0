import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from './bench-processes';

export interface ReadFigure {
  label: string;
  p50Ms: number;
  p99Ms: number;
}

/**
 * The review-queue and thread page times at `rows` comments, from
 * `npm run bench:review` run as it is (its own throwaway database and API),
 * parsed from its `label  p50 X ms   p99 Y ms` lines.
 */
export async function benchReads(rows: number): Promise<{ figures: ReadFigure[]; error?: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/review-queue.bench.ts', '--rows', String(rows), '--requests', '300'],
      // Seeding three sites of 100,000 rows and timing about forty queries 300
      // times each took 4 to 5 minutes on a busy 2-core machine.
      { cwd: REPO_ROOT, timeout: 600_000, maxBuffer: 1 << 20 },
    );
    const figures = [...stdout.matchAll(/^(.+?)\s+p50\s+([\d.]+) ms\s+p99\s+([\d.]+) ms/gm)].map((m) => ({
      label: (m[1] ?? '').trim(),
      p50Ms: Number(m[2]),
      p99Ms: Number(m[3]),
    }));
    return figures.length > 0 ? { figures } : { figures, error: `no figures in its output:\n${stdout.slice(-500)}` };
  } catch (error) {
    const { message, killed, signal } = error as Error & { killed?: boolean; signal?: string };
    return { figures: [], error: (killed ? `stopped after 10 minutes (${signal}): ` : '') + message.slice(0, 500) };
  }
}
