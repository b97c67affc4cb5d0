import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface OwnPostgres {
  /** Server URL with the `postgres` database; the drill creates its own. */
  serverUrl: string;
  /** `pg_ctl stop -m immediate`: no checkpoint, crash recovery on the next start. */
  stopImmediate(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if up) and removes its data folder. */
  destroy(): Promise<void>;
}

// initdb and postgres refuse to run as root: as root, run them as `postgres`.
const asOwner = (command: string, args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);

/** A private Postgres in a temporary folder on its own loopback port, so the drill can break it freely. */
export async function startOwnPostgres(port: number): Promise<OwnPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'moderato-drill-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, 'data');
  await asOwner(path.join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const pgCtl = (...args: string[]) => asOwner(path.join(PG_BIN, 'pg_ctl'), ['-D', data, ...args]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  let up = false;
  const start = async () => {
    await pgCtl('-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start');
    up = true;
  };
  await start();
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stopImmediate() {
      await pgCtl('-m', 'immediate', '-w', 'stop');
      up = false;
    },
    start,
    async destroy() {
      if (up) await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
