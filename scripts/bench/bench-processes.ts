import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** A child process the bench started, with the tail of its output kept for error messages. */
export interface BenchProcess {
  child: ChildProcess;
  /** Resolves once the process printed a line matching `pattern`. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Peak resident set (VmHWM) in MB, read from /proc; NaN when unavailable. */
  peakRssMb(): number;
  /** CPU seconds (user + system) used so far by the process and its children (a cluster's processes), from /proc; NaN when unavailable. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point with tsx, as `npm run start:*` does. The
 * output is read and dropped (a pipe nobody reads would stall the child),
 * keeping only the last few KB.
 */
export function startTs(entry: string, env: NodeJS.ProcessEnv): BenchProcess {
  // BENCH_PROFILE_DIR=/tmp/prof: every child writes a V8 CPU profile there on exit.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`, ...(process.env.BENCH_PROFILE_INTERVAL ? [`--cpu-prof-interval=${process.env.BENCH_PROFILE_INTERVAL}`] : [])] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const onData = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-8_000);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(tail)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    child,
    printed(pattern, timeoutMs = 30_000) {
      if (pattern.test(tail)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${entry} did not print ${pattern} within ${timeoutMs} ms:\n${tail}`)), timeoutMs);
        child.once('exit', (code) => reject(new Error(`${entry} exited (${code}) before printing ${pattern}:\n${tail}`)));
        waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    peakRssMb() {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return match ? Number(match[1]) / 1024 : Number.NaN;
      } catch {
        return Number.NaN;
      }
    },
    cpuSeconds() {
      try {
        return treeCpuSeconds(child.pid!);
      } catch {
        return Number.NaN;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// Linux's clock ticks per second (USER_HZ), which /proc/<pid>/stat counts in.
const CLOCK_TICKS = 100;

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): [0] is state, [1] ppid, [11] utime, [12] stime. */
const statFields = (pid: number | string): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');

/** CPU seconds of a process and, recursively, of its live children. */
function treeCpuSeconds(pid: number): number {
  const own = statFields(pid);
  let seconds = (Number(own[11]) + Number(own[12])) / CLOCK_TICKS;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(entry)[1]) === pid) seconds += treeCpuSeconds(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return seconds;
}

/** A free loopback port, for a child to listen on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls a URL until it answers 200. */
export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
